#include "integrations/oidc/id_token.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <memory>

namespace motcua::integrations::oidc {

namespace json = boost::json;

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Bn = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using EcSig = std::unique_ptr<ECDSA_SIG, Deleter<ECDSA_SIG, ECDSA_SIG_free>>;

std::string text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

Bn bignum(const std::string& bytes) {
  return Bn(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()),
                      static_cast<int>(bytes.size()), nullptr));
}

Pkey from_params(const char* type, OSSL_PARAM_BLD* bld) {
  Params params(OSSL_PARAM_BLD_to_param(bld));
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0) {
    return Pkey();
  }
  return Pkey(key);
}

Pkey rsa_key(const json::object& jwk) {
  const auto n = base64url_decode(text_of(jwk, "n"));
  const auto e = base64url_decode(text_of(jwk, "e"));
  // Below 2048 bits RSA is not accepted (NIST SP 800-131A).
  if (!n || !e || n->size() < 256 || e->empty()) return Pkey();
  Bn bn_n = bignum(*n), bn_e = bignum(*e);
  ParamBld bld(OSSL_PARAM_BLD_new());
  if (!bn_n || !bn_e || !bld ||
      !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) ||
      !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get())) {
    return Pkey();
  }
  return from_params("RSA", bld.get());
}

Pkey ec_p256_key(const json::object& jwk) {
  const auto x = base64url_decode(text_of(jwk, "x"));
  const auto y = base64url_decode(text_of(jwk, "y"));
  if (text_of(jwk, "crv") != "P-256" || !x || !y || x->size() != 32 || y->size() != 32) {
    return Pkey();
  }
  std::string point = "\x04" + *x + *y;  // uncompressed point (SEC 1)
  ParamBld bld(OSSL_PARAM_BLD_new());
  if (!bld ||
      !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) ||
      !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                        point.size())) {
    return Pkey();
  }
  return from_params("EC", bld.get());
}

// JWS ES256 signatures are R || S (32 bytes each); OpenSSL verifies DER.
std::optional<std::string> ecdsa_der(const std::string& raw) {
  if (raw.size() != 64) return std::nullopt;
  EcSig sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  if (!sig || !r || !s || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return std::nullopt;
  }
  unsigned char* der = nullptr;
  const int len = i2d_ECDSA_SIG(sig.get(), &der);
  if (len <= 0) return std::nullopt;
  std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(len));
  OPENSSL_free(der);
  return out;
}

bool verify_sha256(EVP_PKEY* key, const std::string& input, const std::string& signature) {
  MdCtx md(EVP_MD_CTX_new());
  if (!md || EVP_DigestVerifyInit(md.get(), nullptr, EVP_sha256(), nullptr, key) != 1) return false;
  return EVP_DigestVerify(md.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                          signature.size(), reinterpret_cast<const unsigned char*>(input.data()),
                          input.size()) == 1;
}

app::AppError refused(const std::string& detail) {
  return {app::ErrorKind::unauthenticated, "oidc_token_invalid",
          "Nhà cung cấp định danh trả về thẻ định danh không hợp lệ; không thể đăng nhập.",
          "The identity provider answered an invalid ID token; the login is refused.", detail};
}

bool audience_has(const json::value* aud, const std::string& client_id) {
  if (aud == nullptr) return false;
  if (aud->is_string()) return aud->as_string() == client_id;
  if (!aud->is_array()) return false;
  for (const auto& a : aud->as_array()) {
    if (a.is_string() && a.as_string() == client_id) return true;
  }
  return false;
}

std::optional<std::int64_t> seconds_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64()) return static_cast<std::int64_t>(v->as_uint64());
  if (v->is_double()) return static_cast<std::int64_t>(v->as_double());
  return std::nullopt;
}

}  // namespace

std::optional<std::string> base64url_decode(std::string_view text) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto i = alphabet.find(c);
    if (i == std::string::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(i);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  if (bits >= 6) return std::nullopt;  // one character alone cannot end a base64 text
  return out;
}

