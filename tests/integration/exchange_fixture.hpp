// Two MotCua instances for the exchange tests, each a real `motcua serve` on loopback with a
// database of its own (seeded with the fixture's agencies, procedures and officials): A
// ("tinh-a") and B ("tinh-b") publish their identities and register each other as partners, A's
// partner B serving the commune c2. B restarts on the port it had, so A's registration of it stays
// right. Both delivery engines poll quickly with short backoff, so retries come within a test.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <memory>
#include <thread>

#include "api_client.hpp"
#include "app/exchange/exchange_inbox.hpp"
#include "app/exchange/instance_key.hpp"
#include "codec/exchange_bodies.hpp"
#include "fixture.hpp"
#include "http_client.hpp"
#include "integrations/exchange/exchange_adapter.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {

inline const std::string kExchangeBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

inline std::string now_iso() {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return to_iso(Instant{now}, 420);
}

inline Instant now_instant() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()};
}

class ExchangeInstances : public ::testing::Test {
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
    a_ = std::make_unique<ServerProcess>(kExchangeBinary, db_a_, a_args);
    start_b();
    admin_a_ = ApiClient(a_->port());
    ASSERT_NO_FATAL_FAILURE(log_in_all(a_->port(), {{&admin_a_, "quantri"}}));
    // Each registers the other from its published identity.
    // A's partner B serves the commune c2 (its code in both seeds): A's steps and consultations
    // of c2 go to B.
    register_partner(admin_a_, b_->port(), "000.02.02.H40");
    register_partner(admin_b_, a_->port(), "CQ-A");
  }

  std::vector<std::string> args(const std::string& id, const std::string& key) {
    return {"--instance-id", id, "--instance-key", key};
  }

  // B restarts on the port it had, so A's registration of it stays right.
  void start_b() {
    auto b_args = args("tinh-b", key_b_);
    // B's engine as quick as A's: its results and answers come back within the test.
    b_args.insert(b_args.end(),
                  {"--deliver-every-ms", "100", "--retry-base-s", "1", "--retry-cap-s", "2"});
    if (b_port_ > 0)
      b_args.insert(b_args.end(), {"--listen", "127.0.0.1:" + std::to_string(b_port_)});
    b_ = std::make_unique<ServerProcess>(kExchangeBinary, db_b_, b_args);
    b_port_ = b_->port();
    admin_b_ = ApiClient(b_->port());
    ASSERT_NO_FATAL_FAILURE(log_in_all(b_->port(), {{&admin_b_, "quantri"}}));
  }

  void register_partner(ApiClient& admin, int partner_port, const std::string& agency) {
    const auto identity = ApiClient(partner_port).get("/api/v1/exchange/identity");
    ASSERT_EQ(identity.status, 200) << identity.raw.body;
    boost::json::array keys;
    for (const auto& k : identity.body.at("keys").as_array())
      keys.push_back(boost::json::object{{"public_key", k.at("public_key")},
                                         {"valid_from", "2020-01-01T00:00:00+07:00"}});
    const auto r = admin.post(
        "/api/v1/admin/exchange/partners",
        boost::json::object{{"id", identity.body.at("instance_id")},
                            {"name", "Hệ thống một cửa đối tác"},
                            {"base_url", "http://127.0.0.1:" + std::to_string(partner_port)},
                            {"agency_codes", boost::json::array{boost::json::string(agency)}},
                            {"keys", std::move(keys)},
                            {"reason", "thỏa thuận liên thông"}});
    ASSERT_EQ(r.status, 201) << r.raw.body;
  }

  app::exchange::InstanceIdentity identity_a() {
    auto self = app::exchange::load_or_create_instance_key(key_a_, "tinh-a");
    EXPECT_TRUE(self);
    return *self;
  }

  // A question to B's commune c2 (code 000.02.02.H40): a message whose effect on B is one row.
  static std::string question(const std::string& text) {
    return codec::question_body_to_text({"d1", "", "", "000.02.02.H40", text, "", {}});
  }

  // A's adapter, verifying B's receipts with the keys B publishes (B keeps its key file over
  // restarts).
  integrations::ExchangeAdapter adapter_a() {
    std::vector<app::exchange::PartnerKey> keys;
    const auto identity = ApiClient(b_->port()).get("/api/v1/exchange/identity");
    for (const auto& k : identity.body.at("keys").as_array())
      keys.push_back({std::string(k.at("public_key").as_string()),
                      std::string(k.at("valid_from").as_string()), ""});
    return integrations::ExchangeAdapter(
        identity_a(), now_iso, [keys](const std::string&) { return keys; }, dir_.file("files-a"));
  }

  app::delivery::OutgoingMessage outgoing(const std::string& id, const std::string& body) {
    const codec::ExchangeOutgoing o{
        "http://127.0.0.1:" + std::to_string(b_->port()) + "/api/v1/exchange/messages", id,
        "tinh-b", "consultation_question", body};
    return {1, "exchange", id, codec::exchange_outgoing_to_text(o), 0};
  }

  // A raw POST of an envelope to B, as any caller on the network could send it.
  HttpResult post_to_b(const codec::ExchangeWire& wire) {
    return http_request(b_->port(), "POST", "/api/v1/exchange/messages",
                        {{"Content-Type", "application/json"}}, codec::exchange_wire_to_text(wire));
  }

  int verify_log(const std::string& db) {
    const std::string command = kExchangeBinary + " verify-log --db '" + db + "' >/dev/null 2>&1";
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

}  // namespace motcua::testing
