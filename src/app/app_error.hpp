// The one error type of the use cases. The HTTP edge maps it to an RFC 9457 problem in one place;
// `detail` is safe to show (never internal state), messages are Vietnamese first, then English.
#pragma once

#include <string>

#include "domain/dossier/errors.hpp"
#include "tl/expected.hpp"

namespace motcua::app {

struct AppError {
  int status = 400;
  std::string code;  // stable snake_case
  std::string message_vi;
  std::string message_en;
  std::string detail;
};

template <typename T>
using AppResult = tl::expected<T, AppError>;

AppError not_found(const std::string& what_en);
AppError invalid_input(const std::string& detail);
AppError forbidden_action(const std::string& detail);
AppError conflict(const std::string& code, const std::string& message_vi,
                  const std::string& message_en, const std::string& detail = {});
// A refusal of the state machine: a role that may never act is 403, a transition not allowed now
// is 409, missing or invalid fields are 422.
AppError from_decision(const dossier::DecisionError& e);

}  // namespace motcua::app
