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
#include "codec/exchange_bodies.hpp"
#include "exchange_fixture.hpp"
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
using Exchange = ExchangeInstances;

TEST_F(Exchange, ASignedMessageIsTakenOnceAndAnsweredWithAVerifiableReceipt) {
  auto adapter = adapter_a();
  const auto message = outgoing("tinh-a:1", question("1"));
  const auto first = adapter.deliver(message);
  ASSERT_EQ(first.outcome, DeliveryOutcome::delivered) << first.error;
  // The reference is B's record of the question.
  EXPECT_TRUE(first.partner_ref.starts_with("xq_")) << first.partner_ref;
  // A retry after a lost answer (signed again, later): the same receipt, nothing taken twice.
  const auto again = adapter.deliver(message);
  ASSERT_EQ(again.outcome, DeliveryOutcome::delivered) << again.error;
  EXPECT_EQ(again.partner_ref, first.partner_ref);

  // B's receipt verifies with the key B publishes.
  const auto self_a = identity_a();
  const app::exchange::Envelope e{"tinh-a:2", "tinh-a",     "tinh-b", "consultation_question",
                                  now_iso(),  question("2")};
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
  const app::exchange::Envelope e{"tinh-a:7", "tinh-a",
                                  "tinh-b",   "consultation_question",
                                  now_iso(),  question("Phí 50.000 đồng?")};
  auto tampered = app::exchange::seal(e, self_a);
  tampered.body = question("Phí 0 đồng?");
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
  reused.body = question("Phí 1 đồng?");
  EXPECT_EQ(post_to_b(app::exchange::seal(reused, self_a)).status, 409);
  EXPECT_EQ(verify_log(db_a_), 0);
  b_->stop();
  EXPECT_EQ(verify_log(db_b_), 0);
}

TEST_F(Exchange, AMessageToAKilledPartnerWaitsAndArrivesOnceAfterItsRestart) {
  auto adapter = adapter_a();
  b_->kill9();
  auto message = outgoing("tinh-a:9", question("9"));
  EXPECT_EQ(adapter.deliver(message).outcome, DeliveryOutcome::retry);
  ASSERT_NO_FATAL_FAILURE(start_b());
  message = outgoing("tinh-a:9", question("9"));  // B's new port
  const auto first = adapter.deliver(message);
  ASSERT_EQ(first.outcome, DeliveryOutcome::delivered) << first.error;
  // Kill B again right after it took the message: the answer that A may have lost is given again.
  b_->kill9();
  ASSERT_NO_FATAL_FAILURE(start_b());
  const auto again = adapter.deliver(outgoing("tinh-a:9", question("9")));
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
      auto q = app::exchange::queue_exchange_message(
          db, "tinh-a", "tinh-b", "consultation_question", "question:d42:7", question("42"), "d42",
          now_iso(), now_instant().seconds);
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
  EXPECT_TRUE(row.partner_ref.starts_with("xq_")) << row.partner_ref;
  b_->stop();
  auto store_b = store::open_store(db_b_);
  store_b->read([&](store::SqlConnection& db) {
    EXPECT_TRUE(store::find_exchange_received(db, "tinh-a", "tinh-a:question:d42:7"));
  });
  EXPECT_EQ(verify_log(db_b_), 0);
}

}  // namespace
}  // namespace motcua::testing
