// Handlers that answer later (writes waiting for a durable commit): the io thread is free while
// they wait, the answer is built on the connection's thread, and a handler that throws or answers
// twice still gives exactly one well-formed response.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "http/server.hpp"
#include "http/test_support.hpp"

namespace motcua::http {
namespace {

using testing::fetch;
using testing::TestServer;

// Holds the pending answers until the test releases them, as the store's writer holds a batch
// until its commit.
struct Gate {
  std::mutex mu;
  std::vector<Respond> waiting;
  std::promise<void> first_arrived;
  bool signalled = false;
};

Gate& gate() {
  static Gate g;
  return g;
}

void routes(Router& router, Metrics&) {
  router.add_async(Method::post, "/later", [](HttpRequest& req, Respond respond) {
    std::lock_guard lock(gate().mu);
    EXPECT_EQ(req.body, "x");
    gate().waiting.push_back(respond);
    if (!gate().signalled) {
      gate().signalled = true;
      gate().first_arrived.set_value();
    }
  });
  router.add(Method::get, "/now", [](HttpRequest&) { return HttpResponse::text(200, "now"); });
  router.add_async(Method::get, "/throws",
                   [](HttpRequest&, Respond) { throw std::runtime_error("internal detail"); });
  router.add_async(Method::get, "/twice", [](HttpRequest&, Respond respond) {
    respond([] { return HttpResponse::text(200, "first"); });
    respond([] { return HttpResponse::text(200, "second"); });
  });
  router.add_async(Method::get, "/from-thread", [](HttpRequest& req, Respond respond) {
    std::thread([respond, path = req.path] {
      const auto caller = std::this_thread::get_id();
      respond([caller, path] {
        // Built on the io thread, never on the thread that called respond.
        return HttpResponse::text(200, std::this_thread::get_id() == caller ? "caller" : path);
      });
    }).detach();
  });
}

TEST(ServerAsync, AWaitingHandlerDoesNotHoldTheOnlyIoThread) {
  TestServer server{routes, [](ServerConfig& c) { c.threads = 1; }};
  auto later = std::async(std::launch::async,
                          [&] { return fetch(server.port(), "POST", "/later", {}, "x"); });
  gate().first_arrived.get_future().wait();
  // The single io thread answers another request while the first one waits.
  EXPECT_EQ(fetch(server.port(), "GET", "/now").body, "now");
  EXPECT_EQ(later.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  {
    std::lock_guard lock(gate().mu);
    for (auto& respond : gate().waiting) {
      respond([] { return HttpResponse::text(201, "done"); });
    }
    // The responders hold the server's executor: none may outlive the server.
    gate().waiting.clear();
  }
  const auto res = later.get();
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(res.body, "done");
}

TEST(ServerAsync, AnswerIsBuiltOnTheConnectionsThread) {
  TestServer server{routes};
  const auto res = fetch(server.port(), "GET", "/from-thread");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "/from-thread");
}

TEST(ServerAsync, AThrowingHandlerIsA500WithoutItsMessage) {
  TestServer server{routes};
  const auto res = fetch(server.port(), "GET", "/throws");
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("internal detail"), std::string::npos);
}

TEST(ServerAsync, OnlyTheFirstAnswerCounts) {
  TestServer server{routes};
  const auto res = fetch(server.port(), "GET", "/twice");
  EXPECT_EQ(res.body, "first");
  // The connection is still usable afterwards.
  EXPECT_EQ(fetch(server.port(), "GET", "/now").body, "now");
}

}  // namespace
}  // namespace motcua::http
