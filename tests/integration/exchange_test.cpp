// Exchange between two MotCua instances, each a real `motcua serve` on loopback with a database of
// its own: each publishes its identity and registers the other as a partner; A's "exchange"
// adapter delivers signed messages to B, whose signed receipt B's published key verifies; a retry
// after a lost answer gets the same receipt (one record, not two); B killed with SIGKILL keeps A's
// message waiting (retry), and after B's restart it arrives once; a tampered message, a stranger's
// and a reused message id are refused; both logs verify.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "api_client.hpp"
#include "app/exchange/exchange_inbox.hpp"
#include "app/exchange/exchange_outbox.hpp"
#include "app/exchange/instance_key.hpp"
#include "fixture.hpp"
#include "http_client.hpp"
#include "integrations/exchange/exchange_adapter.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/exchange_repository.hpp"
#include "store/open_store.hpp"
#include "store/outbox.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
using app::delivery::DeliveryOutcome;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

std::string now_iso() {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return to_iso(Instant{now}, 420);
}

Instant now_instant() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()};
}

class Exchange : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& db : {db_a_, db_b_}) {
      seed_fixture(db);
      seed_administrator(db);
    }
    auto a_args = args("tinh-a", key_a_);
    // A's delivery engine: quick polls and short backoff, so a retry comes within the test.
    a_args.insert(a_args.end(),
                  {"--deliver-every-ms", "100", "--retry-base-s", "1", "--retry-cap-s", "2"});
    a_ = std::make_unique<ServerProcess>(kBinary, db_a_, a_args);
    start_b();
    admin_a_ = ApiClient(a_->port());
    ASSERT_NO_FATAL_FAILURE(log_in_all(a_->port(), {{&admin_a_, "quantri"}}));
    // Each registers the other from its published identity.
    register_partner(admin_a_, b_->port(), "CQ-B");
    register_partner(admin_b_, a_->port(), "CQ-A");
  }

  std::vector<std::string> args(const std::string& id, const std::string& key) {
    return {"--instance-id", id, "--instance-key", key};
  }

  // B restarts on the port it had, so A's registration of it stays right.
  void start_b() {
    auto b_args = args("tinh-b", key_b_);
    if (b_port_ > 0)
      b_args.insert(b_args.end(), {"--listen", "127.0.0.1:" + std::to_string(b_port_)});
    b_ = std::make_unique<ServerProcess>(kBinary, db_b_, b_args);
    b_port_ = b_->port();
    admin_b_ = ApiClient(b_->port());
    ASSERT_NO_FATAL_FAILURE(log_in_all(b_->port(), {{&admin_b_, "quantri"}}));
  }

  void register_partner(ApiClient& admin, int partner_port, const std::string& agency) {
    const auto identity = ApiClient(partner_port).get("/api/v1/exchange/identity");
    ASSERT_EQ(identity.status, 200) << identity.raw.body;
    json::array keys;
    for (const auto& k : identity.body.at("keys").as_array())
      keys.push_back(json::object{{"public_key", k.at("public_key")},
                                  {"valid_from", "2020-01-01T00:00:00+07:00"}});
    const auto r =
        admin.post("/api/v1/admin/exchange/partners",
                   json::object{{"id", identity.body.at("instance_id")},
                                {"name", "Hệ thống một cửa đối tác"},
                                {"base_url", "http://127.0.0.1:" + std::to_string(partner_port)},
                                {"agency_codes", json::array{json::string(agency)}},
                                {"keys", std::move(keys)},
                                {"reason", "thỏa thuận liên thông"}});
    ASSERT_EQ(r.status, 201) << r.raw.body;
  }

  app::exchange::InstanceIdentity identity_a() {
    auto self = app::exchange::load_or_create_instance_key(key_a_, "tinh-a");
    EXPECT_TRUE(self);
    return *self;
  }

  app::delivery::OutgoingMessage outgoing(const std::string& id, const std::string& body) {
    const codec::ExchangeOutgoing o{
        "http://127.0.0.1:" + std::to_string(b_->port()) + "/api/v1/exchange/messages", id,
        "tinh-b", "dossier_transfer", body};
    return {1, "exchange", id, codec::exchange_outgoing_to_text(o), 0};
  }

  // A raw POST of an envelope to B, as any caller on the network could send it.
  HttpResult post_to_b(const codec::ExchangeWire& wire) {
    return http_request(b_->port(), "POST", "/api/v1/exchange/messages",
                        {{"Content-Type", "application/json"}}, codec::exchange_wire_to_text(wire));
  }

  int verify_log(const std::string& db) {
    const std::string command = kBinary + " verify-log --db '" + db + "' >/dev/null 2>&1";
    return WEXITSTATUS(std::system(command.c_str()));
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_a_, database_b_;
  std::string db_a_ = database_a_.name(), db_b_ = database_b_.name();
  std::string key_a_ = dir_.file("a.key"), key_b_ = dir_.file("b.key");
  std::unique_ptr<ServerProcess> a_, b_;
  int b_port_ = 0;
  ApiClient admin_a_{0}, admin_b_{0};
};

