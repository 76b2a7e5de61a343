// Citizen login through an OpenID Connect provider (docs/integrations.md "Identity (OIDC)"): what
// the use cases need from the provider, implemented over HTTP by integrations/oidc and wired in by
// `motcua serve`. The provider in production is the national public-service portal's SSO, the only
// way to VNeID; the tests run a real provider (npm oidc-provider) on loopback.
#pragma once

#include <memory>
#include <string>

#include "app/common/app_error.hpp"

namespace motcua::app::identity {

// What a verified ID token says about the citizen.
struct VerifiedIdentity {
  std::string issuer;
  std::string subject;    // `sub`: stable per issuer
  std::string id_number;  // the configured ID-number claim (12-digit citizen ID)
  std::string name;       // `name`, when the provider gives it
};

// One code redemption: the token request and the checks of the ID token it answers.
struct Redemption {
  std::string code;
  std::string code_verifier;
  std::string redirect_uri;
  std::string nonce;  // the one sent with the authorization request
};

class OidcProvider {
 public:
  virtual ~OidcProvider() = default;
  // The provider's authorization endpoint (from its discovery document, cached). Blocking.
  virtual AppResult<std::string> authorization_endpoint() = 0;
  // Exchanges the code at the token endpoint (client_secret_basic, the PKCE verifier) and checks
  // the ID token: signature against the provider's JWKS (RS256 or ES256 only), iss, aud, exp/iat
  // with a small skew, nonce. Blocking. Refusals are `unauthenticated` (the token) or
  // `rule_violation` with code `oidc_provider_unavailable` (the provider did not answer well).
  virtual AppResult<VerifiedIdentity> redeem(const Redemption& redemption) = 0;
};

enum class CitizenLogin {
  password_and_oidc,  // citizens may use a local password or the provider
  oidc_only,          // citizens log in through the provider only; officials keep passwords
};

struct OidcSettings {
  std::string issuer;  // empty: OIDC login is not configured
  std::string client_id;
  // The claim carrying the citizen's ID number (số định danh cá nhân). The national portal's SSO
  // is configured per relying party; `citizen_id` is this installation's default name for it.
  std::string id_claim = "citizen_id";
  std::string scope = "openid profile citizen_id";
  CitizenLogin citizen_login = CitizenLogin::password_and_oidc;
  std::shared_ptr<OidcProvider> provider;

  bool configured() const { return provider != nullptr; }
};

}  // namespace motcua::app::identity
