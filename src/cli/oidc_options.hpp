// Citizen login through an OpenID Connect provider (docs/integrations.md "Identity (OIDC)"), as
// `motcua serve` takes it. The client secret is a file, never a command-line value.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <tl/expected.hpp>

#include "app/identity/oidc_provider.hpp"

namespace motcua::cli {

struct OidcOptions {
  std::string issuer;                      // MOTCUA_OIDC_ISSUER
  std::string client_id;                   // MOTCUA_OIDC_CLIENT_ID
  std::string client_secret_file;          // MOTCUA_OIDC_CLIENT_SECRET_FILE
  std::string id_claim = "citizen_id";     // MOTCUA_OIDC_ID_CLAIM
  std::string citizen_login = "password";  // password | oidc-only   MOTCUA_CITIZEN_LOGIN
};

void add_oidc_options(CLI::App& command, OidcOptions& options);

// The settings, with the HTTP client to the provider; not configured when no --oidc-issuer is
// given. An error names the option that is missing or wrong.
tl::expected<app::identity::OidcSettings, std::string> oidc_settings(const OidcOptions& options);

}  // namespace motcua::cli
