#include "app/common/app_error.hpp"

namespace motcua::app {

AppError not_found(const std::string& what_en) {
  return {ErrorKind::not_found, "not_found", "Không tìm thấy.", "Not found.", what_en};
}

AppError invalid_input(const std::string& detail) {
  return {ErrorKind::invalid_input, "invalid_input", "Dữ liệu gửi lên không hợp lệ.",
          "The data sent is not valid.", detail};
}

AppError forbidden_action(const std::string& detail) {
  return {ErrorKind::forbidden, "forbidden", "Bạn không có quyền thực hiện thao tác này.",
          "You are not allowed to do this.", detail};
}

AppError conflict(const std::string& code, const std::string& message_vi,
                  const std::string& message_en, const std::string& detail) {
  return {ErrorKind::conflict, code, message_vi, message_en, detail};
}

AppError from_decision(const dossier::DecisionError& e) {
  using dossier::ErrorCode;
  ErrorKind kind = ErrorKind::invalid_input;
  switch (e.code) {
    case ErrorCode::role_not_allowed:
      kind = ErrorKind::forbidden;
      break;
    case ErrorCode::not_allowed_in_state:
    case ErrorCode::dossier_closed:
    case ErrorCode::extension_already_used:
    case ErrorCode::consultation_open:
    case ErrorCode::no_open_consultation:
      kind = ErrorKind::conflict;
      break;
    case ErrorCode::requester_confirms_payment:
      kind = ErrorKind::rule_violation;
      break;
    default:
      kind = ErrorKind::invalid_input;
  }
  // Every 422 names the field it is about, when there is one.
  std::string detail;
  switch (e.code) {
    case ErrorCode::invalid_amount:
    case ErrorCode::amount_mismatch:
      detail = "amount";
      break;
    case ErrorCode::missing_official:
      detail = "official_id";
      break;
    default:
      break;
  }
  return {kind, std::string(dossier::to_string(e.code)), e.message_vi, e.message_en, detail};
}

}  // namespace motcua::app
