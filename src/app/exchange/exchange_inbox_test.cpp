// Partners and the receiving side on a real store: registration is audited, a tampered, foreign,
// misaddressed or reused message is refused with nothing written, and a sender's retry gets the
// receipt given the first time.
#include "app/exchange/exchange_inbox.hpp"

#include <gtest/gtest.h>

#include "app/common/app_test_database.hpp"
#include "codec/exchange_bodies.hpp"
#include "codec/iso_time.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/audit_log.hpp"
#include "store/exchange_repository.hpp"
#include "store/test_seed.hpp"

namespace motcua::app::exchange {
namespace {

using dossier::Role;

class ExchangeInboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = std::make_unique<test_support::AppTestDatabase>("exchange");
    store_ = database_->open();
    const auto pair = new_key_pair();
    self_ = {"tinh-b", pair.secret_key, pair.public_key, "2026-01-01T00:00:00+07:00"};
    store_->write([&](store::SqlConnection& db) {
      store::seed_test_agencies(db);
      auto partner = register_partner(db, admin_,
                                      {"tinh-a",
                                       "Hệ thống một cửa tỉnh A",
                                       "http://127.0.0.1:9",
                                       {"STP-A"},
                                       {{sender_.public_key, "2026-01-01T00:00:00+07:00", "", ""}},
                                       "liên thông"},
                                      self_.id, now_iso_);
      ASSERT_TRUE(partner) << partner.error().message_en;
    });
  }

  // A question to this instance's commune c1: a kind whose effect needs no dossier here.
  static std::string question(const std::string& text) {
    return codec::question_body_to_text({"d1", "", "", "000.01.01.H40", text, "", {}});
  }

  codec::ExchangeWire message(const std::string& id, const std::string& body) {
    const Envelope e{id, "tinh-a", "tinh-b", "consultation_question", now_iso_, body};
    return {e.message_id,
            e.from,
            e.to,
            e.kind,
            e.sent_at,
            e.body,
            sign_envelope(e, sender_.secret_key)};
  }

  AppResult<ReceivedMessage> receive(const codec::ExchangeWire& m) {
    AppResult<ReceivedMessage> out = tl::unexpected(invalid_input(""));
    store_->write([&](store::SqlConnection& db) {
      out = receive_message(db, self_, effects_, m, now_, now_iso_);
    });
    return out;
  }

  int received_rows(const std::string& id) {
    int n = 0;
    store_->read([&](store::SqlConnection& db) {
      n = store::find_exchange_received(db, "tinh-a", id) ? 1 : 0;
    });
    return n;
  }

  std::unique_ptr<test_support::AppTestDatabase> database_;
  std::unique_ptr<store::Store> store_;
  Actor admin_{"admin", "Quản Trị", false, {{Role::administrator, "p1"}}};
  calendar::WorkingCalendar calendar_ =
      *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
  DossierService dossiers_{calendar_, [this] { return now_; }};
  InboundContext effects_{dossiers_, ::testing::TempDir() + "exchange-inbox-files"};
  KeyPair sender_ = new_key_pair();
  InstanceIdentity self_;
  std::string now_iso_ = "2026-12-06T10:00:00+07:00";
  Instant now_ = *codec::parse_iso_instant("2026-12-06T10:00:30+07:00", 420);
};

TEST_F(ExchangeInboxTest, RegistrationIsAuditedAndAnAgencyHasOnePartner) {
  store_->write([&](store::SqlConnection& db) {
    const auto audit = store::audit_of(db, "tinh-a");
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "exchange.partner_registered");
    auto again = register_partner(db, admin_,
                                  {"bo-x",
                                   "Bộ X",
                                   "https://x.gov.vn",
                                   {"STP-A"},
                                   {{sender_.public_key, "2026-01-01T00:00:00+07:00", "", ""}},
                                   ""},
                                  self_.id, now_iso_);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().detail, "agency_codes");
    auto added = add_partner_key(
        db, admin_, "tinh-a",
        {new_key_pair().public_key, "2026-12-01T00:00:00+07:00", "", "xoay khóa"}, now_iso_);
    ASSERT_TRUE(added);
    EXPECT_EQ(added->keys.size(), 2u);
    EXPECT_EQ(store::audit_of(db, "tinh-a").back().action, "exchange.key_added");
    EXPECT_EQ(partner_serving(db, "STP-A")->id, "tinh-a");
  });
}

