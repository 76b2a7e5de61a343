#include "cli/oidc_options.hpp"

#include "integrations/notify/secret_file.hpp"
#include "integrations/oidc/oidc_client.hpp"

namespace motcua::cli {

void add_oidc_options(CLI::App& command, OidcOptions& options) {
  command
      .add_option("--oidc-issuer", options.issuer,
                  "OpenID Connect provider for citizens' login (its issuer URL)")
      ->envname("MOTCUA_OIDC_ISSUER");
  command.add_option("--oidc-client-id", options.client_id, "This site's client id there")
      ->envname("MOTCUA_OIDC_CLIENT_ID");
  command
      .add_option("--oidc-client-secret-file", options.client_secret_file,
                  "File holding the client secret (client_secret_basic)")
      ->envname("MOTCUA_OIDC_CLIENT_SECRET_FILE");
  command
      .add_option("--oidc-id-claim", options.id_claim,
                  "ID-token claim carrying the citizen's personal ID number")
      ->envname("MOTCUA_OIDC_ID_CLAIM");
  command
      .add_option("--citizen-login", options.citizen_login,
                  "password (local accounts and the provider) or oidc-only (citizens through the "
                  "provider only; officials keep passwords)")
      ->check(CLI::IsMember({"password", "oidc-only"}))
      ->envname("MOTCUA_CITIZEN_LOGIN");
}

tl::expected<app::identity::OidcSettings, std::string> oidc_settings(const OidcOptions& options) {
  app::identity::OidcSettings settings;
  const bool oidc_only = options.citizen_login == "oidc-only";
  if (options.issuer.empty()) {
    if (oidc_only)
      return tl::unexpected(std::string("--citizen-login oidc-only needs --oidc-issuer"));
    return settings;
  }
  if (!options.issuer.starts_with("https://") && !options.issuer.starts_with("http://")) {
    return tl::unexpected(
        std::string("--oidc-issuer must be an http:// or https:// URL (https in production)"));
  }
  if (options.client_id.empty())
    return tl::unexpected(std::string("--oidc-issuer needs --oidc-client-id"));
  if (options.client_secret_file.empty()) {
    return tl::unexpected(std::string("--oidc-issuer needs --oidc-client-secret-file"));
  }
  auto secret = integrations::read_secret_file(options.client_secret_file);
  if (!secret || secret->empty()) {
    return tl::unexpected("--oidc-client-secret-file: cannot read " + options.client_secret_file);
  }
  if (options.id_claim.empty()) return tl::unexpected(std::string("--oidc-id-claim is empty"));
  settings.issuer = options.issuer;
  settings.client_id = options.client_id;
  settings.id_claim = options.id_claim;
  settings.scope = "openid profile " + options.id_claim;
  settings.citizen_login = oidc_only ? app::identity::CitizenLogin::oidc_only
                                     : app::identity::CitizenLogin::password_and_oidc;
  settings.provider =
      std::make_shared<integrations::oidc::OidcClient>(integrations::oidc::ClientSettings{
          options.issuer, options.client_id, *secret, options.id_claim});
  return settings;
}

}  // namespace motcua::cli
