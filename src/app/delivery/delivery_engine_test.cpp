// The engine with fake adapters: outcomes are recorded, an unconfigured topic is never claimed,
// a dossier's messages go out in order, and a retry is not repeated in the same run.
#include "app/delivery/delivery_engine.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "app/common/app_test_database.hpp"

namespace motcua::app::delivery {
namespace {

class FakeAdapter final : public DeliveryAdapter {
 public:
  explicit FakeAdapter(bool configured = true) : configured_(configured) {}
  bool configured() const override { return configured_; }
  std::string endpoint() const override { return "fake://"; }
  DeliveryResult deliver(const OutgoingMessage& message) override {
    seen.push_back(message.idempotency_key);
    if (!answers.empty()) {
      auto next = answers.front();
      answers.erase(answers.begin());
      return next;
    }
    return {DeliveryOutcome::delivered, "ref-" + message.idempotency_key, ""};
  }
  std::vector<DeliveryResult> answers;  // given in turn, then "delivered"
  std::vector<std::string> seen;

 private:
  bool configured_;
};

class DeliveryEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = std::make_unique<test_support::AppTestDatabase>("delivery");
    store_ = database_->open();
    settings_.worker = "w-test";
    settings_.jitter = [] { return 0.5; };
  }
  void enqueue(const std::string& topic, const std::string& key, const std::string& order = "") {
    store_->write([&](store::SqlConnection& db) {
      store::enqueue_outbox(db, topic, key, R"({"to":"a@example.vn"})", "t", now_.seconds, order);
    });
  }
  std::vector<store::OutboxRow> rows(const std::string& topic) {
    std::vector<store::OutboxRow> out;
    store_->read([&](store::SqlConnection& db) { out = store::outbox_rows(db, {topic, "", 100}); });
    return out;  // newest first
  }
  std::function<Instant()> clock() {
    return [this] { return now_; };
  }

  std::unique_ptr<test_support::AppTestDatabase> database_;
  std::unique_ptr<store::Store> store_;
  EngineSettings settings_;
  Instant now_{1772420400};
};

TEST_F(DeliveryEngineTest, AnUnconfiguredTopicIsNeverClaimedAndStaysPending) {
  enqueue("mail", "m1");
  enqueue("sms", "s1");
  auto mail = std::make_shared<FakeAdapter>(false);
  auto sms = std::make_shared<FakeAdapter>();
  const auto tally = deliver_due(*store_, {{"mail", mail}, {"sms", sms}}, clock(), settings_);
  EXPECT_TRUE(mail->seen.empty());
  EXPECT_EQ(tally.at("mail").claimed, 0);
  EXPECT_EQ(tally.at("sms").delivered, 1);
  const auto waiting = rows("mail");
  ASSERT_EQ(waiting.size(), 1u);
  EXPECT_EQ(waiting[0].state, "pending");
  EXPECT_EQ(waiting[0].attempts, 0) << "no attempt is spent on a connection nobody configured";
}

TEST_F(DeliveryEngineTest, EachOutcomeIsRecordedWithThePartnersReferenceOrError) {
  enqueue("national_portal.sync", "ok");
  enqueue("national_portal.sync", "flaky");
  enqueue("national_portal.sync", "refused");
  auto portal = std::make_shared<FakeAdapter>();
  portal->answers = {{DeliveryOutcome::delivered, "P-1", ""},
                     {DeliveryOutcome::retry, "", "HTTP 503"},
                     {DeliveryOutcome::dead, "", "HTTP 400: MaHoSo missing"}};
  const auto tally = deliver_due(*store_, {{"national_portal.sync", portal}}, clock(), settings_);
  const auto& t = tally.at("national_portal.sync");
  EXPECT_EQ(t.delivered, 1);
  EXPECT_EQ(t.retried, 1);
  EXPECT_EQ(t.dead, 1);
  EXPECT_EQ(portal->seen.size(), 3u) << "the retried row waits for its backoff, not this run";
  const auto got = rows("national_portal.sync");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[2].state, "delivered");
  EXPECT_EQ(got[2].partner_ref, "P-1");
  EXPECT_EQ(got[1].state, "pending");
  EXPECT_EQ(got[1].attempts, 1);
  EXPECT_EQ(got[1].last_error, "HTTP 503");
  EXPECT_EQ(got[0].state, "dead");
  EXPECT_EQ(got[0].last_error, "HTTP 400: MaHoSo missing");

  // Later, the partner is back: the retried row goes out.
  now_.seconds += 3600;
  const auto later = deliver_due(*store_, {{"national_portal.sync", portal}}, clock(), settings_);
  EXPECT_EQ(later.at("national_portal.sync").delivered, 1);
  EXPECT_EQ(portal->seen.back(), "flaky");
}

TEST_F(DeliveryEngineTest, ADossiersMessagesGoOutInOrderAcrossRounds) {
  settings_.batch = 2;
  for (int i = 1; i <= 4; ++i) {
    enqueue("mail", "d1:" + std::to_string(i), "d1");
    enqueue("mail", "d2:" + std::to_string(i), "d2");
  }
  auto mail = std::make_shared<FakeAdapter>();
  const auto tally = deliver_due(*store_, {{"mail", mail}}, clock(), settings_);
  EXPECT_EQ(tally.at("mail").delivered, 8);
  std::vector<std::string> d1;
  for (const auto& key : mail->seen) {
    if (key.starts_with("d1:")) d1.push_back(key);
  }
  EXPECT_EQ(d1, (std::vector<std::string>{"d1:1", "d1:2", "d1:3", "d1:4"}));
}

TEST_F(DeliveryEngineTest, AFailedHeadHoldsBackTheRestOfItsDossier) {
  enqueue("mail", "d1:1", "d1");
  enqueue("mail", "d1:2", "d1");
  enqueue("mail", "d2:1", "d2");
  auto mail = std::make_shared<FakeAdapter>();
  mail->answers = {{DeliveryOutcome::retry, "", "timeout"}};
  deliver_due(*store_, {{"mail", mail}}, clock(), settings_);
  EXPECT_EQ(mail->seen, (std::vector<std::string>{"d1:1", "d2:1"}));
}

}  // namespace
}  // namespace motcua::app::delivery

namespace motcua::app::delivery {
namespace {

TEST_F(DeliveryEngineTest, APartnersGarbageIsStoredAsPrintableText) {
  enqueue("mail", "g1");
  auto mail = std::make_shared<FakeAdapter>();
  mail->answers = {{DeliveryOutcome::retry, "", std::string("HTTP 200: <html>\x00\xff ok\n", 22)}};
  deliver_due(*store_, {{"mail", mail}}, clock(), settings_);
  const auto got = rows("mail");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].last_error, "HTTP 200: <html> ? ok ");
}

TEST_F(DeliveryEngineTest, ARecipientsPhoneEchoedInAnErrorIsMasked) {
  enqueue("sms", "p1");
  auto sms = std::make_shared<FakeAdapter>();
  sms->answers = {{DeliveryOutcome::retry, "", "HTTP 400: 0912345689 is not a subscriber"}};
  deliver_due(*store_, {{"sms", sms}}, clock(), settings_);
  const auto got = rows("sms");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].last_error, "HTTP 400: 0*******89 is not a subscriber");
}

}  // namespace
}  // namespace motcua::app::delivery