TEST_F(ExchangeInboxTest, ASignedMessageGetsASignedReceiptAndARetryTheSameOne) {
  const auto m = message("tinh-a:1", question("1"));
  const auto first = receive(m);
  ASSERT_TRUE(first) << first.error().message_en;
  EXPECT_FALSE(first->repeat);
  EXPECT_EQ(first->receipt.kind, "receipt");
  EXPECT_EQ(first->receipt.to, "tinh-a");
  // The sender verifies the receipt with this instance's published key.
  const Envelope receipt{first->receipt.message_id, first->receipt.from,    first->receipt.to,
                         first->receipt.kind,       first->receipt.sent_at, first->receipt.body};
  EXPECT_EQ(verify_envelope(receipt, first->receipt.signature,
                            {{self_.public_key, self_.key_since, ""}}, "tinh-a", now_, 600),
            Verdict::accepted);
  const auto again = receive(m);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->repeat);
  EXPECT_EQ(codec::exchange_wire_to_text(again->receipt),
            codec::exchange_wire_to_text(first->receipt));
}

TEST_F(ExchangeInboxTest, TamperedForeignOrMisaddressedMessagesAreRefusedAndNothingIsWritten) {
  auto tampered = message("tinh-a:2", question("1"));
  tampered.body = question("2");
  auto r = receive(tampered);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::unauthenticated);
  EXPECT_EQ(r.error().code, "bad_signature");

  auto stranger = message("tinh-a:3", "{}");
  stranger.from = "tinh-z";
  EXPECT_EQ(receive(stranger).error().code, "unknown_partner");

  const Envelope other{"tinh-a:4", "tinh-a", "tinh-c", "dossier_transfer", now_iso_, "{}"};
  codec::ExchangeWire misaddressed{other.message_id,
                                   other.from,
                                   other.to,
                                   other.kind,
                                   other.sent_at,
                                   other.body,
                                   sign_envelope(other, sender_.secret_key)};
  EXPECT_EQ(receive(misaddressed).error().code, "wrong_recipient");
  for (const char* id : {"tinh-a:2", "tinh-a:3", "tinh-a:4"}) EXPECT_EQ(received_rows(id), 0) << id;
}

TEST_F(ExchangeInboxTest, AMessageIdReusedForOtherContentIsAConflict) {
  ASSERT_TRUE(receive(message("tinh-a:5", question("1"))));
  const auto reused = receive(message("tinh-a:5", question("other")));
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().kind, ErrorKind::conflict);
  EXPECT_EQ(reused.error().code, "message_id_reused");
}

}  // namespace
}  // namespace motcua::app::exchange

namespace motcua::app::exchange {
namespace {

TEST_F(ExchangeInboxTest, ARetrySignedAgainLaterGetsTheFirstReceipt) {
  const auto first = receive(message("tinh-a:6", question("1")));
  ASSERT_TRUE(first);
  now_iso_ = "2026-12-06T10:00:20+07:00";  // the adapter stamps each attempt with its own time
  const auto retry = message("tinh-a:6", question("1"));
  ASSERT_NE(retry.signature, first->receipt.signature);
  const auto again = receive(retry);
  ASSERT_TRUE(again) << again.error().message_en;
  EXPECT_TRUE(again->repeat);
  EXPECT_EQ(again->receipt.sent_at, first->receipt.sent_at);
}

}  // namespace
}  // namespace motcua::app::exchange

#include "app/exchange/exchange_outbox.hpp"
#include "store/outbox.hpp"

namespace motcua::app::exchange {
namespace {

TEST_F(ExchangeInboxTest, AQueuedMessageIsOneExchangeRowToThePartnersEndpoint) {
  store_->write([&](store::SqlConnection& db) {
    auto q = queue_exchange_message(db, "tinh-b", "tinh-a", "result", "result:d1", R"({"ok":1})",
                                    "d1", now_iso_, now_.seconds);
    ASSERT_TRUE(q);
    EXPECT_EQ(q->message_id, "tinh-b:result:d1");
    EXPECT_TRUE(q->written);
    EXPECT_FALSE(queue_exchange_message(db, "tinh-b", "tinh-a", "result", "result:d1", "{}", "d1",
                                        now_iso_, now_.seconds)
                     ->written);
    EXPECT_EQ(queue_exchange_message(db, "tinh-b", "bo-z", "result", "k", "{}", "", now_iso_,
                                     now_.seconds)
                  .error()
                  .kind,
              ErrorKind::not_found);
    const auto rows = store::pending_outbox(db, now_.seconds + 1, 10);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].topic, "exchange");
    const auto payload = codec::exchange_outgoing_from_text(rows[0].payload);
    ASSERT_TRUE(payload);
    EXPECT_EQ(payload->url, "http://127.0.0.1:9/api/v1/exchange/messages");
    EXPECT_EQ(payload->to, "tinh-a");
  });
}

}  // namespace
}  // namespace motcua::app::exchange
