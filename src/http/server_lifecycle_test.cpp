// Timeouts, start-up failures and the graceful stop, over real connections.
#include <gtest/gtest.h>

#include <future>
#include <stdexcept>
#include <system_error>

#include "http/server.hpp"
#include "http/test_support.hpp"

namespace motcua::http {
namespace {

using testing::fetch;
using testing::TestClient;
using testing::TestServer;

void hello(Router& router, Metrics&) {
  router.add(Method::get, "/hello", [](HttpRequest&) { return HttpResponse::text(200, "hi"); });
  router.add(Method::post, "/upload",
             [](HttpRequest& req) { return HttpResponse::text(200, req.body); });
}

auto short_timeouts = [](ServerConfig& c) {
  c.read_timeout = std::chrono::milliseconds(300);
  c.idle_timeout = std::chrono::milliseconds(300);
};

TEST(ServerTimeouts, SlowRequestGets408ThenClose) {
  TestServer server(hello, short_timeouts);
  TestClient client(server.port());
  client.send("GET /hello HTTP/1.1\r\nHost: x\r\n");  // the header never ends
  const auto received = client.read_until_closed();
  ASSERT_TRUE(received) << "the server kept the slow connection open";
  EXPECT_TRUE(received->starts_with("HTTP/1.1 408 ")) << *received;
  EXPECT_NE(received->find("\"code\":\"request_timeout\""), std::string::npos);
  EXPECT_NE(received->find("Connection: close"), std::string::npos);
}

TEST(ServerTimeouts, SlowBodyGets408) {
  TestServer server(hello, short_timeouts);
  TestClient client(server.port());
  client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part");
  const auto received = client.read_until_closed();
  ASSERT_TRUE(received);
  EXPECT_TRUE(received->starts_with("HTTP/1.1 408 ")) << *received;
}

TEST(ServerTimeouts, SilentClientIsClosedWithoutAnswer) {
  TestServer server(hello, short_timeouts);
  TestClient client(server.port());
  const auto received = client.read_until_closed();
  ASSERT_TRUE(received) << "the server kept the silent connection open";
  EXPECT_EQ(*received, "");
}

TEST(ServerTimeouts, IdleKeepAliveConnectionIsClosed) {
  TestServer server(hello, short_timeouts);
  TestClient client(server.port());
  const auto res = client.request("GET", "/hello");
  EXPECT_EQ(res.status, 200);
  EXPECT_TRUE(res.keep_alive);
  const auto received = client.read_until_closed();
  ASSERT_TRUE(received);
  EXPECT_EQ(*received, "");
}

TEST(ServerLifecycle, StartFailsWhenThePortIsTaken) {
  TestServer first(hello);
  auto sink = std::make_shared<testing::CapturingSink>();
  ServerConfig config = testing::test_config(sink);
  config.port = first.port();
  Metrics metrics;
  Router router;
  HttpServer second(config, router, metrics);
  EXPECT_THROW(second.start(), std::system_error);
  second.stop();  // harmless on a server that never ran
}

TEST(ServerLifecycle, StopIsIdempotentAndReleasesWaiters) {
  auto sink = std::make_shared<testing::CapturingSink>();
  Metrics metrics;
  Router router;
  hello(router, metrics);
  HttpServer server(testing::test_config(sink), router, metrics);
  EXPECT_EQ(server.port(), 0);
  server.start();
  EXPECT_NE(server.port(), 0);
  EXPECT_THROW(server.start(), std::logic_error);
  EXPECT_EQ(fetch(server.port(), "GET", "/hello").body, "hi");

  auto waiter = std::async(std::launch::async, [&] { server.wait(); });
  server.stop();
  waiter.get();  // returns once stopped
  server.stop();
  EXPECT_THROW(TestClient{server.port()}, std::runtime_error);  // nobody listens any more
}

TEST(ServerLifecycle, GracefulStopFinishesTheRequestInFlight) {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  TestServer server(
      [&](Router& router, Metrics& metrics) {
        hello(router, metrics);
        router.add(Method::get, "/slow", [&entered, released](HttpRequest&) {
          entered.set_value();
          released.wait();
          return HttpResponse::text(200, "finished");
        });
      },
      [](ServerConfig& c) { c.shutdown_timeout = std::chrono::seconds(30); });
  const auto port = server.port();

  // An idle keep-alive connection: stop() must close it rather than wait for it.
  TestClient idle(port);
  ASSERT_EQ(idle.request("GET", "/hello").status, 200);

  TestClient busy(port);
  busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  entered.get_future().get();

  auto stopping = std::async(std::launch::async, [&] { server.server().stop(); });

  // While the handler still runs: the idle connection goes, new connections are refused.
  const auto idle_end = idle.read_until_closed();
  ASSERT_TRUE(idle_end) << "stop() left the idle connection open";
  EXPECT_EQ(*idle_end, "");
  EXPECT_TRUE(testing::eventually([&] {
    try {
      TestClient late(port);
      return false;
    } catch (const std::runtime_error&) {
      return true;
    }
  }));
  EXPECT_EQ(stopping.wait_for(std::chrono::milliseconds(0)), std::future_status::timeout);

  release.set_value();
  const auto res = busy.read_response();
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "finished");
  EXPECT_FALSE(res.keep_alive);  // answered with Connection: close
  stopping.get();
}

TEST(ServerLifecycle, StopClosesAStalledRequestAfterTheShutdownTimeout) {
  TestServer server(hello, [](ServerConfig& c) {
    c.read_timeout = std::chrono::seconds(60);
    c.shutdown_timeout = std::chrono::milliseconds(200);
  });
  TestClient client(server.port());
  client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial");
  // Wait until the server is reading the body (the request is in flight).
  ASSERT_TRUE(testing::eventually([&] {
    return server.metrics().gauge("motcua_http_requests_in_flight", "").with({}).value() == 1.0;
  }));
  server.server().stop();
  const auto received = client.read_until_closed();
  ASSERT_TRUE(received);
  EXPECT_EQ(*received, "");
}

}  // namespace
}  // namespace motcua::http
