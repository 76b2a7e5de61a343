// Webhooks for integrators over real HTTP (issue 14 point 5; docs/integrations.md "Webhooks"): an
// administrator registers a subscription and is shown its secret once; a matching dossier event
// writes a "webhook" outbox row; the webhook adapter POSTs it signed to a receiver on loopback,
// which checks the signature with the secret; a repeat is dropped by the receiver as a duplicate;
// the deliveries are listed with their attempts; a disabled subscription gets nothing more. The
// delivery engine of `motcua serve` delivers; the receiver loses its first answer to force a
// repeat.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "api_client.hpp"
#include "app/webhooks/webhook_secrets.hpp"
#include "fixture.hpp"
#include "integrations/http/http_client.hpp"
#include "integrations/webhook/webhook_adapter.hpp"
#include "log_in.hpp"
#include "partner_process.hpp"
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

  // Every webhook row, whatever its state (pending_outbox lists only those still due).
  std::vector<store::OutboxRow> webhook_rows_all() {
    std::vector<store::OutboxRow> rows;
    auto store = store::open_store(db_);
    store->read([&](store::SqlConnection& db) {
      rows = store::outbox_rows(db, store::OutboxFilter{"webhook", "", 1000});
    });
    return rows;
  }

  // What the receiver took, once it has taken `n` requests (or after 20 s).
  json::array received_at_least(std::size_t n) {
    for (int i = 0; i < 200; ++i) {
      auto got = received();
      if (got.size() >= n) return got;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return received();
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
  PartnerProcess receiver_{"webhook_receiver"};
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

  // The receiver takes the first delivery and loses its answer: the engine of `motcua serve`
  // must send the same row again, and the receiver drop the repeat by its Idempotency-Key.
  integrations::HttpRequest lose;
  lose.url = receiver_.url() + "/_control";
  lose.body = R"({"mode":"drop_answer","count":1})";
  ASSERT_EQ(integrations::http_send(lose).status, 200);
  const auto id = intake();  // submitted and accepted: only the acceptance is wanted
  const auto got = received_at_least(2);
  ASSERT_EQ(got.size(), 2u) << [&] {
    std::string why;
    for (const auto& r : webhook_rows_all())
      why += r.state + " attempts=" + std::to_string(r.attempts) + " error=" + r.last_error + "; ";
    return why;
  }();
  // The row held the secret sealed, never in clear, and the headers carry the row's key.
  const auto rows = webhook_rows_all();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].payload.find(secret), std::string::npos);
  const auto& headers = got[0].at("headers").as_object();
  const std::string ts(headers.at("x-motcua-timestamp").as_string());
  EXPECT_LE(std::llabs(std::stoll(ts) - static_cast<long long>(std::time(nullptr))), 120);
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
  EXPECT_EQ(deliveries.body.at(0).at("attempts"), 1);  // the attempt whose answer was lost

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
