// The ID token of an OpenID Connect login (a JWS in compact form, RFC 7515/7519) and its checks
// (OpenID Connect Core 1.0 section 3.1.3.7): the signature by a key of the provider's JWKS with
// RS256 or ES256 only (never `none`, never HS*: a symmetric "signature" could be made by anyone
// holding the client secret), then iss, aud (and azp), exp and iat with a small skew, nonce.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "app/identity/oidc_provider.hpp"

namespace motcua::integrations::oidc {

struct CompactJws {
  boost::json::object header;
  boost::json::object payload;
  std::string signing_input;  // BASE64URL(header) "." BASE64URL(payload)
  std::string signature;      // raw bytes
};

std::optional<std::string> base64url_decode(std::string_view text);
// Nullopt when the token is not three base64url parts of which the first two are JSON objects.
std::optional<CompactJws> parse_compact(const std::string& token);

// Verifies the signature with the key of `jwks` (a JWK Set) named by the header's `kid` (or its
// only key of the right type when there is no kid). Answers "ok", or why not: "alg_refused",
// "unknown_kid", "bad_signature".
std::string verify_signature(const CompactJws& jws, const boost::json::object& jwks);

struct Expected {
  std::string issuer;
  std::string client_id;
  std::string nonce;
  std::string id_claim;
  std::int64_t now_s = 0;
  std::int64_t skew_s = 120;
};

// The claims once the signature holds; an `unauthenticated` AppError naming the failed check.
app::AppResult<app::identity::VerifiedIdentity> check_claims(const boost::json::object& payload,
                                                             const Expected& expected);

}  // namespace motcua::integrations::oidc
