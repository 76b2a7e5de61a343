// How `motcua serve` meets the network in front of it (docs/security.md "Behind a TLS proxy"):
// which reverse proxies are believed about the client's address and TLS, and who may read
// /metrics; or, for a small install without a proxy, the server's own TLS certificate and key.
// The metrics token is a file, never a command-line value.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "http/builtin_routes.hpp"
#include "http/server.hpp"

namespace motcua::cli {

struct EdgeOptions {
  std::vector<std::string> trusted_proxies;  // MOTCUA_TRUSTED_PROXIES, e.g. 127.0.0.1,10.0.0.0/8
  std::vector<std::string> metrics_clients;  // MOTCUA_METRICS_CLIENTS; empty: loopback
  std::string metrics_token_file;            // MOTCUA_METRICS_TOKEN_FILE
  std::string tls_certificate_file;          // MOTCUA_TLS_CERT: PEM chain; with the key: HTTPS
  std::string tls_private_key_file;          // MOTCUA_TLS_KEY
};

void add_edge_options(CLI::App& command, EdgeOptions& options);

// Fills the server's proxy list, its TLS files and the metrics guard; an error names the option
// at fault.
tl::expected<void, std::string> apply_edge_options(const EdgeOptions& options,
                                                   http::ServerConfig& server,
                                                   http::BuiltinRoutesOptions& builtin);

}  // namespace motcua::cli
