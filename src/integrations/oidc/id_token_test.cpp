// The ID token checks without a provider: keys made here with OpenSSL (RS256 and ES256), tokens
// signed here, and each claim check failing on its own.
#include "integrations/oidc/id_token.hpp"

#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>

namespace motcua::integrations::oidc {
namespace {

namespace json = boost::json;

std::string b64url(const std::string& raw) {
  static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::uint32_t buf = 0;
  int bits = 0;
  for (const unsigned char c : raw) {
    buf = (buf << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += a[(buf >> bits) & 63];
    }
  }
  if (bits > 0) out += a[(buf << (6 - bits)) & 63];
  return out;
}

std::string bn_bytes(const BIGNUM* bn, int width = 0) {
  std::string out(static_cast<std::size_t>(width > 0 ? width : BN_num_bytes(bn)), '\0');
  if (width > 0) {
    BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), width);
  } else {
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  }
  return out;
}

struct Key {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> pkey{nullptr, EVP_PKEY_free};
  json::object jwk;
};

Key rsa_key(const std::string& kid) {
  Key k;
  k.pkey.reset(EVP_RSA_gen(2048));
  BIGNUM *n = nullptr, *e = nullptr;
  EVP_PKEY_get_bn_param(k.pkey.get(), OSSL_PKEY_PARAM_RSA_N, &n);
  EVP_PKEY_get_bn_param(k.pkey.get(), OSSL_PKEY_PARAM_RSA_E, &e);
  k.jwk = {{"kty", "RSA"},
           {"kid", kid},
           {"use", "sig"},
           {"n", b64url(bn_bytes(n))},
           {"e", b64url(bn_bytes(e))}};
  BN_free(n);
  BN_free(e);
  return k;
}

Key ec_key(const std::string& kid) {
  Key k;
  k.pkey.reset(EVP_EC_gen("P-256"));
  BIGNUM *x = nullptr, *y = nullptr;
  EVP_PKEY_get_bn_param(k.pkey.get(), OSSL_PKEY_PARAM_EC_PUB_X, &x);
  EVP_PKEY_get_bn_param(k.pkey.get(), OSSL_PKEY_PARAM_EC_PUB_Y, &y);
  k.jwk = {{"kty", "EC"},
           {"kid", kid},
           {"crv", "P-256"},
           {"x", b64url(bn_bytes(x, 32))},
           {"y", b64url(bn_bytes(y, 32))}};
  BN_free(x);
  BN_free(y);
  return k;
}

std::string sign(const Key& key, const std::string& alg, const std::string& kid,
                 const json::object& payload) {
  const std::string input = b64url(json::serialize(json::object{{"alg", alg}, {"kid", kid}})) +
                            "." + b64url(json::serialize(payload));
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestSignInit(md.get(), nullptr, EVP_sha256(), nullptr, key.pkey.get());
  std::size_t len = 0;
  EVP_DigestSign(md.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()),
                 input.size());
  std::string sig(len, '\0');
  EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                 reinterpret_cast<const unsigned char*>(input.data()), input.size());
  sig.resize(len);
  if (alg == "ES256") {
    // OpenSSL signs DER; JWS carries R || S.
    const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
    ECDSA_SIG* der = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
    sig = bn_bytes(ECDSA_SIG_get0_r(der), 32) + bn_bytes(ECDSA_SIG_get0_s(der), 32);
    ECDSA_SIG_free(der);
  }
  return input + "." + b64url(sig);
}

constexpr std::int64_t kNow = 1'800'000'000;

json::object claims() {
  return {{"iss", "https://sso.example.vn"},
          {"aud", "motcua"},
          {"sub", "abc"},
          {"nonce", "n-1"},
          {"iat", kNow - 10},
          {"exp", kNow + 300},
          {"citizen_id", "001090012345"},
          {"name", "Nguyễn Văn An"}};
}

Expected expected() { return {"https://sso.example.vn", "motcua", "n-1", "citizen_id", kNow, 120}; }

