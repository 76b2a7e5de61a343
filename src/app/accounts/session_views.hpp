// What the session endpoints read and answer, as plain types (encoded and decoded in
// src/api/json/accounts_json).
#pragma once

#include <string>

#include "app/accounts/accounts.hpp"

namespace motcua::app {

// A login attempt's credentials.
struct LoginRequest {
  std::string username;
  std::string password;
  std::string code;  // the second factor (TOTP or recovery code), when the account has one
};

// The signed-in user and the CSRF token the browser must echo; never the session token itself,
// which travels only in the HttpOnly cookie.
struct SessionView {
  Actor actor;
  std::string csrf_token;
  bool must_change_password = false;      // the web app then shows only the change screen
  bool must_enrol_second_factor = false;  // a role requires a second factor: enrol first
};

inline SessionView session_view(const Session& session) {
  return {session.actor, session.csrf_token, session.must_change_password,
          session.must_enrol_second_factor};
}

}  // namespace motcua::app
