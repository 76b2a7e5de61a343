// The one error type of the use cases. It says what kind of refusal it is, never how a transport
// shows it: the HTTP edge maps the kind to a status and an RFC 9457 problem in one place
// (api/responses.cpp). `detail` is safe to show (never internal state); messages are Vietnamese
// first, then English.
#pragma once

#include <string>

#include "domain/dossier/errors.hpp"
#include "tl/expected.hpp"

namespace motcua::app {

enum class ErrorKind {
  invalid_input,           // the request is malformed or a field is missing or wrong
  rule_violation,          // a well-formed request that a rule of the domain refuses
  unauthenticated,         // no valid session, or wrong credentials
  forbidden,               // the actor may not do this
  not_found,               // no such object, or one the actor may not see (no existence oracle)
  conflict,                // not possible in the object's current state, or changed meanwhile
  unsupported_media_type,  // an upload of a kind that is not accepted
  rate_limited,            // too many attempts; try again later
};

struct AppError {
  ErrorKind kind = ErrorKind::invalid_input;
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