TEST(IdToken, Rs256AndEs256SignaturesVerifyAgainstTheJwks) {
  const auto rsa = rsa_key("r1");
  const auto ec = ec_key("e1");
  const json::object jwks{{"keys", json::array{rsa.jwk, ec.jwk}}};
  for (const auto& [key, alg, kid] : {std::tuple{&rsa, "RS256", "r1"}, {&ec, "ES256", "e1"}}) {
    const auto jws = parse_compact(sign(*key, alg, kid, claims()));
    ASSERT_TRUE(jws.has_value()) << alg;
    EXPECT_EQ(verify_signature(*jws, jwks), "ok") << alg;
    auto tampered = *jws;
    tampered.signing_input.back() ^= 1;
    EXPECT_EQ(verify_signature(tampered, jwks), "bad_signature") << alg;
  }
}

TEST(IdToken, AnotherKeyAnUnknownKidAndSymmetricOrNoAlgorithmAreRefused) {
  const auto rsa = rsa_key("r1");
  const auto stranger = rsa_key("r1");
  const json::object jwks{{"keys", json::array{rsa.jwk}}};
  EXPECT_EQ(verify_signature(*parse_compact(sign(stranger, "RS256", "r1", claims())), jwks),
            "bad_signature");
  EXPECT_EQ(verify_signature(*parse_compact(sign(rsa, "RS256", "r2", claims())), jwks),
            "unknown_kid");
  for (const char* alg : {"none", "HS256", "RS384", "PS256"}) {
    auto jws = *parse_compact(sign(rsa, "RS256", "r1", claims()));
    jws.header["alg"] = alg;
    EXPECT_EQ(verify_signature(jws, jwks), "alg_refused") << alg;
  }
  // An unsigned token ("alg":"none", empty signature) is refused as well.
  const std::string none =
      b64url(R"({"alg":"none"})") + "." + b64url(json::serialize(claims())) + ".";
  const auto parsed = parse_compact(none);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(verify_signature(*parsed, jwks), "alg_refused");
}

TEST(IdToken, ClaimsAreCheckedOneByOne) {
  const auto ok = check_claims(claims(), expected());
  ASSERT_TRUE(ok.has_value()) << ok.error().detail;
  EXPECT_EQ(ok->subject, "abc");
  EXPECT_EQ(ok->id_number, "001090012345");
  EXPECT_EQ(ok->name, "Nguyễn Văn An");

  const auto refused_for = [](json::object c) {
    const auto r = check_claims(c, expected());
    return r ? std::string("accepted") : r.error().detail;
  };
  auto c = claims();
  c["iss"] = "https://evil.example";
  EXPECT_EQ(refused_for(c), "id_token.iss: not the configured issuer");
  c = claims();
  c["aud"] = "another";
  EXPECT_EQ(refused_for(c), "id_token.aud: not this client");
  c = claims();
  c["aud"] = json::array{"motcua", "another"};
  EXPECT_EQ(refused_for(c), "id_token.azp: not this client");
  c["azp"] = "motcua";
  EXPECT_EQ(refused_for(c), "accepted");
  c = claims();
  c["exp"] = kNow - 121;  // beyond the skew
  EXPECT_EQ(refused_for(c), "id_token.exp: expired");
  c["exp"] = kNow - 60;  // within it
  EXPECT_EQ(refused_for(c), "accepted");
  c = claims();
  c["iat"] = kNow + 600;
  EXPECT_EQ(refused_for(c), "id_token.iat: issued in the future");
  c = claims();
  c["nonce"] = "n-2";
  EXPECT_EQ(refused_for(c), "id_token.nonce: not the login's nonce");
  c.erase("nonce");
  EXPECT_EQ(refused_for(c), "id_token.nonce: not the login's nonce");
  c = claims();
  c.erase("sub");
  EXPECT_EQ(refused_for(c), "id_token.sub: missing");
}

TEST(IdToken, MalformedTokensAreNotParsed) {
  EXPECT_FALSE(parse_compact("").has_value());
  EXPECT_FALSE(parse_compact("a.b").has_value());
  EXPECT_FALSE(parse_compact("a.b.c.d").has_value());
  EXPECT_FALSE(parse_compact(b64url("[]") + "." + b64url("{}") + ".").has_value());
  EXPECT_FALSE(parse_compact("!!." + b64url("{}") + ".").has_value());
  EXPECT_EQ(base64url_decode("TWFu"), "Man");
  EXPECT_EQ(base64url_decode("TWE"), "Ma");
  EXPECT_FALSE(base64url_decode("T").has_value());
}

}  // namespace
}  // namespace motcua::integrations::oidc
