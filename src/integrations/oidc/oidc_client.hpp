// The relying party's side of OpenID Connect over HTTP (libcurl, integrations/http): the
// provider's discovery document and JWKS, fetched on first use and cached (the JWKS fetched again
// when a token names an unknown `kid`: the provider rotated its keys, at most once a minute), and
// the code exchange at the token endpoint with client_secret_basic and the PKCE verifier.
#pragma once

#include <boost/json.hpp>
#include <mutex>
#include <string>

#include "app/identity/oidc_provider.hpp"

namespace motcua::integrations::oidc {

struct ClientSettings {
  std::string issuer;  // discovery at <issuer>/.well-known/openid-configuration
  std::string client_id;
  std::string client_secret;
  std::string id_claim = "citizen_id";
};

class OidcClient final : public app::identity::OidcProvider {
 public:
  explicit OidcClient(ClientSettings settings) : settings_(std::move(settings)) {}

  app::AppResult<std::string> authorization_endpoint() override;
  app::AppResult<app::identity::VerifiedIdentity> redeem(
      const app::identity::Redemption& redemption) override;

 private:
  struct Discovery {
    std::string authorization_endpoint;
    std::string token_endpoint;
    std::string jwks_uri;
  };
  app::AppResult<Discovery> discovery();
  // The cached JWKS, fetched again when `refresh` and the last fetch is old enough.
  app::AppResult<boost::json::object> jwks(bool refresh);

  ClientSettings settings_;
  std::mutex mutex_;
  std::optional<Discovery> discovery_;
  std::optional<boost::json::object> jwks_;
  std::int64_t jwks_fetched_s_ = 0;
};

}  // namespace motcua::integrations::oidc
