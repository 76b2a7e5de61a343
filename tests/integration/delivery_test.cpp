// The delivery engine against a real partner on loopback (tools/emulators/recorder.py): dossier
// changes reach {portal-url}/dossiers in order per dossier with an Idempotency-Key; a partner that
// is down, answers 500 or garbage, or is too slow is retried until it takes the message; a refusal
// (400) makes the message dead, shown to administrators, who send it again; and a SIGKILL of the
// server mid-delivery loses nothing and repeats nothing but as duplicates the partner drops.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "partner_process.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
constexpr const char* kTopic = "national_portal.sync";

// The event sequence in a sync message's key "<dossier id>:<seq>:dvcqg".
std::int64_t seq_of(const std::string& key) {
  const auto last = key.rfind(':');
  const auto before = key.rfind(':', last - 1);
  return std::stoll(key.substr(before + 1, last - before - 1));
}

class Delivery : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
  }
  void start(const std::string& portal_url, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--portal-url",      portal_url, "--deliver-every-ms", every_ms_,
                                  "--retry-base-s",    "1",        "--retry-cap-s",      "2",
                                  "--deliver-lease-s", lease_s_};
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServerProcess>(kBinary, db_, args);
    an_ = ApiClient(server_->port());
    reception_ = ApiClient(server_->port());
    admin_ = ApiClient(server_->port());
    ASSERT_NO_FATAL_FAILURE(log_in_all(
        server_->port(), {{&an_, "an"}, {&reception_, "tiepnhan"}, {&admin_, "quantri"}}));
  }
  // An online submission accepted at the counter: several status changes of one dossier.
  std::string submit_and_accept() {
    auto r = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                       {"agency_id", "c1"},
                                                       {"receiving_unit_id", "u1"},
                                                       {"return_channel", "online"}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    const std::string id(r.body.at("id").as_string());
    EXPECT_EQ(reception_.post("/api/v1/dossiers/" + id + "/accept", json::object{}).status, 200);
    return id;
  }
  json::object topic_health() {
    const auto r = ApiClient(server_->port()).get("/healthz");
    return r.body.at("outbox").at(kTopic).as_object();
  }
  // Waits until `done` holds, up to `seconds`.
  static bool eventually(const std::function<bool()>& done, int seconds = 40) {
    for (int i = 0; i < seconds * 10; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
  }
  bool queue_empty() {
    const auto t = topic_health();
    return t.at("pending").as_int64() == 0 && t.at("dead").as_int64() == 0;
  }
  // The sync messages the server holds, by key (delivered rows stay until pruned).
  std::set<std::string> keys_sent() {
    std::set<std::string> keys;
    const auto r =
        admin_.get(std::string("/api/v1/admin/outbox/messages?topic=") + kTopic + "&limit=500");
    EXPECT_EQ(r.status, 200) << r.raw.body;
    for (const auto& m : r.body.at("messages").as_array()) {
      keys.insert(std::string(m.at("idempotency_key").as_string()));
    }
    return keys;
  }
  // What a careful partner checks: every key arrived once as new (repeats marked duplicate), and
  // per dossier the first arrivals follow the event order.
  void expect_each_once_in_order(const json::array& received, const std::set<std::string>& keys) {
    std::set<std::string> fresh;
    std::map<std::string, std::int64_t> last_seq;
    for (const auto& e : received) {
      const auto& headers = e.at("headers").as_object();
      ASSERT_TRUE(headers.contains("idempotency-key")) << serialize(e);
      const std::string key(headers.at("idempotency-key").as_string());
      if (e.at("duplicate").as_bool()) {
        EXPECT_TRUE(fresh.count(key)) << "a duplicate of a key never taken: " << key;
        continue;
      }
      EXPECT_TRUE(fresh.insert(key).second) << "delivered twice as new: " << key;
      const std::string dossier = key.substr(0, key.find(':'));  // "<dossier>:<seq>:dvcqg"
      const auto seq = seq_of(key);
      EXPECT_GT(seq, last_seq[dossier]) << "out of order for " << dossier << ": " << key;
      last_seq[dossier] = seq;
    }
    EXPECT_EQ(fresh, keys) << "every message arrived";
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::string lease_s_ = "20";
  std::string every_ms_ = "100";
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, reception_{0}, admin_{0};
};

TEST_F(Delivery, StatusChangesReachThePortalInOrderWithIdempotencyKeys) {
  PartnerProcess portal("recorder");
  ASSERT_NO_FATAL_FAILURE(start(portal.url()));
  for (int i = 0; i < 3; ++i) submit_and_accept();
  ASSERT_TRUE(eventually([&] { return queue_empty(); }));
  const auto keys = keys_sent();
  EXPECT_GE(keys.size(), 6u);
  const auto received = portal.received();
  for (const auto& e : received) EXPECT_EQ(e.at("path"), "/dossiers");
  expect_each_once_in_order(received, keys);

  // Unconfigured connections are said so, and their messages wait.
  const auto health = ApiClient(server_->port()).get("/healthz");
  const auto& outbox = health.body.at("outbox").as_object();
  EXPECT_EQ(outbox.at(kTopic).at("configured"), true);
  EXPECT_EQ(outbox.at(kTopic).at("endpoint").as_string(), portal.url() + "/dossiers");
  EXPECT_EQ(outbox.at("mail").at("configured"), false);
  EXPECT_GT(outbox.at("mail").at("pending").as_int64(), 0)
      << "a topic without a configured adapter keeps its messages";
  const auto overview = admin_.get("/api/v1/admin/outbox");
  ASSERT_EQ(overview.status, 200) << overview.raw.body;
  bool listed = false;
  for (const auto& t : overview.body.at("topics").as_array()) {
    if (t.at("topic") == kTopic) {
      listed = true;
      EXPECT_EQ(t.at("delivered").as_int64(), static_cast<std::int64_t>(keys.size()));
    }
  }
  EXPECT_TRUE(listed);
  EXPECT_EQ(an_.get("/api/v1/admin/outbox").status, 403);
  const auto metrics = http_request(server_->port(), "GET", "/metrics");
  EXPECT_NE(metrics.body.find("motcua_outbox_delivered_total{topic=\"national_portal.sync\"}"),
            std::string::npos);
}

TEST_F(Delivery, ACommitWakesTheWorkersWithoutWaitingForThePoll) {
  PartnerProcess portal("recorder");
  every_ms_ = "600000";  // ten minutes: only the wake-up after the commit can deliver in time
  ASSERT_NO_FATAL_FAILURE(start(portal.url()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the workers' first round is over
  submit_and_accept();
  ASSERT_TRUE(eventually([&] { return queue_empty(); }, 10));
  expect_each_once_in_order(portal.received(), keys_sent());
}

TEST_F(Delivery, APartnerDownFailingOrSlowIsRetriedUntilItTakesTheMessage) {
  int port = 0;
  {
    PartnerProcess probe("recorder");  // a free port, then nobody answers there
    port = probe.port();
  }
  ASSERT_NO_FATAL_FAILURE(start("http://127.0.0.1:" + std::to_string(port)));
  submit_and_accept();
  ASSERT_TRUE(eventually([&] { return topic_health().at("retrying").as_int64() > 0; }));
  const auto waiting = admin_.get("/api/v1/admin/outbox/messages?state=retrying");
  ASSERT_EQ(waiting.status, 200);
  ASSERT_FALSE(waiting.body.at("messages").as_array().empty());
  EXPECT_NE(waiting.body.at("messages").at(0).at("last_error").as_string(), "");

  // Back up, but answering 500 twice, then garbage once, then too slowly once (the adapter's
  // 10 s timeout): each is retried, and the message is finally taken.
  PartnerProcess portal("recorder", port);
  portal.control({{"mode", "error500"}, {"count", 2}});
  ASSERT_TRUE(eventually([&] { return queue_empty(); }));
  EXPECT_EQ(portal.received().size(), keys_sent().size()) << "500s are not taken";

  portal.control({{"mode", "garbage"}, {"count", 1}});
  const auto before = portal.received().size();
  submit_and_accept();
  ASSERT_TRUE(eventually([&] { return queue_empty(); }));
  EXPECT_GT(portal.received().size(), before);

  portal.control({{"mode", "slow"}, {"delay_ms", 12000}, {"count", 1}});
  submit_and_accept();
  ASSERT_TRUE(eventually([&] { return queue_empty(); }, 60));
  expect_each_once_in_order(portal.received(), keys_sent());
}

TEST_F(Delivery, ARefusedMessageIsDeadUntilAnAdministratorRetriesIt) {
  PartnerProcess portal("recorder");
  portal.control({{"mode", "reject400"}, {"count", 1}});
  ASSERT_NO_FATAL_FAILURE(start(portal.url()));
  submit_and_accept();
  ASSERT_TRUE(eventually([&] { return topic_health().at("dead").as_int64() == 1; }));
  // The dead head holds back the dossier's later changes.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_TRUE(portal.received().empty()) << serialize(portal.received());
  EXPECT_GT(topic_health().at("pending").as_int64(), 0);

  const auto dead = admin_.get("/api/v1/admin/outbox/messages?state=dead");
  ASSERT_EQ(dead.status, 200) << dead.raw.body;
  const auto& messages = dead.body.at("messages").as_array();
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_NE(std::string(messages[0].at("last_error").as_string()).find("400"), std::string::npos);
  const auto message_id = std::to_string(messages[0].at("id").as_int64());
  const std::string base = "/api/v1/admin/outbox/messages/" + message_id;
  EXPECT_EQ(admin_.post(base + "/cancel", json::object{}).status, 422) << "a reason is required";
  const auto retried = admin_.post(base + "/retry", json::object{{"reason", "đối tác đã sửa"}});
  ASSERT_EQ(retried.status, 200) << retried.raw.body;
  EXPECT_EQ(retried.body.at("state"), "pending");
  ASSERT_TRUE(eventually([&] { return queue_empty(); }));
  expect_each_once_in_order(portal.received(), keys_sent());
  EXPECT_EQ(admin_.post(base + "/retry", json::object{}).status, 409) << "delivered now";
  EXPECT_EQ(admin_.post(base + "/cancel", json::object{{"reason", "x"}}).status, 409);
  EXPECT_EQ(admin_.post("/api/v1/admin/outbox/messages/999999/retry", json::object{}).status, 404);
  const auto audit = admin_.get("/api/v1/admin/audit?action=outbox.retried");
  ASSERT_EQ(audit.status, 200);
  ASSERT_EQ(audit.body.at("entries").as_array().size(), 1u);
  EXPECT_EQ(audit.body.at("entries").at(0).at("reason"), "đối tác đã sửa");
}

TEST_F(Delivery, SigkillMidDeliveryLosesNothingAndKeepsEachDossiersOrder) {
  PartnerProcess portal("recorder");
  // Slow enough that the kill lands mid-delivery; a short lease so the restart takes over soon.
  portal.control({{"mode", "slow"}, {"delay_ms", 150}});
  lease_s_ = "2";
  ASSERT_NO_FATAL_FAILURE(start(portal.url()));
  for (int i = 0; i < 8; ++i) submit_and_accept();
  ASSERT_TRUE(eventually([&] { return portal.received().size() >= 3; }));
  server_->kill9();
  const auto before_restart = portal.received().size();
  ASSERT_NO_FATAL_FAILURE(start(portal.url()));
  ASSERT_TRUE(eventually([&] { return queue_empty(); }, 90));
  const auto received = portal.received();
  EXPECT_GT(received.size(), before_restart);
  expect_each_once_in_order(received, keys_sent());
}

}  // namespace
}  // namespace motcua::testing
