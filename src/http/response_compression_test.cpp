#include "http/response_compression.hpp"

#include <gtest/gtest.h>

#include "http/gzip.hpp"

namespace motcua::http {
namespace {

HttpRequest request(std::string path, std::string accept_encoding) {
  HttpRequest r;
  r.path = std::move(path);
  if (!accept_encoding.empty()) r.headers.emplace_back("Accept-Encoding", accept_encoding);
  return r;
}

HttpResponse json_answer(std::size_t size) {
  HttpResponse res = HttpResponse::text(200, std::string(size, 'a'), "application/json");
  return res;
}

TEST(ResponseCompression, LargeJsonIsGzippedAndStillDecodesToTheSameBody) {
  auto res = json_answer(4000);
  const std::string original = res.body;
  compress_response(request("/api/v1/procedures/1.001193", "gzip, br"), res);
  EXPECT_EQ(res.header("Content-Encoding"), "gzip");
  EXPECT_EQ(res.header("Vary"), "Accept-Encoding");
  EXPECT_LT(res.body.size(), original.size());
  EXPECT_EQ(gzip_decompress(res.body, 1 << 20), original);
}

TEST(ResponseCompression, ClientWithoutGzipGetsIdentityButCachesAreTold) {
  auto res = json_answer(4000);
  compress_response(request("/api/v1/procedures", ""), res);
  EXPECT_FALSE(res.has_header("Content-Encoding"));
  EXPECT_EQ(res.header("Vary"), "Accept-Encoding");
  EXPECT_EQ(res.body.size(), 4000u);
}

TEST(ResponseCompression, SmallAnswersErrorsAndBinariesAreLeftAlone) {
  auto small = json_answer(kCompressMinBytes - 1);
  compress_response(request("/api/v1/x", "gzip"), small);
  EXPECT_FALSE(small.has_header("Content-Encoding"));

  auto error = json_answer(4000);
  error.status = 404;
  compress_response(request("/api/v1/x", "gzip"), error);
  EXPECT_FALSE(error.has_header("Content-Encoding"));

  auto pdf = HttpResponse::text(200, std::string(4000, 'x'), "application/pdf");
  compress_response(request("/api/v1/x", "gzip"), pdf);
  EXPECT_FALSE(pdf.has_header("Content-Encoding"));
}

TEST(ResponseCompression, AnswersCarryingSecretsAreNeverCompressed) {
  // BREACH: the session answer carries the CSRF token; a Set-Cookie answer carries a session.
  auto session = json_answer(4000);
  compress_response(request("/api/v1/session", "gzip"), session);
  EXPECT_FALSE(session.has_header("Content-Encoding"));

  auto with_cookie = json_answer(4000);
  with_cookie.add_header("Set-Cookie", "motcua_session=abc; HttpOnly");
  compress_response(request("/api/v1/other", "gzip"), with_cookie);
  EXPECT_FALSE(with_cookie.has_header("Content-Encoding"));
}

TEST(ResponseCompression, AlreadyEncodedBodiesAreNotCompressedTwice) {
  auto res = json_answer(4000);
  res.set_header("Content-Encoding", "gzip");
  const std::string before = res.body;
  compress_response(request("/api/v1/x", "gzip"), res);
  EXPECT_EQ(res.body, before);
}

}  // namespace
}  // namespace motcua::http