TEST_F(Exchange, ASignedMessageIsTakenOnceAndAnsweredWithAVerifiableReceipt) {
  integrations::ExchangeAdapter adapter(identity_a(), now_iso);
  const auto message = outgoing("tinh-a:1", R"({"dossier":"d1"})");
  const auto first = adapter.deliver(message);
  ASSERT_EQ(first.outcome, DeliveryOutcome::delivered) << first.error;
  EXPECT_EQ(first.partner_ref, "tinh-b:receipt:tinh-a:tinh-a:1");
  // A retry after a lost answer (signed again, later): the same receipt, nothing taken twice.
  const auto again = adapter.deliver(message);
  ASSERT_EQ(again.outcome, DeliveryOutcome::delivered) << again.error;
  EXPECT_EQ(again.partner_ref, first.partner_ref);

  // B's receipt verifies with the key B publishes.
  const auto self_a = identity_a();
  const app::exchange::Envelope e{"tinh-a:2",         "tinh-a",  "tinh-b",
                                  "dossier_transfer", now_iso(), "{}"};
  const auto answer = post_to_b(app::exchange::seal(e, self_a));
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto receipt = codec::exchange_wire_from_text(answer.body);
  ASSERT_TRUE(receipt);
  const auto identity_b = ApiClient(b_->port()).get("/api/v1/exchange/identity");
  const auto& key_b = identity_b.body.at("keys").at(0);
  EXPECT_EQ(app::exchange::verify_envelope({receipt->message_id, receipt->from, receipt->to,
                                            receipt->kind, receipt->sent_at, receipt->body},
                                           receipt->signature,
                                           {{std::string(key_b.at("public_key").as_string()),
                                             std::string(key_b.at("valid_from").as_string()), ""}},
                                           "tinh-a", now_instant(), 600),
            app::exchange::Verdict::accepted);
}

TEST_F(Exchange, TamperedStrangersAndReusedMessagesAreRefused) {
  const auto self_a = identity_a();
  const app::exchange::Envelope e{"tinh-a:7",         "tinh-a",  "tinh-b",
                                  "dossier_transfer", now_iso(), R"({"fee_vnd":"50000"})"};
  auto tampered = app::exchange::seal(e, self_a);
  tampered.body = R"({"fee_vnd":"0"})";
  const auto r = post_to_b(tampered);
  EXPECT_EQ(r.status, 401) << r.body;
  EXPECT_NE(r.body.find("bad_signature"), std::string::npos) << r.body;

  // Signed by a key B never registered, in A's name or a stranger's.
  app::exchange::InstanceIdentity stranger{"tinh-a", app::exchange::new_key_pair().secret_key, "",
                                           ""};
  EXPECT_EQ(post_to_b(app::exchange::seal(e, stranger)).status, 401);
  auto unknown = e;
  unknown.from = "tinh-z";
  EXPECT_EQ(post_to_b(app::exchange::seal(unknown, stranger)).status, 401);

  // The genuine message is then taken (nothing of the refusals was recorded under its id) ...
  EXPECT_EQ(post_to_b(app::exchange::seal(e, self_a)).status, 200);
  // ... and its id cannot carry other content afterwards.
  auto reused = e;
  reused.body = R"({"fee_vnd":"1"})";
  EXPECT_EQ(post_to_b(app::exchange::seal(reused, self_a)).status, 409);
  EXPECT_EQ(verify_log(db_a_), 0);
  b_->stop();
  EXPECT_EQ(verify_log(db_b_), 0);
}

