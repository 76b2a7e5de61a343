#include "domain/dossier/commands.hpp"

#include <type_traits>

#include "domain/common/enum_names.hpp"

namespace motcua::dossier {

namespace {

using C = CommandKind;

template <class Alternative, CommandKind kind>
constexpr bool kAt =
    std::is_same_v<std::variant_alternative_t<static_cast<std::size_t>(kind), Command>,
                   Alternative>;

// Keeps the variant and the enum in step: a reordering breaks the build, not kind_of().
static_assert(kAt<Submit, C::submit> && kAt<Accept, C::accept> &&
              kAt<RequestSupplement, C::request_supplement> &&
              kAt<ProvideSupplement, C::provide_supplement> && kAt<Refuse, C::refuse> &&
              kAt<Assign, C::assign> && kAt<Forward, C::forward> && kAt<SendBack, C::send_back> &&
              kAt<Consult, C::consult> && kAt<ReplyToConsultation, C::reply_to_consultation> &&
              kAt<RequestPayment, C::request_payment> && kAt<ConfirmPayment, C::confirm_payment> &&
              kAt<IssueApology, C::issue_apology> && kAt<Approve, C::approve> &&
              kAt<RejectAfterReview, C::reject_after_review> &&
              kAt<ReturnResult, C::return_result> &&
              kAt<RequestWithdrawal, C::request_withdrawal> &&
              kAt<CancelWithdrawal, C::cancel_withdrawal> && kAt<Stop, C::stop>);

struct CommandInfo {
  C kind;
  std::string_view name;
  std::string_view event;
  std::string_view vi;
  std::string_view en;
};

constexpr std::array<CommandInfo, kAllCommandKinds.size()> kCommandInfo = {{
    {C::submit, "submit", "dossier_submitted", "Nộp hồ sơ", "submit the dossier"},
    {C::accept, "accept", "dossier_accepted", "Tiếp nhận hồ sơ", "accept the dossier"},
    {C::request_supplement, "request_supplement", "supplement_requested",
     "Yêu cầu bổ sung, hoàn thiện hồ sơ", "request supplementary documents"},
    {C::provide_supplement, "provide_supplement", "supplement_provided", "Bổ sung hồ sơ",
     "provide supplementary documents"},
    {C::refuse, "refuse", "dossier_refused", "Từ chối tiếp nhận hồ sơ", "refuse the dossier"},
    {C::assign, "assign", "dossier_assigned", "Phân công xử lý", "assign an official"},
    {C::forward, "forward", "dossier_forwarded", "Chuyển bước xử lý tiếp theo",
     "forward to the next step"},
    {C::send_back, "send_back", "dossier_sent_back", "Trả lại bước xử lý trước",
     "send back to a previous step"},
    {C::consult, "consult", "consultation_opened", "Lấy ý kiến cơ quan liên quan",
     "consult another agency"},
    {C::reply_to_consultation, "reply_to_consultation", "consultation_replied",
     "Ghi nhận ý kiến trả lời", "record a consultation reply"},
    {C::request_payment, "request_payment", "payment_requested",
     "Yêu cầu thực hiện nghĩa vụ tài chính", "request payment"},
    {C::confirm_payment, "confirm_payment", "payment_confirmed",
     "Xác nhận đã thực hiện nghĩa vụ tài chính", "confirm payment"},
    {C::issue_apology, "issue_apology", "apology_issued",
     "Gửi phiếu xin lỗi và hẹn lại ngày trả kết quả", "issue an apology with a new due date"},
    {C::approve, "approve", "dossier_approved", "Phê duyệt kết quả", "approve the result"},
    {C::reject_after_review, "reject_after_review", "dossier_rejected", "Từ chối giải quyết",
     "reject after review"},
    {C::return_result, "return_result", "result_returned", "Trả kết quả", "return the result"},
    {C::request_withdrawal, "request_withdrawal", "withdrawal_requested", "Yêu cầu rút hồ sơ",
     "request withdrawal"},
    {C::cancel_withdrawal, "cancel_withdrawal", "withdrawal_cancelled", "Hủy yêu cầu rút hồ sơ",
     "cancel the withdrawal request"},
    {C::stop, "stop", "dossier_stopped", "Dừng xử lý hồ sơ", "stop processing"},
}};

const CommandInfo& info(C kind) {
  for (const auto& entry : kCommandInfo) {
    if (entry.kind == kind) return entry;
  }
  return kCommandInfo[0];  // unreachable for a valid enumerator
}

constexpr detail::NameTable<Channel, 3> kChannelNames = {{
    {Channel::counter, "counter"},
    {Channel::post, "post"},
    {Channel::online, "online"},
}};

}  // namespace

std::string_view to_string(Channel channel) { return detail::name_in(kChannelNames, channel); }
std::optional<Channel> parse_channel(std::string_view name) {
  return detail::value_in(kChannelNames, name);
}

CommandKind kind_of(const Command& command) { return static_cast<CommandKind>(command.index()); }

std::string_view to_string(CommandKind kind) { return info(kind).name; }

std::optional<CommandKind> parse_command_kind(std::string_view name) {
  for (const auto& entry : kCommandInfo) {
    if (entry.name == name) return entry.kind;
  }
  return std::nullopt;
}

std::string_view label_vi(CommandKind kind) { return info(kind).vi; }
std::string_view label_en(CommandKind kind) { return info(kind).en; }
std::string_view event_type(CommandKind kind) { return info(kind).event; }

}  // namespace motcua::dossier
