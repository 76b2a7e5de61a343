// The server over real HTTP on loopback: routing, errors as problems, limits, keep-alive,
// request ids, the request log and the metrics.
#include "http/server.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <stdexcept>

#include "http/builtin_routes.hpp"
#include "http/problem.hpp"
#include "http/test_support.hpp"

namespace motcua::http {
namespace {

using testing::fetch;
using testing::TestClient;
using testing::TestServer;

boost::json::object json_body(const testing::ClientResponse& res) {
  return boost::json::parse(res.body).as_object();
}

void routes(Router& router, Metrics& metrics) {
  add_builtin_routes(router, metrics);
  router.add(Method::get, "/api/v1/echo/{id}", [](HttpRequest& req) {
    boost::json::object body;
    body["id"] = req.path_params.at("id");
    body["x"] = std::string(req.query_value("x").value_or(""));
    return HttpResponse::json(200, body);
  });
  router.add(Method::get, "/api/v1/hello",
             [](HttpRequest&) { return HttpResponse::text(200, "xin chào"); });
  router.add(
      Method::post, "/api/v1/upload",
      [](HttpRequest& req) { return HttpResponse::text(200, std::to_string(req.body.size())); },
      {.max_body_bytes = 1024});
  router.add(Method::post, "/api/v1/default", [](HttpRequest& req) {
    return HttpResponse::text(200, std::to_string(req.body.size()));
  });
  router.add(Method::get, "/api/v1/boom", [](HttpRequest&) -> HttpResponse {
    throw std::runtime_error("secret internal detail: table dossiers is locked");
  });
  router.add(Method::get, "/api/v1/bad-header", [](HttpRequest&) {
    HttpResponse res = HttpResponse::text(200, "x");
    res.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: pwned=1");
    return res;
  });
}

class ServerTest : public ::testing::Test {
 protected:
  TestServer server{routes, [](ServerConfig& c) { c.default_body_limit = 4096; }};
  std::uint16_t port() { return server.port(); }
};

void expect_problem(const testing::ClientResponse& res, int status, std::string_view code) {
  EXPECT_EQ(res.status, status);
  EXPECT_EQ(res.header("Content-Type"), "application/problem+json");
  const auto body = json_body(res);
  EXPECT_EQ(body.at("status"), status);
  EXPECT_EQ(std::string_view(body.at("code").as_string()), code);
  EXPECT_EQ(body.at("type").as_string(), std::string(kProblemTypeBase) + std::string(code));
  EXPECT_FALSE(body.at("message_vi").as_string().empty());
  EXPECT_FALSE(body.at("message_en").as_string().empty());
  EXPECT_EQ(body.at("title"), body.at("message_en"));
}

TEST_F(ServerTest, RoutesWithDecodedPathParametersAndQuery) {
  const auto res = fetch(port(), "GET", "/api/v1/echo/H01%2F7?x=h%E1%BB%93+s%C6%A1");
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.header("Content-Type"), "application/json");
  const auto body = json_body(res);
  EXPECT_EQ(body.at("id"), "H01/7");
  EXPECT_EQ(body.at("x"), "hồ sơ");
}

TEST_F(ServerTest, NotFoundIsAProblemInVietnameseAndEnglish) {
  const auto res = fetch(port(), "GET", "/api/v1/nothing-here?q=1");
  expect_problem(res, 404, "not_found");
  const auto body = json_body(res);
  EXPECT_EQ(body.at("instance"), "/api/v1/nothing-here");
  EXPECT_EQ(body.at("message_vi"), "Không tìm thấy tài nguyên được yêu cầu.");
  EXPECT_EQ(body.at("message_en"), "The requested resource was not found.");
}

TEST_F(ServerTest, MethodNotAllowedListsAllow) {
  const auto res = fetch(port(), "DELETE", "/api/v1/hello");
  expect_problem(res, 405, "method_not_allowed");
  EXPECT_EQ(res.header("Allow"), "GET, HEAD, OPTIONS");

  const auto options = fetch(port(), "OPTIONS", "/api/v1/upload");
  EXPECT_EQ(options.status, 204);
  EXPECT_EQ(options.header("Allow"), "POST, OPTIONS");
  EXPECT_EQ(options.body, "");
}

TEST_F(ServerTest, HeadIsServedByGetWithoutABody) {
  TestClient client(port());
  const auto head = client.request("HEAD", "/api/v1/hello");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("Content-Length"), std::to_string(std::string("xin chào").size()));
  EXPECT_EQ(head.body, "");
  // Had the server sent a body after HEAD, it would be read as the start of this response.
  const auto get = client.request("GET", "/api/v1/hello");
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.body, "xin chào");
}

