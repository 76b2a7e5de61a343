// Local accounts and sessions. A session is a random token in an HttpOnly, Secure, SameSite=Strict
// cookie; only its SHA-256 is stored, so a stolen database does not hold usable sessions. Each
// session has a CSRF token that every state-changing request must echo in a header. Login failures
// are rate-limited per username and per client address. An OIDC login (VNeID) can later create the
// same sessions after its own verification.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <utility>

#include "app/accounts/passwords.hpp"
#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct NewUser {
  std::string id;
  std::string username;
  bool applicant = true;
  std::string display_name;
  std::string password;
  std::string id_number;
  std::string email;
  std::string phone;
  std::vector<RoleGrant> grants;  // officials only
};

struct Session {
  std::string token;  // the cookie value (only returned at login)
  std::string csrf_token;
  Actor actor;
  std::int64_t expires_s = 0;
  // The password was set by an administrator: every call but the change is refused until then.
  bool must_change_password = false;
  // A role of the user requires a second factor and they have none: only the enrolment until then
  // (app/accounts/second_factor.hpp).
  bool must_enrol_second_factor = false;
};

inline constexpr std::int64_t kSessionSeconds = 8 * 3600;  // one working day

// Creates a user (password hashed with Argon2id). Fails on a taken username or a weak password.
// With `password_hash` given (hashed beforehand, outside the write transaction: Argon2id takes a
// tenth of a second and the store has one writer), `user.password` is ignored: the caller
// checked it.
AppResult<void> create_user(store::SqlConnection& db, const NewUser& user,
                            const std::string& now_iso,
                            PasswordCost cost = PasswordCost::interactive,
                            const std::string& password_hash = {});

std::optional<Actor> load_actor(store::SqlConnection& db, const std::string& user_id);

// Checks the password (Argon2id: CPU-bound, tens of milliseconds) and answers the actor. Reads
// only, so it runs outside the write transaction and never holds the store's writer. Returns 401
// for an unknown user or a wrong password alike (no user enumeration), in about the same time.
// The user name an account is found by: a phone, however typed (+84, spaces, dots), as 0xxxxxxxxx
// (domain/text/contact_address), the form a citizen who signed up with it is stored under
// (store/personal_data.hpp: "phone:" + its keyed hash); anything else as typed.
std::string login_name(const std::string& typed);
// A user name or contact address as audit rows carry it: a phone masked (0*******89,
// domain/text/mask), anything else as it is.
std::string audited_name(const std::string& name);
// The user name shown for an account (admin list, right-of-access export, account pages): for a
// citizen stored as "phone:" + hash, its phone masked, never the hash; otherwise the user name.
std::string shown_username(const std::string& stored, const std::string& phone);

AppResult<Actor> authenticate(store::SqlConnection& db, const std::string& username,
                              const std::string& password);

// What a new login does to the user's other sessions: kept (several devices at once), or ended
// (serve's --single-session, issue 18 point 5: a stolen session dies when its owner logs in).
enum class OlderSessions { kept, ended };

// Writes a new session for an authenticated actor (and drops expired ones).
Session open_session(store::SqlConnection& db, Actor actor, std::int64_t now_s,
                     const std::string& now_iso, OlderSessions older = OlderSessions::kept);

// Both in one job (the CLI and tests).
AppResult<Session> login(store::SqlConnection& db, const std::string& username,
                         const std::string& password, std::int64_t now_s,
                         const std::string& now_iso);

// Audit rows of login attempts (docs/security.md): who it claimed to be and the client address,
// never the password. A failure is written as actor "anonymous", a success as the user who logged
// in; both about the object "session" (the username is in the details), so a user's own audit
// trail stays the changes made to the account. Both in the caller's write job.
void audit_login_failure(store::SqlConnection& db, const std::string& username,
                         const std::string& client_address, const std::string& now_iso);
// A login refused for rate (the 429 answer) is audited by app/accounts/login_refusals.hpp.
void audit_login_success(store::SqlConnection& db, const Actor& actor, const std::string& username,
                         const std::string& client_address, const std::string& now_iso);

// The session of a cookie token, if it exists and has not expired.
std::optional<Session> find_session(store::SqlConnection& db, const std::string& token,
                                    std::int64_t now_s);
void logout(store::SqlConnection& db, const std::string& token);

// Limits login failures per key (a username, a client address) within a window. The counts live
// in the database (store/login_failures.hpp), so every server behind the load balancer sees the
// same failures and a restart forgets nothing. The check is a read (before the password check);
// recording a failure or a success is a write, in the caller's write job.
class LoginThrottle {
 public:
  LoginThrottle(std::string scope, int max_failures = 5, std::int64_t window_s = 15 * 60)
      : scope_(std::move(scope)), max_failures_(max_failures), window_s_(window_s) {}
  // Seconds to wait before the next attempt, or 0 when one is allowed.
  std::int64_t retry_after(store::SqlConnection& db, const std::string& key,
                           std::int64_t now_s) const;
  void record_failure(store::SqlConnection& db, const std::string& key, std::int64_t now_s) const;
  void record_success(store::SqlConnection& db, const std::string& key) const;

 private:
  std::string scope_;
  int max_failures_;
  std::int64_t window_s_;
};

}  // namespace motcua::app