std::optional<CompactJws> parse_compact(const std::string& token) {
  const auto dot1 = token.find('.');
  const auto dot2 = dot1 == std::string::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string::npos || token.find('.', dot2 + 1) != std::string::npos) {
    return std::nullopt;
  }
  const auto header = base64url_decode(std::string_view(token).substr(0, dot1));
  const auto payload = base64url_decode(std::string_view(token).substr(dot1 + 1, dot2 - dot1 - 1));
  const auto signature = base64url_decode(std::string_view(token).substr(dot2 + 1));
  if (!header || !payload || !signature) return std::nullopt;
  boost::system::error_code ec1, ec2;
  auto h = json::parse(*header, ec1);
  auto p = json::parse(*payload, ec2);
  if (ec1 || ec2 || !h.is_object() || !p.is_object()) return std::nullopt;
  return CompactJws{std::move(h.as_object()), std::move(p.as_object()), token.substr(0, dot2),
                    *signature};
}

std::string verify_signature(const CompactJws& jws, const json::object& jwks) {
  const std::string alg = text_of(jws.header, "alg");
  const std::string kty = alg == "RS256" ? "RSA" : alg == "ES256" ? "EC" : "";
  if (kty.empty()) return "alg_refused";
  const std::string kid = text_of(jws.header, "kid");
  const auto* keys = jwks.if_contains("keys");
  if (keys == nullptr || !keys->is_array()) return "unknown_kid";
  for (const auto& k : keys->as_array()) {
    if (!k.is_object()) continue;
    const auto& jwk = k.as_object();
    if (text_of(jwk, "kty") != kty) continue;
    if (!kid.empty() && text_of(jwk, "kid") != kid) continue;
    const std::string use = text_of(jwk, "use");
    if (!use.empty() && use != "sig") continue;
    const Pkey key = kty == "RSA" ? rsa_key(jwk) : ec_p256_key(jwk);
    if (!key) continue;
    std::optional<std::string> signature = jws.signature;
    if (kty == "EC") signature = ecdsa_der(jws.signature);
    if (signature && verify_sha256(key.get(), jws.signing_input, *signature)) return "ok";
    return "bad_signature";
  }
  return "unknown_kid";
}

app::AppResult<app::identity::VerifiedIdentity> check_claims(const json::object& payload,
                                                             const Expected& expected) {
  if (text_of(payload, "iss") != expected.issuer) {
    return tl::unexpected(refused("id_token.iss: not the configured issuer"));
  }
  if (!audience_has(payload.if_contains("aud"), expected.client_id)) {
    return tl::unexpected(refused("id_token.aud: not this client"));
  }
  // With several audiences, the token must have been issued to this client (Core 3.1.3.7 item 5).
  const auto* aud = payload.if_contains("aud");
  if (aud->is_array() && aud->as_array().size() > 1 &&
      text_of(payload, "azp") != expected.client_id) {
    return tl::unexpected(refused("id_token.azp: not this client"));
  }
  const auto exp = seconds_of(payload, "exp");
  if (!exp || *exp + expected.skew_s < expected.now_s) {
    return tl::unexpected(refused("id_token.exp: expired"));
  }
  const auto iat = seconds_of(payload, "iat");
  if (!iat || *iat - expected.skew_s > expected.now_s) {
    return tl::unexpected(refused("id_token.iat: issued in the future"));
  }
  if (expected.nonce.empty() || text_of(payload, "nonce") != expected.nonce) {
    return tl::unexpected(refused("id_token.nonce: not the login's nonce"));
  }
  app::identity::VerifiedIdentity identity;
  identity.issuer = expected.issuer;
  identity.subject = text_of(payload, "sub");
  if (identity.subject.empty()) return tl::unexpected(refused("id_token.sub: missing"));
  identity.id_number = text_of(payload, expected.id_claim);
  identity.name = text_of(payload, "name");
  return identity;
}

}  // namespace motcua::integrations::oidc
