// Webhooks for integrators over real HTTP (issue 14 point 5; docs/integrations.md "Webhooks"): an
// administrator registers a subscription and is shown its secret once; a matching dossier event
// writes a "webhook" outbox row; the webhook adapter POSTs it signed to a receiver on loopback,
// which checks the signature with the secret; a repeat is dropped by the receiver as a duplicate;
// the deliveries are listed with their attempts; a disabled subscription gets nothing more. The
// delivery engine is not on this branch: the test hands the outbox rows to the adapter itself.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "app/webhooks/webhook_secrets.hpp"
#include "fixture.hpp"
#include "integrations/http/http_client.hpp"
#include "integrations/webhook/webhook_adapter.hpp"
#include "log_in.hpp"
#include "partner_emulator.hpp"
#include "server_process.hpp"
#include "store/outbox.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class Webhooks : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    server_ =
        std::make_unique<ServerProcess>(kBinary, db_,
                                        std::vector<std::string>{"--fake-now", "2026-03-09T09:00",
                                                                 "--webhook-key-file", key_file_});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(), {{&admin_, "quantri"}, {&reception_, "tiepnhan"}}));
  }
  void TearDown() override { server_.reset(); }

  std::string intake() {
    auto r = reception_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                              {"agency_id", "c1"},
                                                              {"receiving_unit_id", "u1"},
                                                              {"channel", "counter"},
                                                              {"applicant", {{"name", "Đỗ Cúc"}}}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return std::string(r.body.at("id").as_string());
  }

  std::vector<store::OutboxMessage> webhook_rows() {
    std::vector<store::OutboxMessage> rows;
    auto store = store::open_store(db_);
    store->read([&](store::SqlConnection& db) {
      for (auto& m : store::pending_outbox(db, 4102444800, 1000))
        if (m.topic == "webhook") rows.push_back(std::move(m));
    });
    return rows;
  }

  void mark_delivered(std::int64_t id) {
    auto store = store::open_store(db_);
    store->write([&](store::SqlConnection& db) {
      store::mark_delivered(db, id, "2026-03-09T09:00:00+07:00");
    });
  }

  json::array received() {
    integrations::HttpRequest get;
    get.method = "GET";
    get.url = receiver_.url() + "/_received";
    return json::parse(integrations::http_send(get).body).as_array();
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  std::string key_file_ = dir_.file("webhook.key");
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  PartnerEmulator receiver_{"webhook_receiver"};
  std::unique_ptr<ServerProcess> server_;
  ApiClient admin_{0}, reception_{0};
};

TEST_F(Webhooks, SignedDeliveryVerifiedByTheReceiverAndARepeatIsADuplicate) {
  auto refused =
      admin_.post("/api/v1/admin/webhooks",
                  json::object{{"url", "ftp://x"}, {"event_types", {"dossier_accepted"}}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(reception_
                .post("/api/v1/admin/webhooks", json::object{{"url", receiver_.url() + "/hook"},
                                                             {"event_types", {"dossier_accepted"}}})
                .status,
            403);
  auto made = admin_.post("/api/v1/admin/webhooks",
                          json::object{{"url", receiver_.url() + "/hook"},
                                       {"event_types", {"dossier_accepted"}},
                                       {"description", "Hệ thống thống kê của tỉnh"},
                                       {"reason", "Kết nối kho dữ liệu"}});
  ASSERT_EQ(made.status, 201) << made.raw.body;
  const std::string secret(made.body.at("secret").as_string());
  const std::string sub(made.body.at("id").as_string());
  // The secret is shown once: the list never has it.
  auto listed = admin_.get("/api/v1/admin/webhooks");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.raw.body.find(secret), std::string::npos);
  EXPECT_FALSE(listed.body.at(0).as_object().contains("secret"));

  const auto id = intake();  // submitted and accepted: only the acceptance is wanted
  auto rows = webhook_rows();
  ASSERT_EQ(rows.size(), 1u);
  // The row holds the secret sealed, never in clear.
  EXPECT_EQ(rows[0].payload.find(secret), std::string::npos);

  auto key = app::load_or_create_webhook_key(key_file_);
  ASSERT_TRUE(key);
  integrations::WebhookAdapter adapter(*key, [] { return std::int64_t{1773021600}; });
  const app::delivery::OutgoingMessage message{rows[0].id, rows[0].topic, rows[0].idempotency_key,
                                               rows[0].payload, rows[0].attempts};
  auto first = adapter.deliver(message);
  EXPECT_EQ(first.outcome, app::delivery::DeliveryOutcome::delivered) << first.error;
  // The answer was lost, say: the engine sends the same row again.
  auto again = adapter.deliver(message);
  EXPECT_EQ(again.outcome, app::delivery::DeliveryOutcome::delivered) << again.error;
  mark_delivered(rows[0].id);

  const auto got = received();
  ASSERT_EQ(got.size(), 2u);
  const auto& headers = got[0].at("headers").as_object();
  const std::string ts(headers.at("x-motcua-timestamp").as_string());
  EXPECT_EQ(ts, "1773021600");
  EXPECT_EQ(headers.at("x-motcua-event"), "dossier_accepted");
  EXPECT_EQ(headers.at("idempotency-key").as_string(), rows[0].idempotency_key);
  // The receiver's check: HMAC-SHA256 over timestamp + "." + the raw body, with its secret.
  const std::string body = json::serialize(got[0].at("body"));
  EXPECT_EQ(headers.at("x-motcua-signature").as_string(), app::webhook_signature(secret, ts, body));
  EXPECT_NE(headers.at("x-motcua-signature").as_string(),
            app::webhook_signature("whsec_wrong", ts, body));
  EXPECT_EQ(got[0].at("body").at("type"), "dossier_accepted");
  EXPECT_EQ(got[0].at("body").at("data").at("dossier_id").as_string(), id);
  EXPECT_EQ(got[0].at("duplicate"), false);
  EXPECT_EQ(got[1].at("duplicate"), true);

  auto deliveries = admin_.get("/api/v1/admin/webhooks/" + sub + "/deliveries");
  ASSERT_EQ(deliveries.status, 200) << deliveries.raw.body;
  ASSERT_EQ(deliveries.body.as_array().size(), 1u);
  EXPECT_EQ(deliveries.body.at(0).at("state"), "delivered");
  EXPECT_EQ(deliveries.body.at(0).at("attempts"), 0);

  auto disabled = admin_.post("/api/v1/admin/webhooks/" + sub + "/disable",
                              json::object{{"reason", "Đối tác ngừng kết nối"}});
  ASSERT_EQ(disabled.status, 200) << disabled.raw.body;
  EXPECT_EQ(disabled.body.at("active"), false);
  EXPECT_EQ(admin_.post("/api/v1/admin/webhooks/" + sub + "/disable", json::object{}).status, 422);
  intake();
  EXPECT_TRUE(webhook_rows().empty());
}

}  // namespace
}  // namespace motcua::testing
