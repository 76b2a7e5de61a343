// The citizen's login through the OpenID Connect provider, as use cases: starting one (state,
// nonce and PKCE verifier kept for the callback) and finishing one (the attempt taken once, the
// verified identity linked to an applicant account created on its first login). The HTTP calls to
// the provider happen between the two writes, outside any transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts/accounts.hpp"
#include "app/identity/oidc_provider.hpp"
#include "store/sql.hpp"

namespace motcua::app::identity {

inline constexpr std::int64_t kAttemptSeconds = 10 * 60;

struct StartedLogin {
  std::string state;
  std::string nonce;
  std::string code_verifier;   // goes to the browser's cookie, never stored in clear
  std::string code_challenge;  // BASE64URL(SHA-256(verifier)), method S256
  std::string return_path;
};

// A path inside this site ("/..."), or "/" for anything else: the login never redirects away.
std::string safe_return_path(const std::string& requested);

// Fresh random values for one login; the caller stores them with `record_attempt`.
StartedLogin new_login(const std::string& return_path);
void record_attempt(store::SqlConnection& db, const StartedLogin& login, std::int64_t now_s,
                    const std::string& now_iso);

// The provider's authorization URL for this login.
std::string authorization_url(const std::string& endpoint, const OidcSettings& settings,
                              const std::string& redirect_uri, const StartedLogin& login);

struct PendingCallback {
  std::string nonce;
  std::string code_verifier;
  std::string return_path;
};

// Takes (deletes) the attempt of `state` and checks that the browser's cookie holds its verifier.
// Refusals: unknown or already used state, expired attempt, another browser's callback.
AppResult<PendingCallback> take_attempt(store::SqlConnection& db, const std::string& state,
                                        const std::string& verifier_cookie, std::int64_t now_s);

// Links the identity to its applicant account (created on first login, with no local password)
// and opens a session. Refuses an identity linked to a disabled account, and one without the
// ID-number claim. Audited.
AppResult<Session> finish_login(store::SqlConnection& db, const VerifiedIdentity& identity,
                                const std::string& client_address, std::int64_t now_s,
                                const std::string& now_iso,
                                OlderSessions older = OlderSessions::kept);

// A refused OIDC login, audited as actor "anonymous" with the reason code (never a token).
void audit_refusal(store::SqlConnection& db, const std::string& code,
                   const std::string& client_address, const std::string& now_iso);

// In the OIDC-only mode, the refusal of a local password for a citizen.
AppError password_login_disabled();

}  // namespace motcua::app::identity
