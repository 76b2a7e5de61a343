#include "http/http_types.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "http/http_errors.hpp"
#include "http/problem.hpp"
#include "http/request_target.hpp"

namespace motcua::http {
namespace {

TEST(HttpTypes, MethodNamesRoundTripAndAreCaseSensitive) {
  for (Method m : {Method::get, Method::post, Method::put, Method::patch, Method::del, Method::head,
                   Method::options}) {
    EXPECT_EQ(parse_method(to_string(m)), m);
  }
  EXPECT_EQ(to_string(Method::del), "DELETE");
  EXPECT_FALSE(parse_method("get"));
  EXPECT_FALSE(parse_method("TRACE"));
}

TEST(HttpTypes, HeaderLookupIgnoresCase) {
  HttpRequest req;
  req.headers = {{"Content-Type", "application/json"}, {"x-request-id", "abc"}};
  EXPECT_EQ(req.header("content-type"), "application/json");
  EXPECT_EQ(req.header("X-REQUEST-ID"), "abc");
  EXPECT_EQ(req.header("Accept"), "");
  EXPECT_FALSE(req.has_header("Accept"));
  EXPECT_TRUE(req.has_header("X-Request-Id"));
}

TEST(HttpTypes, CookiesAreParsedFromEveryCookieHeader) {
  HttpRequest req;
  req.headers = {{"Cookie", "theme=dark; session=\"s3cr3t\";  lang=vi"}, {"cookie", "csrf=tok"}};
  EXPECT_EQ(req.cookie("session"), "s3cr3t");
  EXPECT_EQ(req.cookie("lang"), "vi");
  EXPECT_EQ(req.cookie("csrf"), "tok");
  EXPECT_EQ(req.cookie("theme"), "dark");
  EXPECT_FALSE(req.cookie("sess"));
  EXPECT_FALSE(req.cookie("missing"));
}

TEST(HttpTypes, SetCookieIsSecureByDefault) {
  SetCookie c{.name = "session", .value = "abc123"};
  EXPECT_EQ(c.to_string(), "session=abc123; Path=/; HttpOnly; Secure; SameSite=Strict");

  c.same_site = SameSite::lax;
  c.max_age = std::chrono::hours(1);
  c.http_only = false;
  c.secure = false;
  c.path = "/api";
  EXPECT_EQ(c.to_string(), "session=abc123; Path=/api; Max-Age=3600; SameSite=Lax");

  c.same_site = SameSite::none;  // browsers demand Secure with None
  EXPECT_EQ(c.to_string(), "session=abc123; Path=/api; Max-Age=3600; Secure; SameSite=None");
}

TEST(HttpTypes, SetCookieRefusesInjection) {
  EXPECT_THROW((SetCookie{.name = "a b", .value = "x"}.to_string()), std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "a", .value = "x; Domain=evil"}.to_string()),
               std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "a", .value = "x\r\nSet-Cookie: b=c"}.to_string()),
               std::invalid_argument);
  EXPECT_THROW((SetCookie{.name = "a", .value = "x", .path = "/;x"}.to_string()),
               std::invalid_argument);
}