TEST_F(Exchange, AMessageToAKilledPartnerWaitsAndArrivesOnceAfterItsRestart) {
  integrations::ExchangeAdapter adapter(identity_a(), now_iso);
  b_->kill9();
  auto message = outgoing("tinh-a:9", R"({"dossier":"d9"})");
  EXPECT_EQ(adapter.deliver(message).outcome, DeliveryOutcome::retry);
  ASSERT_NO_FATAL_FAILURE(start_b());
  message = outgoing("tinh-a:9", R"({"dossier":"d9"})");  // B's new port
  const auto first = adapter.deliver(message);
  ASSERT_EQ(first.outcome, DeliveryOutcome::delivered) << first.error;
  // Kill B again right after it took the message: the answer that A may have lost is given again.
  b_->kill9();
  ASSERT_NO_FATAL_FAILURE(start_b());
  const auto again = adapter.deliver(outgoing("tinh-a:9", R"({"dossier":"d9"})"));
  ASSERT_EQ(again.outcome, DeliveryOutcome::delivered) << again.error;
  EXPECT_EQ(again.partner_ref, first.partner_ref);
  b_->stop();
  EXPECT_EQ(verify_log(db_b_), 0);
}

// Through A's own delivery engine: a message queued in A's outbox while B is killed stays pending
// and retried, and arrives once B is back; B holds one record of it.
TEST_F(Exchange, AQueuedMessageGoesThroughTheEngineAndWaitsForAKilledPartner) {
  b_->kill9();
  {
    auto store = store::open_store(db_a_);
    store->write([&](store::SqlConnection& db) {
      auto q = app::exchange::queue_exchange_message(db, "tinh-a", "tinh-b", "dossier_transfer",
                                                     "transfer:d42:7", R"({"dossier":"d42"})",
                                                     "d42", now_iso(), now_instant().seconds);
      ASSERT_TRUE(q);
    });
  }
  const auto outbox_of_a = [&] {
    std::vector<store::OutboxRow> rows;
    auto store = store::open_store(db_a_);
    store->read([&](store::SqlConnection& db) {
      rows = store::outbox_rows(db, {"exchange", "", 10});
    });
    return rows;
  };
  // A tries, fails (B is down) and keeps the message.
  for (int i = 0; i < 100 && outbox_of_a().at(0).attempts == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ASSERT_GE(outbox_of_a().at(0).attempts, 1);
  EXPECT_NE(outbox_of_a().at(0).state, "delivered");
  ASSERT_NO_FATAL_FAILURE(start_b());
  for (int i = 0; i < 150 && outbox_of_a().at(0).state != "delivered"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto row = outbox_of_a().at(0);
  ASSERT_EQ(row.state, "delivered") << row.last_error;
  EXPECT_EQ(row.partner_ref, "tinh-b:receipt:tinh-a:tinh-a:transfer:d42:7");
  b_->stop();
  auto store_b = store::open_store(db_b_);
  store_b->read([&](store::SqlConnection& db) {
    EXPECT_TRUE(store::find_exchange_received(db, "tinh-a", "tinh-a:transfer:d42:7"));
  });
  EXPECT_EQ(verify_log(db_b_), 0);
}

}  // namespace
}  // namespace motcua::testing