TEST_F(ServerTest, RouteBodyLimitGives413) {
  const auto ok = fetch(port(), "POST", "/api/v1/upload", {}, std::string(1024, 'a'));
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "1024");

  const auto res = fetch(port(), "POST", "/api/v1/upload", {}, std::string(1025, 'a'));
  expect_problem(res, 413, "body_too_large");
  EXPECT_EQ(json_body(res).at("detail"), "Giới hạn là 1024 byte. / The limit is 1024 bytes.");
  EXPECT_FALSE(res.keep_alive);
}

TEST_F(ServerTest, DefaultBodyLimitGives413) {
  EXPECT_EQ(fetch(port(), "POST", "/api/v1/default", {}, std::string(4096, 'b')).body, "4096");
  const auto res = fetch(port(), "POST", "/api/v1/default", {}, std::string(4097, 'b'));
  expect_problem(res, 413, "body_too_large");
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitGives413) {
  TestClient client(port());
  std::string raw = "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) raw += "200\r\n" + std::string(512, 'c') + "\r\n";
  raw += "0\r\n\r\n";
  client.send(raw);
  expect_problem(client.read_response(), 413, "body_too_large");
}

TEST_F(ServerTest, OversizedContentLengthIsRefusedBeforeTheBody) {
  TestClient client(port());
  // Only the header is sent: the answer must not wait for 10 MB that never come.
  client.send("POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 10485760\r\n\r\n");
  expect_problem(client.read_response(), 413, "body_too_large");
}

TEST_F(ServerTest, ExpectContinueIsHonoured) {
  TestClient client(port());
  client.send(
      "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
      "Expect: 100-continue\r\n\r\n");
  EXPECT_EQ(client.read_response().status, 100);
  client.send("hello");
  const auto res = client.read_response();
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "5");

  TestClient refused(port());
  refused.send(
      "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n"
      "Expect: 100-continue\r\n\r\n");
  expect_problem(refused.read_response(), 413, "body_too_large");
}

TEST_F(ServerTest, OversizedHeadersGive431) {
  const auto res = fetch(port(), "GET", "/api/v1/hello", {{"X-Padding", std::string(20000, 'p')}});
  expect_problem(res, 431, "headers_too_large");
}

TEST_F(ServerTest, GarbageGives400AndClose) {
  TestClient client(port());
  static constexpr char kGarbage[] = "\x16\x03\x01\x02\x00 not http at all\r\n\r\n";
  client.send(std::string_view(kGarbage, sizeof kGarbage - 1));
  const auto res = client.read_response();
  expect_problem(res, 400, "bad_request");
  EXPECT_FALSE(res.keep_alive);
  EXPECT_TRUE(client.read_until_closed());
}

TEST_F(ServerTest, MalformedRequestsGive400) {
  for (const char* raw : {
           "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",                 // space in the target
           "GET /api/v1/hello HTTP/1.1\r\n\r\n",                   // HTTP/1.1 without Host
           "GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n",          // malformed escape
           "GET /api/v1/hello HTTP/1.1\r\nBad Header: x\r\n\r\n",  // space in a field name
           // Framing a proxy could read differently (request smuggling):
           "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
           "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
           "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
           "Content-Length: 6\r\n\r\nhello!",
           "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
           "POST /api/v1/upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
           "Content-Length: 5\r\n\r\nhello",
       }) {
    TestClient client(port());
    client.send(raw);
    const auto res = client.read_response();
    EXPECT_EQ(res.status, 400) << raw;
    EXPECT_EQ(res.header("Content-Type"), "application/problem+json") << raw;
  }
}

TEST_F(ServerTest, OnlyHttp1VersionsAreServed) {
  TestClient client(port());
  client.send("GET /api/v1/hello HTTP/9.9\r\nHost: x\r\n\r\n");
  const auto res = client.read_response();
  expect_problem(res, 505, "http_version_not_supported");
  EXPECT_FALSE(res.keep_alive);

  TestClient old(port());
  old.send("GET /api/v1/hello HTTP/1.0\r\n\r\n");  // 1.0 needs no Host
  const auto ok = old.read_response();
  EXPECT_EQ(ok.status, 200);
  EXPECT_FALSE(ok.keep_alive);  // 1.0 closes unless asked otherwise
}

