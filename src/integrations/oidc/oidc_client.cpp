#include "integrations/oidc/oidc_client.hpp"

#include <sodium.h>

#include <cctype>
#include <chrono>

#include "integrations/http/http_client.hpp"
#include "integrations/oidc/id_token.hpp"

namespace motcua::integrations::oidc {

namespace json = boost::json;

namespace {

constexpr std::int64_t kJwksRefetchSeconds = 60;
// Clocks of the provider and of this server differ by a little; tokens live minutes.
constexpr std::int64_t kSkewSeconds = 120;

std::int64_t system_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

app::AppError unavailable(const std::string& detail) {
  return {app::ErrorKind::rule_violation, "oidc_provider_unavailable",
          "Không kết nối được với nhà cung cấp định danh; vui lòng thử lại sau.",
          "The identity provider could not be reached; please try again later.", detail};
}

std::string form_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string base64(const std::string& raw) {
  std::string out(sodium_base64_ENCODED_LEN(raw.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

std::optional<json::object> get_json(const std::string& url, std::string& why) {
  HttpRequest request;
  request.method = "GET";
  request.url = url;
  request.headers = {{"Accept", "application/json"}};
  const auto response = http_send(request);
  if (!response.ok()) {
    why = url + ": " +
          (response.answered() ? "HTTP " + std::to_string(response.status) : response.error);
    return std::nullopt;
  }
  boost::system::error_code ec;
  auto value = json::parse(response.body, ec);
  if (ec || !value.is_object()) {
    why = url + ": not a JSON object";
    return std::nullopt;
  }
  return std::move(value.as_object());
}

std::string text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

app::AppResult<OidcClient::Discovery> OidcClient::discovery() {
  std::lock_guard lock(mutex_);
  if (discovery_) return *discovery_;
  std::string issuer = settings_.issuer;
  while (issuer.ends_with('/')) issuer.pop_back();
  std::string why;
  const auto doc = get_json(issuer + "/.well-known/openid-configuration", why);
  if (!doc) return tl::unexpected(unavailable(why));
  // The document must name the issuer it was fetched for (OpenID Connect Discovery 1.0 4.3).
  if (text_of(*doc, "issuer") != settings_.issuer) {
    return tl::unexpected(unavailable("discovery: issuer differs from --oidc-issuer"));
  }
  Discovery d{text_of(*doc, "authorization_endpoint"), text_of(*doc, "token_endpoint"),
              text_of(*doc, "jwks_uri")};
  if (d.authorization_endpoint.empty() || d.token_endpoint.empty() || d.jwks_uri.empty()) {
    return tl::unexpected(unavailable("discovery: an endpoint is missing"));
  }
  discovery_ = d;
  return d;
}

app::AppResult<json::object> OidcClient::jwks(bool refresh) {
  auto d = discovery();
  if (!d) return tl::unexpected(d.error());
  std::lock_guard lock(mutex_);
  const auto now = system_seconds();
  if (jwks_ && (!refresh || now - jwks_fetched_s_ < kJwksRefetchSeconds)) return *jwks_;
  std::string why;
  auto set = get_json(d->jwks_uri, why);
  if (!set) return tl::unexpected(unavailable(why));
  jwks_ = std::move(*set);
  jwks_fetched_s_ = now;
  return *jwks_;
}

app::AppResult<std::string> OidcClient::authorization_endpoint() {
  auto d = discovery();
  if (!d) return tl::unexpected(d.error());
  return d->authorization_endpoint;
}

app::AppResult<app::identity::VerifiedIdentity> OidcClient::redeem(
    const app::identity::Redemption& r) {
  auto d = discovery();
  if (!d) return tl::unexpected(d.error());
  HttpRequest request;
  request.url = d->token_endpoint;
  // client_secret_basic: both parts form-encoded before base64 (RFC 6749 section 2.3.1).
  request.headers = {{"Authorization", "Basic " + base64(form_encode(settings_.client_id) + ":" +
                                                         form_encode(settings_.client_secret))},
                     {"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"}};
  request.body = "grant_type=authorization_code&code=" + form_encode(r.code) +
                 "&redirect_uri=" + form_encode(r.redirect_uri) +
                 "&code_verifier=" + form_encode(r.code_verifier);
  const auto response = http_send(request);
  if (!response.answered()) return tl::unexpected(unavailable("token: " + response.error));
  boost::system::error_code ec;
  auto answer = json::parse(response.body, ec);
  if (!response.ok()) {
    // The provider refused the code (used, expired, wrong verifier): the citizen starts again.
    const std::string error =
        !ec && answer.is_object() ? text_of(answer.as_object(), "error") : std::string();
    return tl::unexpected(app::AppError{
        app::ErrorKind::unauthenticated, "oidc_code_refused",
        "Nhà cung cấp định danh từ chối mã đăng nhập; vui lòng đăng nhập lại.",
        "The identity provider refused the login code; please log in again.",
        "token: HTTP " + std::to_string(response.status) + (error.empty() ? "" : " " + error)});
  }
  if (ec || !answer.is_object()) return tl::unexpected(unavailable("token: not a JSON object"));
  const std::string id_token = text_of(answer.as_object(), "id_token");
  const auto jws = parse_compact(id_token);
  const app::AppError invalid{app::ErrorKind::unauthenticated, "oidc_token_invalid",
                              "Nhà cung cấp định danh trả về thẻ định danh không hợp lệ; không "
                              "thể đăng nhập.",
                              "The identity provider answered an invalid ID token; the login is "
                              "refused.",
                              ""};
  if (!jws) {
    auto e = invalid;
    e.detail = "id_token: not a signed JWT";
    return tl::unexpected(e);
  }
  auto keys = jwks(false);
  if (!keys) return tl::unexpected(keys.error());
  auto verdict = verify_signature(*jws, *keys);
  if (verdict == "unknown_kid") {
    // The provider may have rotated its keys since the JWKS was cached.
    keys = jwks(true);
    if (!keys) return tl::unexpected(keys.error());
    verdict = verify_signature(*jws, *keys);
  }
  if (verdict != "ok") {
    auto e = invalid;
    e.detail = "id_token: " + verdict;
    return tl::unexpected(e);
  }
  return check_claims(jws->payload, {settings_.issuer, settings_.client_id, r.nonce,
                                     settings_.id_claim, system_seconds(), kSkewSeconds});
}

}  // namespace motcua::integrations::oidc
