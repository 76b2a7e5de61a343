// Officials' second factor (issue 15 point 4; docs/security.md "Second factor"): a TOTP
// authenticator (app/accounts/totp.hpp) enrolled by the official, asked for at every login after
// the password once confirmed, with ten single-use recovery codes for a lost phone. An
// administrator can require it of every holder of a role (they then can do nothing but enrol
// until they have one) and reset an official's factor; both audited.
// The secret is generated here, shown once (otpauth:// URI and QR code) and kept sealed under the
// key of --second-factor-key-file (the webhook secrets' secretbox); without that key no factor
// can be enrolled, and a login that needs one cannot complete.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

inline constexpr int kRecoveryCodes = 10;
inline constexpr const char* kTotpIssuer = "MotCua";

struct TotpEnrolment {
  std::string secret;       // base32, for typing into an app by hand
  std::string otpauth_uri;  // what the QR code carries
};

struct SecondFactorStatus {
  bool enrolled = false;  // a confirmed factor
  bool required = false;  // one of the user's roles requires it
  std::int64_t recovery_codes_left = 0;
};

// The roles whose holders must have a second factor, by name.
struct SecondFactorRoles {
  std::vector<std::string> roles;
};

// An official's factor removed by an administrator.
struct SecondFactorReset {
  std::string user_id;
};

SecondFactorStatus second_factor_status(store::SqlConnection& db, const Actor& actor);

// Starts (or restarts, while unconfirmed) the enrolment of the actor, an official.
AppResult<TotpEnrolment> begin_totp_enrolment(store::SqlConnection& db, const Actor& actor,
                                              const std::string& key, const std::string& now_iso);

// Confirms the enrolment with a first code; answers the recovery codes, shown this once.
AppResult<std::vector<std::string>> confirm_totp_enrolment(
    store::SqlConnection& db, const Actor& actor, const std::string& key, const std::string& code,
    std::int64_t now_s, const std::string& now_iso);

// At login, after the password: nothing to check for a user without a confirmed factor;
// otherwise `code` must be a TOTP code of a step not used before, or an unused recovery code
// (which is then used up). 401 second_factor_required without a code, second_factor_wrong for a
// wrong one. In the login's write job.
AppResult<void> check_second_factor(store::SqlConnection& db, const std::string& user_id,
                                    const std::string& key, const std::string& code,
                                    std::int64_t now_s, const std::string& now_iso);

// Administrators: the roles that require a second factor, and changing one (with a reason).
AppResult<SecondFactorRoles> second_factor_roles(store::SqlConnection& db, const Actor& actor);
AppResult<SecondFactorRoles> require_second_factor(store::SqlConnection& db, const Actor& actor,
                                                   const std::string& role, bool required,
                                                   const std::string& reason,
                                                   const std::string& now_iso);
// Removes an official's factor and recovery codes and ends their sessions (a lost phone).
AppResult<SecondFactorReset> reset_second_factor(store::SqlConnection& db, const Actor& actor,
                                                 const std::string& user_id,
                                                 const std::string& reason,
                                                 const std::string& now_iso);

}  // namespace motcua::app