TEST(HttpTypes, ResponseHelpers) {
  auto res = HttpResponse::json(201, boost::json::value{{"id", 7}});
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(res.header("content-type"), "application/json");
  EXPECT_EQ(res.body, R"({"id":7})");

  res.set_header("X-A", "1").add_header("x-a", "2");
  res.set_header("x-A", "3");
  EXPECT_EQ(std::count_if(res.headers.begin(), res.headers.end(),
                          [](const auto& h) { return iequals(h.first, "X-A"); }),
            1);
  EXPECT_EQ(res.header("X-A"), "3");

  res.set_cookie({.name = "a", .value = "1"}).set_cookie({.name = "b", .value = "2"});
  EXPECT_EQ(std::count_if(res.headers.begin(), res.headers.end(),
                          [](const auto& h) { return h.first == "Set-Cookie"; }),
            2);

  const auto text = HttpResponse::text(200, "xin chào");
  EXPECT_EQ(text.header("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(HttpResponse::empty(204).body, "");
}

TEST(HttpTypes, ValidHeaderRejectsInjection) {
  EXPECT_TRUE(valid_header("X-Thing", "a value, with; punctuation"));
  EXPECT_FALSE(valid_header("X-Thing", "a\r\nSet-Cookie: x=y"));
  EXPECT_FALSE(valid_header("X Thing", "a"));
  EXPECT_FALSE(valid_header("", "a"));
}

TEST(HttpTypes, PercentDecoding) {
  EXPECT_EQ(percent_decode("a%20b%2Fc"), "a b/c");
  EXPECT_EQ(percent_decode("h%E1%BB%93%20s%C6%A1"), "hồ sơ");
  EXPECT_EQ(percent_decode("a+b"), "a+b");  // '+' is only a space in queries
  EXPECT_FALSE(percent_decode("%"));
  EXPECT_FALSE(percent_decode("%2"));
  EXPECT_FALSE(percent_decode("%zz"));
  EXPECT_FALSE(percent_decode("a%00b"));
}

TEST(RequestTarget, OriginAndAbsoluteForm) {
  auto t = parse_target("/api/v1/dossiers?status=open&q=h%E1%BB%93+s%C6%A1&status=late");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/api/v1/dossiers");
  ASSERT_EQ(t->query.count("status"), 2u);
  EXPECT_EQ(t->query.find("q")->second, "hồ sơ");

  t = parse_target("http://motcua.local/healthz?x=1");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/healthz");
  EXPECT_EQ(t->query.find("x")->second, "1");

  EXPECT_FALSE(parse_target(""));
  EXPECT_FALSE(parse_target("*"));
  EXPECT_FALSE(parse_target("relative/path"));
  EXPECT_FALSE(parse_target("/a b"));
  EXPECT_FALSE(parse_target("ftp://host/file"));
}

TEST(RequestTarget, SegmentsDecodeAfterSplitting) {
  EXPECT_EQ(decode_segments("/"), (std::vector<std::string>{""}));
  EXPECT_EQ(decode_segments("/a/b%2Fc/"), (std::vector<std::string>{"a", "b/c", ""}));
  EXPECT_FALSE(decode_segments("a/b"));
  EXPECT_FALSE(decode_segments("/a%2"));
}

TEST(Problem, ShapeFollowsRfc9457WithBothLanguages) {
  const auto res = problem(409, "dossier_closed", "Hồ sơ đã đóng.", "The dossier is closed.",
                           "Dossier H01-260312-0001 was returned on 2026-03-12.");
  EXPECT_EQ(res.status, 409);
  EXPECT_EQ(res.header("Content-Type"), "application/problem+json");
  const auto body = boost::json::parse(res.body).as_object();
  EXPECT_EQ(body.at("type"), "https://motcua.local/problems/dossier_closed");
  EXPECT_EQ(body.at("title"), "The dossier is closed.");
  EXPECT_EQ(body.at("status"), 409);
  EXPECT_EQ(body.at("detail"), "Dossier H01-260312-0001 was returned on 2026-03-12.");
  EXPECT_EQ(body.at("code"), "dossier_closed");
  EXPECT_EQ(body.at("message_vi"), "Hồ sơ đã đóng.");
  EXPECT_EQ(body.at("message_en"), "The dossier is closed.");
  EXPECT_FALSE(body.contains("instance"));

  const auto bare = boost::json::parse(problem(400, "x", "vi", "en").body).as_object();
  EXPECT_FALSE(bare.contains("detail"));
}

TEST(Problem, LayerErrorsCarryInstanceAndAllow) {
  const std::array allowed = {Method::get, Method::head, Method::options};
  const auto res = errors::method_not_allowed("/api/v1/x", allowed);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.header("Allow"), "GET, HEAD, OPTIONS");
  const auto body = boost::json::parse(res.body).as_object();
  EXPECT_EQ(body.at("instance"), "/api/v1/x");
  EXPECT_EQ(body.at("code"), "method_not_allowed");

  const auto big = boost::json::parse(errors::body_too_large("/u", 1024).body).as_object();
  EXPECT_EQ(big.at("status"), 413);
  EXPECT_EQ(big.at("detail"), "Giới hạn là 1024 byte. / The limit is 1024 bytes.");
}

}  // namespace
}  // namespace motcua::http
