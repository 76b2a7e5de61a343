#include "domain/dossier/status.hpp"

#include "domain/common/enum_names.hpp"

namespace motcua::dossier {

namespace {

using S = DossierStatus;

struct StatusInfo {
  S status;
  int portal_code;
  std::string_view name;
  std::string_view vi;
  std::string_view en;
};

// Labels for codes 1..10 are the portal's own wording; draft has none there.
constexpr std::array<StatusInfo, kAllStatuses.size()> kStatusInfo = {{
    {S::draft, 0, "draft", "Bản nháp", "Draft"},
    {S::submitted, 1, "submitted", "Mới đăng ký", "Newly submitted"},
    {S::received, 2, "received", "Được tiếp nhận", "Received"},
    {S::refused_at_receipt, 3, "refused_at_receipt", "Không được tiếp nhận", "Refused at receipt"},
    {S::in_progress, 4, "in_progress", "Đang xử lý", "In progress"},
    {S::awaiting_supplement, 5, "awaiting_supplement", "Yêu cầu bổ sung giấy tờ",
     "Supplementary documents requested"},
    {S::awaiting_payment, 6, "awaiting_payment", "Yêu cầu thực hiện nghĩa vụ tài chính",
     "Financial obligation requested"},
    {S::withdrawal_requested, 7, "withdrawal_requested", "Công dân yêu cầu rút hồ sơ",
     "Applicant asked to withdraw"},
    {S::stopped, 8, "stopped", "Dừng xử lý", "Processing stopped"},
    {S::result_ready, 9, "result_ready", "Đã xử lý xong", "Processing completed"},
    {S::returned, 10, "returned", "Đã trả kết quả", "Result returned"},
}};

const StatusInfo& info(S status) {
  for (const auto& entry : kStatusInfo) {
    if (entry.status == status) return entry;
  }
  return kStatusInfo[0];  // unreachable for a valid enumerator
}

constexpr detail::NameTable<ProgressSubstate, 3> kSubstateNames = {{
    {ProgressSubstate::none, "none"},
    {ProgressSubstate::in_consultation, "in_consultation"},
    {ProgressSubstate::extended, "extended"},
}};

constexpr detail::NameTable<ResultKind, 2> kResultKindNames = {{
    {ResultKind::approval, "approval"},
    {ResultKind::refusal, "refusal"},
}};

constexpr detail::NameTable<SupplementStage, 2> kSupplementStageNames = {{
    {SupplementStage::at_receipt, "at_receipt"},
    {SupplementStage::during_review, "during_review"},
}};

}  // namespace

int portal_status_code(DossierStatus status) { return info(status).portal_code; }

std::string_view to_string(DossierStatus status) { return info(status).name; }

std::optional<DossierStatus> parse_status(std::string_view name) {
  for (const auto& entry : kStatusInfo) {
    if (entry.name == name) return entry.status;
  }
  return std::nullopt;
}

std::string_view label_vi(DossierStatus status) { return info(status).vi; }
std::string_view label_en(DossierStatus status) { return info(status).en; }

std::string_view to_string(ProgressSubstate substate) {
  return detail::name_in(kSubstateNames, substate);
}
std::optional<ProgressSubstate> parse_progress_substate(std::string_view name) {
  return detail::value_in(kSubstateNames, name);
}

std::string_view to_string(ResultKind kind) { return detail::name_in(kResultKindNames, kind); }
std::optional<ResultKind> parse_result_kind(std::string_view name) {
  return detail::value_in(kResultKindNames, name);
}

std::string_view to_string(SupplementStage stage) {
  return detail::name_in(kSupplementStageNames, stage);
}
std::optional<SupplementStage> parse_supplement_stage(std::string_view name) {
  return detail::value_in(kSupplementStageNames, name);
}

}  // namespace motcua::dossier
