// Citizens' own accounts (issue 15 point 5; docs/security.md "One-time codes"): sign-up with an
// e-mail address or a phone number proved by a 6-digit code, and a forgotten password replaced the
// same way. The code goes out through the delivery engine (outbox topic "mail" or "sms", template
// account_verify or password_reset, marked required so that no preference stops it).
// Rules: a code lives 10 minutes, is used once, dies after 5 wrong tries, and only the newest code
// of an address counts; an address may ask for 3 codes and a client address for 10 within 15
// minutes (429 with Retry-After beyond). Codes are stored as SHA-256 of "<row id>:<code>", never
// in clear. The account exists only once its code came back. The answers to a reset request, and
// to a sign-up for an address that already has an account, are the same whether an account exists
// or not: nobody learns from them who has an account.
#pragma once

#include <cstdint>
#include <string>

#include "app/accounts/accounts.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

inline constexpr std::int64_t kCodeSeconds = 10 * 60;
inline constexpr std::int64_t kMaxWrongCodeTries = 5;
inline constexpr int kCodesPerAddress = 3;
inline constexpr int kCodesPerClient = 10;
inline constexpr std::int64_t kCodeWindowSeconds = 15 * 60;

// The answer to a request for a code.
struct CodeRequestOutcome {
  std::string channel;  // mail | sms: where the code goes (known from the address alone)
  std::int64_t expires_in_s = kCodeSeconds;
  // > 0: refused for rate, nothing sent; `limited_by` is "address" or "client".
  std::int64_t retry_after_s = 0;
  std::string limited_by;
};

// A sign-up checked and its password hashed, outside the write job (Argon2id is slow on purpose).
struct PreparedSignUp {
  std::string address;  // normalised
  bool phone = false;
  std::string display_name;
  std::string password_hash;
  std::string language;  // vi | en
};

AppResult<PreparedSignUp> prepare_sign_up(const std::string& display_name,
                                          const std::string& address, const std::string& password,
                                          const std::string& language);

// Keeps the pending sign-up and sends its code. `client` is the request's remote address.
CodeRequestOutcome request_sign_up(store::SqlConnection& db, const PreparedSignUp& signup,
                                   const std::string& client, std::int64_t now_s,
                                   const std::string& now_iso);

// Checks the code and creates the applicant account (username = the normalised address). A wrong
// code is counted (the caller commits even when this fails).
AppResult<void> verify_sign_up(store::SqlConnection& db, const std::string& address,
                               const std::string& code, std::int64_t now_s,
                               const std::string& now_iso);

// Sends a reset code when the address is an enabled applicant's; answers the same otherwise.
AppResult<CodeRequestOutcome> request_password_reset(store::SqlConnection& db,
                                                     const std::string& address,
                                                     const std::string& language,
                                                     const std::string& client, std::int64_t now_s,
                                                     const std::string& now_iso);

struct PreparedCodeReset {
  std::string address;
  std::string code;
  std::string password_hash;
};
AppResult<PreparedCodeReset> prepare_code_reset(const std::string& address, const std::string& code,
                                                const std::string& new_password);

// Checks the code, sets the new password and ends every session of the account.
AppResult<void> confirm_password_reset(store::SqlConnection& db, const PreparedCodeReset& reset,
                                       std::int64_t now_s, const std::string& now_iso);

}  // namespace motcua::app
