#include "cli/edge_options.hpp"

#include "integrations/notify/secret_file.hpp"

namespace motcua::cli {
namespace {

tl::expected<std::vector<http::AddressRange>, std::string> ranges_of(
    const std::vector<std::string>& texts, const std::string& option) {
  std::vector<http::AddressRange> ranges;
  for (const auto& text : texts) {
    auto range = http::AddressRange::parse(text);
    if (!range) {
      return tl::unexpected(option + ": \"" + text +
                            "\" is not an IP address or network (e.g. 10.0.0.0/8)");
    }
    ranges.push_back(*range);
  }
  return ranges;
}

}  // namespace

void add_edge_options(CLI::App& command, EdgeOptions& options) {
  command
      .add_option("--trusted-proxy", options.trusted_proxies,
                  "Reverse proxy (address or network) whose X-Forwarded-For and "
                  "X-Forwarded-Proto are believed; repeat or separate by commas")
      ->delimiter(',')
      ->envname("MOTCUA_TRUSTED_PROXIES");
  command
      .add_option("--metrics-client", options.metrics_clients,
                  "Address or network that may read /metrics (default: loopback only)")
      ->delimiter(',')
      ->envname("MOTCUA_METRICS_CLIENTS");
  command
      .add_option("--metrics-token-file", options.metrics_token_file,
                  "File holding a bearer token that also opens /metrics")
      ->envname("MOTCUA_METRICS_TOKEN_FILE");
  command
      .add_option("--tls-cert", options.tls_certificate_file,
                  "PEM certificate chain: serve HTTPS on --listen without a reverse proxy "
                  "(with --tls-key)")
      ->envname("MOTCUA_TLS_CERT");
  command
      .add_option("--tls-key", options.tls_private_key_file,
                  "PEM private key of --tls-cert (mode 600 or 640)")
      ->envname("MOTCUA_TLS_KEY");
}

tl::expected<void, std::string> apply_edge_options(const EdgeOptions& options,
                                                   http::ServerConfig& server,
                                                   http::BuiltinRoutesOptions& builtin) {
  auto proxies = ranges_of(options.trusted_proxies, "--trusted-proxy");
  if (!proxies) return tl::unexpected(proxies.error());
  server.trusted_proxies = http::TrustedProxies(std::move(*proxies));
  auto clients = ranges_of(options.metrics_clients, "--metrics-client");
  if (!clients) return tl::unexpected(clients.error());
  builtin.metrics_clients = std::move(*clients);
  if (options.tls_certificate_file.empty() != options.tls_private_key_file.empty()) {
    return tl::unexpected(
        std::string("--tls-cert and --tls-key go together: give both or neither"));
  }
  if (!options.tls_certificate_file.empty()) {
    if (auto problem =
            http::tls_files_problem(options.tls_certificate_file, options.tls_private_key_file);
        !problem.empty()) {
      return tl::unexpected("--tls-cert/--tls-key: " + problem);
    }
  }
  server.tls_certificate_file = options.tls_certificate_file;
  server.tls_private_key_file = options.tls_private_key_file;
  if (!options.metrics_token_file.empty()) {
    auto token = integrations::read_secret_file(options.metrics_token_file);
    // A short token is guessable over the network; 16 characters is a floor, not a goal.
    if (!token || token->size() < 16) {
      return tl::unexpected("--metrics-token-file: " + options.metrics_token_file +
                            " must hold a token of at least 16 characters");
    }
    builtin.metrics_token = std::move(*token);
  }
  return {};
}

}  // namespace motcua::cli
