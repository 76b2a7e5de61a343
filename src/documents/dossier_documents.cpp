#include "documents/dossier_documents.hpp"

#include <array>
#include <utility>

#include "documents/forms/forms.hpp"

namespace motcua::documents {

namespace {

constexpr std::array<std::pair<std::string_view, DossierForm>, 7> kForms = {{
    {"receipt", DossierForm::receipt},
    {"supplement-request", DossierForm::supplement_request},
    {"refusal", DossierForm::refusal},
    {"apology", DossierForm::apology},
    {"stop-notice", DossierForm::stop_notice},
    {"control-sheet", DossierForm::control_sheet},
    {"result", DossierForm::result},
}};

}  // namespace

std::optional<DossierForm> parse_dossier_form(std::string_view name) {
  for (const auto& [n, form] : kForms)
    if (n == name) return form;
  return std::nullopt;
}

std::string form_title(DossierForm form) {
  switch (form) {
    case DossierForm::receipt:
      return "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";
    case DossierForm::supplement_request:
      return "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";
    case DossierForm::refusal:
      return "Phiếu từ chối tiếp nhận giải quyết hồ sơ";
    case DossierForm::apology:
      return "Phiếu xin lỗi và hẹn lại ngày trả kết quả";
    case DossierForm::stop_notice:
      return "Thông báo dừng giải quyết hồ sơ";
    case DossierForm::control_sheet:
      return "Phiếu kiểm soát quá trình giải quyết hồ sơ";
    case DossierForm::result:
      return "Kết quả giải quyết hồ sơ";
  }
  return "Giấy tờ";
}

std::optional<std::string> dossier_form_pdf(DossierForm form, const app::DossierView& view,
                                            const std::string& tracking_url,
                                            const std::string& tracking_secret) {
  switch (form) {
    case DossierForm::receipt:
      // The receipt exists once reception took the dossier in.
      if (!view.received_at) return std::nullopt;
      return receipt_pdf(view, tracking_url, tracking_secret);
    case DossierForm::supplement_request:
      return supplement_request_pdf(view);
    case DossierForm::refusal:
      return refusal_pdf(view);
    case DossierForm::apology:
      return apology_pdf(view);
    case DossierForm::stop_notice:
      return stop_notice_pdf(view);
    case DossierForm::control_sheet:
      return control_sheet_pdf(view);
    case DossierForm::result:
      return result_pdf(view);
  }
  return std::nullopt;
}

}  // namespace motcua::documents