TEST_F(ServerTest, UnknownMethodGives501) {
  TestClient client(port());
  client.send("TRACE /api/v1/hello HTTP/1.1\r\nHost: x\r\n\r\n");
  expect_problem(client.read_response(), 501, "method_not_implemented");
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  TestClient client(port());
  const auto first = client.request("GET", "/api/v1/echo/1");
  const auto second = client.request("GET", "/api/v1/echo/2");
  EXPECT_EQ(first.status, 200);
  EXPECT_TRUE(first.keep_alive);
  EXPECT_EQ(json_body(second).at("id"), "2");

  // Pipelined: both requests in one write, answered in order.
  client.send(
      "GET /api/v1/echo/3 HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/echo/4 HTTP/1.1\r\nHost: "
      "x\r\n\r\n");
  EXPECT_EQ(json_body(client.read_response()).at("id"), "3");
  EXPECT_EQ(json_body(client.read_response()).at("id"), "4");

  const auto last = client.request("GET", "/api/v1/echo/5", {{"Connection", "close"}});
  EXPECT_FALSE(last.keep_alive);
  EXPECT_TRUE(client.read_until_closed());
}

TEST_F(ServerTest, RequestIdIsEchoedOrGenerated) {
  EXPECT_EQ(fetch(port(), "GET", "/api/v1/hello", {{"X-Request-Id", "req-42.a:b_c"}})
                .header("X-Request-Id"),
            "req-42.a:b_c");
  for (const auto& incoming :
       {std::string(), std::string("bad id\" with quotes"), std::string(200, 'x')}) {
    const auto res =
        fetch(port(), "GET", "/api/v1/hello",
              incoming.empty()
                  ? std::vector<std::pair<std::string, std::string>>{}
                  : std::vector<std::pair<std::string, std::string>>{{"X-Request-Id", incoming}});
    const std::string id = res.header("X-Request-Id");
    EXPECT_EQ(id.size(), 32u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  }
  EXPECT_NE(fetch(port(), "GET", "/api/v1/hello").header("X-Request-Id"),
            fetch(port(), "GET", "/api/v1/hello").header("X-Request-Id"));
}

TEST_F(ServerTest, SecurityHeadersOnEveryResponse) {
  for (const char* target : {"/api/v1/hello", "/api/v1/missing", "/api/v1/boom", "/healthz"}) {
    const auto res = fetch(port(), "GET", target);
    EXPECT_EQ(res.header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(res.header("Referrer-Policy"), "same-origin") << target;
    EXPECT_EQ(res.header("X-Frame-Options"), "DENY") << target;
    EXPECT_EQ(res.header("Content-Security-Policy"), kDefaultContentSecurityPolicy) << target;
    EXPECT_EQ(res.header("Cache-Control"), "no-store") << target;
    EXPECT_TRUE(res.has_header("Date")) << target;
  }
}

TEST_F(ServerTest, HandlerExceptionIsA500WithoutTheCause) {
  const auto res = fetch(port(), "GET", "/api/v1/boom", {{"X-Request-Id", "boom-1"}});
  expect_problem(res, 500, "internal_error");
  EXPECT_EQ(res.body.find("secret"), std::string::npos);
  EXPECT_EQ(res.body.find("locked"), std::string::npos);

  // The cause is in the log, tied to the request id.
  std::string error_line;
  ASSERT_TRUE(testing::eventually([&] {
    for (const auto& line : server.log_lines()) {
      if (line.find("\"level\":\"error\"") != std::string::npos &&
          line.find("boom-1") != std::string::npos) {
        error_line = line;
        return true;
      }
    }
    return false;
  }));
  const auto logged = boost::json::parse(error_line).as_object();
  EXPECT_EQ(logged.at("request_id"), "boom-1");
  EXPECT_EQ(logged.at("error"), "secret internal detail: table dossiers is locked");
}

TEST_F(ServerTest, HeaderInjectionByAHandlerBecomesA500) {
  const auto res = fetch(port(), "GET", "/api/v1/bad-header");
  expect_problem(res, 500, "internal_error");
  EXPECT_FALSE(res.has_header("X-Evil"));
  for (const auto& [name, value] : res.headers) EXPECT_NE(name, "Set-Cookie");
}

TEST_F(ServerTest, RequestLogIsOneJsonLineWithoutSecrets) {
  const auto res = fetch(port(), "GET", "/api/v1/echo/77?token=querysecret",
                         {{"X-Request-Id", "log-1"}, {"Cookie", "session=cookiesecret"}});
  ASSERT_EQ(res.status, 200);
  std::string line;
  ASSERT_TRUE(testing::eventually([&] {
    for (const auto& l : server.log_lines()) {
      if (l.find("\"log-1\"") != std::string::npos) {
        line = l;
        return true;
      }
    }
    return false;
  }));
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(line.find("querysecret"), std::string::npos);
  EXPECT_EQ(line.find("cookiesecret"), std::string::npos);

  const auto entry = boost::json::parse(line).as_object();
  EXPECT_EQ(entry.at("level"), "info");
  EXPECT_EQ(entry.at("request_id"), "log-1");
  EXPECT_EQ(entry.at("method"), "GET");
  EXPECT_EQ(entry.at("path"), "/api/v1/echo/77");
  EXPECT_EQ(entry.at("route"), "/api/v1/echo/{id}");
  EXPECT_EQ(entry.at("status"), 200);
  EXPECT_EQ(entry.at("bytes").to_number<std::size_t>(), res.body.size());
  EXPECT_GE(entry.at("duration_ms").to_number<double>(), 0.0);
  EXPECT_EQ(entry.at("remote"), "127.0.0.1");
  const std::string time(entry.at("time").as_string());
  EXPECT_EQ(time.size(), 24u) << time;  // 2026-03-12T02:00:00.123Z
  EXPECT_EQ(time.back(), 'Z');
}

TEST_F(ServerTest, MetricsCountRequestsByRoutePattern) {
  for (const char* id : {"a", "b", "c"}) {
    ASSERT_EQ(fetch(port(), "GET", std::string("/api/v1/echo/") + id).status, 200);
  }
  ASSERT_EQ(fetch(port(), "GET", "/api/v1/nope").status, 404);
  ASSERT_EQ(fetch(port(), "DELETE", "/api/v1/hello").status, 405);

  const std::string ok =
      R"m(motcua_http_requests_total{method="GET",route="/api/v1/echo/{id}",status="200"})m";
  const std::string unmatched =
      R"m(motcua_http_requests_total{method="GET",route="(unmatched)",status="404"})m";
  const std::string wrong_method =
      R"m(motcua_http_requests_total{method="DELETE",route="/api/v1/hello",status="405"})m";
  const std::string count =
      R"m(motcua_http_request_duration_seconds_count{method="GET",route="/api/v1/echo/{id}"})m";
  std::string page;
  // Each request is counted on its io thread after its answer was written, so with two io
  // threads the counts (and the in-flight gauge of earlier requests) settle in any order: every
  // figure is awaited, not only the last request's.
  ASSERT_TRUE(testing::eventually([&] {
    const auto res = fetch(port(), "GET", "/metrics");
    page = res.body;
    return res.status == 200 && testing::metric_value(page, ok) == 3.0 &&
           testing::metric_value(page, wrong_method) == 1.0 &&
           testing::metric_value(page, unmatched) == 1.0 &&
           testing::metric_value(page, count) == 3.0 &&
           // The scrape itself is the request in flight.
           testing::metric_value(page, "motcua_http_requests_in_flight") == 1.0;
  })) << page;
  EXPECT_NE(page.find("# TYPE motcua_http_request_duration_seconds histogram"), std::string::npos);
  // The raw paths never become labels.
  EXPECT_EQ(page.find("/api/v1/echo/a"), std::string::npos);
  EXPECT_EQ(page.find("/api/v1/nope"), std::string::npos);

  const auto res = fetch(port(), "GET", "/metrics");
  EXPECT_EQ(res.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
}

TEST_F(ServerTest, HealthzAnswersOk) {
  const auto res = fetch(port(), "GET", "/healthz");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, R"({"status":"ok"})");
}

TEST(BuiltinRoutes, HealthChecksDecideTheStatus) {
  Metrics metrics;
  Router router;
  bool database_up = true;
  add_builtin_routes(
      router, metrics,
      {.health_checks = {{"database", [&] { return database_up; }},
                         {"disk", []() -> bool { throw std::runtime_error("no disk"); }}}});
  const auto match = router.match(Method::get, "/healthz");
  ASSERT_EQ(match.outcome, RouteMatch::Outcome::matched);
  HttpRequest req;
  auto res = match.route->handler(req);
  EXPECT_EQ(res.status, 503);
  EXPECT_EQ(res.body, R"({"status":"fail","checks":{"database":"ok","disk":"fail"}})");
  EXPECT_EQ(router.routes(),
            (std::vector<RouteInfo>{{Method::get, "/healthz"}, {Method::get, "/metrics"}}));
}

}  // namespace
}  // namespace motcua::http
