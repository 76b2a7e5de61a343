// Kills the server with SIGKILL while clients are writing, restarts it on the same database, and
// checks that every transition the server acknowledged is there and the event log still verifies.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "api_client.hpp"
#include "fixture.hpp"
#include "server_process.hpp"
#include "store/event_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

TEST(Crash, AcknowledgedWritesSurviveSigkill) {
  TempDir dir("crash");
  IntegrationDatabase database;
  const auto db = database.name();
  seed_fixture(db);
  auto server = std::make_unique<ServerProcess>(kBinary, db);
  std::mutex mu;
  std::vector<std::string> acknowledged;  // dossier ids whose creation returned 201
  std::atomic<bool> stop{false};
  std::atomic<int> logged_in{0};
  std::vector<std::thread> writers;
  for (int t = 0; t < 4; ++t) {
    writers.emplace_back([&, t] {
      ApiClient client(server->port());
      if (client.login(t % 2 ? "an" : "binh", kPassword) != 200) return;
      ++logged_in;
      while (!stop) {
        try {
          auto r = client.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                                {"agency_id", "c1"},
                                                                {"receiving_unit_id", "u1"}});
          if (r.status == 201) {
            std::lock_guard lock(mu);
            acknowledged.emplace_back(r.body.at("id").as_string());
          }
        } catch (const std::exception&) {
          return;  // the server died mid-request: that request was never acknowledged
        }
      }
    });
  }
  // Every writer is writing before the count starts: writes are fast enough for one writer to
  // reach the count while another is still logging in (Argon2id).
  for (int i = 0; i < 400 && logged_in < 4; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  EXPECT_EQ(logged_in, 4);
  std::size_t before = 0;
  {
    std::lock_guard lock(mu);
    before = acknowledged.size();
  }
  // Let writes flow, then kill without warning while they are in flight.
  for (int i = 0; i < 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::lock_guard lock(mu);
    if (acknowledged.size() >= before + 40) break;
  }
  server->kill9();
  stop = true;
  for (auto& w : writers) w.join();
  ASSERT_GE(acknowledged.size(), 10u);

  server = std::make_unique<ServerProcess>(kBinary, db);
  ApiClient an(server->port()), binh(server->port());
  ASSERT_EQ(an.login("an", kPassword), 200);
  ASSERT_EQ(binh.login("binh", kPassword), 200);
  for (const auto& id : acknowledged) {
    const auto a = an.get("/api/v1/dossiers/" + id);
    const auto b = binh.get("/api/v1/dossiers/" + id);
    EXPECT_TRUE(a.status == 200 || b.status == 200) << id;
  }
  server.reset();
  auto store = store::open_store(db);
  store->read([&](store::SqlConnection& conn) {
    const auto check = store::verify_chain(conn);
    EXPECT_TRUE(check.ok()) << check.problem;
    EXPECT_GE(check.events_checked, static_cast<std::int64_t>(acknowledged.size()));
  });
}

}  // namespace
}  // namespace motcua::testing
