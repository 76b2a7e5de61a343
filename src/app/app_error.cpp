#include "app/app_error.hpp"

namespace motcua::app {

AppError not_found(const std::string& what_en) {
  return {404, "not_found", "Không tìm thấy.", "Not found.", what_en};
}

AppError invalid_input(const std::string& detail) {
  return {422, "invalid_input", "Dữ liệu gửi lên không hợp lệ.", "The data sent is not valid.",
          detail};
}

AppError forbidden_action(const std::string& detail) {
  return {403, "forbidden", "Bạn không có quyền thực hiện thao tác này.",
          "You are not allowed to do this.", detail};
}

AppError conflict(const std::string& code, const std::string& message_vi,
                  const std::string& message_en, const std::string& detail) {
  return {409, code, message_vi, message_en, detail};
}

AppError from_decision(const dossier::DecisionError& e) {
  using dossier::ErrorCode;
  int status = 422;
  switch (e.code) {
    case ErrorCode::role_not_allowed:
      status = 403;
      break;
    case ErrorCode::not_allowed_in_state:
    case ErrorCode::dossier_closed:
    case ErrorCode::extension_already_used:
    case ErrorCode::consultation_open:
    case ErrorCode::no_open_consultation:
      status = 409;
      break;
    default:
      status = 422;
  }
  return {status, std::string(dossier::to_string(e.code)), e.message_vi, e.message_en, {}};
}

}  // namespace motcua::app
