// The server behind a trusted reverse proxy: the real client is taken from X-Forwarded-For only
// when the peer is trusted, HSTS is sent only over TLS, and /metrics answers only the monitoring
// side (issue 18 points 4, 5 and 7).
#include <gtest/gtest.h>

#include "http/builtin_routes.hpp"
#include "http/server.hpp"
#include "http/test_support.hpp"

namespace motcua::http {
namespace {

using testing::fetch;
using testing::TestServer;

void routes_with_token(Router& router, Metrics& metrics) {
  BuiltinRoutesOptions options;
  options.metrics_token = "tok-3f9a";
  add_builtin_routes(router, metrics, std::move(options));
  router.add(Method::get, "/api/v1/who", [](HttpRequest& req) {
    return HttpResponse::text(200, req.client() + (req.secure_transport ? " tls" : " plain"));
  });
}

void trust_loopback(ServerConfig& c) {
  c.trusted_proxies = TrustedProxies({*AddressRange::parse("127.0.0.1")});
}

TEST(BehindProxy, TheClientIsTheRightmostUntrustedForwardedAddress) {
  TestServer server{routes_with_token, trust_loopback};
  auto res = fetch(server.port(), "GET", "/api/v1/who",
                   {{"X-Forwarded-For", "6.6.6.6, 198.51.100.4"}, {"X-Forwarded-Proto", "https"}});
  EXPECT_EQ(res.body, "198.51.100.4 tls");
  EXPECT_EQ(res.header("Strict-Transport-Security"), "max-age=63072000; includeSubDomains");
  res = fetch(server.port(), "GET", "/api/v1/who");
  EXPECT_EQ(res.body, "127.0.0.1 plain");
  EXPECT_EQ(res.header("Strict-Transport-Security"), "") << "never over plain HTTP";
  EXPECT_EQ(res.header("Permissions-Policy").substr(0, 10), "camera=(),");
}

TEST(BehindProxy, AnUntrustedPeerCannotClaimAnotherAddressOrTls) {
  TestServer server{routes_with_token};  // no trusted proxy
  const auto res = fetch(server.port(), "GET", "/api/v1/who",
                         {{"X-Forwarded-For", "198.51.100.4"}, {"X-Forwarded-Proto", "https"}});
  EXPECT_EQ(res.body, "127.0.0.1 plain");
  EXPECT_EQ(res.header("Strict-Transport-Security"), "");
}

TEST(BehindProxy, MetricsAnswerOnlyTheMonitoringSide) {
  TestServer server{routes_with_token, trust_loopback};
  // Loopback itself (a local Prometheus): allowed.
  EXPECT_EQ(fetch(server.port(), "GET", "/metrics").status, 200);
  // The world through the proxy on the same host: as if the page did not exist.
  const auto outside =
      fetch(server.port(), "GET", "/metrics", {{"X-Forwarded-For", "203.0.113.8"}});
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(outside.body.find("motcua_http"), std::string::npos);
  EXPECT_EQ(fetch(server.port(), "GET", "/metrics",
                  {{"X-Forwarded-For", "203.0.113.8"}, {"Authorization", "Bearer wrong-token"}})
                .status,
            404);
  EXPECT_EQ(fetch(server.port(), "GET", "/metrics",
                  {{"X-Forwarded-For", "203.0.113.8"}, {"Authorization", "Bearer tok-3f9a"}})
                .status,
            200);
}

// Slow clients never starve others: one address holds at most max_connections_per_address
// connections (a trusted proxy, carrying many clients, is exempt).
TEST(ConnectionLimits, OneAddressCannotHoldEveryConnection) {
  TestServer server{routes_with_token, [](ServerConfig& c) { c.max_connections_per_address = 2; }};
  testing::TestClient first(server.port());
  testing::TestClient second(server.port());
  EXPECT_EQ(first.request("GET", "/api/v1/who").status, 200);
  EXPECT_EQ(second.request("GET", "/api/v1/who").status, 200);
  testing::TestClient third(server.port());
  EXPECT_TRUE(third.read_until_closed().has_value()) << "closed at once, nothing served";
  // Kept-alive connections go on being served.
  EXPECT_EQ(first.request("GET", "/api/v1/who").status, 200);
}

TEST(ConnectionLimits, ATrustedProxyIsExempt) {
  TestServer server{routes_with_token, [](ServerConfig& c) {
                      c.max_connections_per_address = 1;
                      trust_loopback(c);
                    }};
  testing::TestClient first(server.port());
  testing::TestClient second(server.port());
  EXPECT_EQ(first.request("GET", "/api/v1/who").status, 200);
  EXPECT_EQ(second.request("GET", "/api/v1/who").status, 200);
}

}  // namespace
}  // namespace motcua::http
