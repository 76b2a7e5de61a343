// Refunds of fees over real HTTP (issue 15 point 1; docs/rules.md "Fees at the counter and
// refunds"): a dossier stopped (withdrawn) or refused after its fee was paid owes the money back.
// An online payment's refund goes to the VNPAY emulator (tools/emulators/vnpay.py) through the
// delivery engine with vnp_Command=refund, and the gateway's answer settles it: refunded, or
// failed with the gateway's error. A counter payment's refund waits for a reception official, who
// records the money handed back. Every step is in the dossier's hash-chained log.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "api_client.hpp"
#include "fee_fixture.hpp"
#include "fixture.hpp"
#include "integrations/http/http_client.hpp"
#include "log_in.hpp"
#include "partner_process.hpp"
#include "server_process.hpp"
#include "store/event_log.hpp"
#include "store/open_store.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;

class Refund : public FeeServer {
 protected:
  void SetUp() override { start_server(true); }

  // Starts the online payment; `pay` then presses "Thanh toán" on the emulator's page.
  std::string start_online(const std::string& base) {
    auto started = an_.post(base + "/payments", json::object{});
    EXPECT_EQ(started.status, 201) << started.raw.body;
    const std::string url(started.body.at("redirect_url").as_string());
    EXPECT_EQ(http_get(url).status, 200);
    return param_of(url, "vnp_TxnRef");
  }
  void pay(const std::string& txn_ref) {
    post_json(vnpay_->url() + "/_scenario", json::object{{"scenario", "no_return"}});
    EXPECT_EQ(http_get(vnpay_->url() + "/paymentv2/pay?ref=" + txn_ref + "&ok=1").status, 200);
  }

  void stop(const std::string& base) {
    auto stopped = reception_.post(base + "/stop",
                                   json::object{{"reason", "Người nộp rút hồ sơ theo yêu cầu"}});
    ASSERT_EQ(stopped.status, 200) << stopped.raw.body;
  }

  // The dossier's only refund, once it has left `pending` (the delivery engine is asynchronous).
  json::object settled_refund(const std::string& base) {
    for (int i = 0; i < 100; ++i) {
      auto refunds = an_.get(base + "/refunds");
      EXPECT_EQ(refunds.status, 200) << refunds.raw.body;
      const auto& list = refunds.body.as_array();
      if (list.size() == 1 && list[0].at("state") != "pending") return list[0].as_object();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "the refund stayed pending";
    return {};
  }
};

TEST_F(Refund, AStoppedDossierPaidOnlineIsRefundedThroughTheGateway) {
  const auto base = dossier_awaiting_fee();
  pay(start_online(base));
  ASSERT_EQ(an_.get(base).body.at("status"), "in_progress");
  stop(base);

  const auto refund = settled_refund(base);
  EXPECT_EQ(refund.at("state"), "refunded") << json::serialize(refund);
  EXPECT_EQ(refund.at("method"), "vnpay");
  EXPECT_EQ(refund.at("amount_vnd"), 150000);
  EXPECT_FALSE(refund.at("gateway_txn_no").is_null());
  auto payments = an_.get(base + "/payments");
  EXPECT_EQ(payments.body.as_array()[0].at("state"), "refunded");

  // The gateway got one full refund of the amount paid, in its units (VND x 100).
  const auto taken = json::parse(http_get(vnpay_->url() + "/_refunds").body).as_array();
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].at("vnp_Command"), "refund");
  EXPECT_EQ(taken[0].at("vnp_TransactionType"), "02");
  EXPECT_EQ(taken[0].at("vnp_Amount"), "15000000");
  EXPECT_EQ(taken[0].at("answer_code"), "00");

  EXPECT_EQ(count(base, "refund_opened"), 1);
  EXPECT_EQ(count(base, "refund_completed"), 1);
  EXPECT_EQ(chain_problem(), "");
}

TEST_F(Refund, ARefundTheGatewayRefusesIsFailedWithItsAnswer) {
  const auto base = dossier_awaiting_fee();
  pay(start_online(base));
  post_json(vnpay_->url() + "/_scenario", json::object{{"refund", "refuse"}});
  stop(base);
  const auto refund = settled_refund(base);
  EXPECT_EQ(refund.at("state"), "failed");
  EXPECT_NE(std::string(refund.at("error").as_string()).find("VNPAY 95"), std::string::npos)
      << json::serialize(refund);
  EXPECT_EQ(an_.get(base + "/payments").body.as_array()[0].at("state"), "paid");
  EXPECT_EQ(count(base, "refund_failed"), 1);
}

TEST_F(Refund, MoneyArrivingForADossierStoppedMeanwhileIsRefunded) {
  const auto base = dossier_awaiting_fee();
  const auto txn_ref = start_online(base);
  stop(base);  // withdrawn while the citizen is on the gateway's page
  pay(txn_ref);
  EXPECT_EQ(count(base, "payment_unapplied"), 1);
  EXPECT_EQ(settled_refund(base).at("state"), "refunded");
}

TEST_F(Refund, ACounterPaymentIsRefundedByReceptionHandingTheMoneyBack) {
  const auto base = dossier_awaiting_fee();
  ASSERT_EQ(reception_
                .post(base + "/counter-payments",
                      json::object{{"method", "cash"}, {"amount_vnd", 150000}})
                .status,
            201);
  stop(base);
  auto refunds = an_.get(base + "/refunds");
  ASSERT_EQ(refunds.body.as_array().size(), 1u) << refunds.raw.body;
  const auto& pending = refunds.body.as_array()[0];
  EXPECT_EQ(pending.at("state"), "pending");
  EXPECT_EQ(pending.at("method"), "cash");
  const std::string id(pending.at("id").as_string());

  EXPECT_EQ(processing_.post("/api/v1/refunds/" + id + "/complete", json::object{}).status, 403);
  auto done = reception_.post("/api/v1/refunds/" + id + "/complete",
                              json::object{{"note", "Đã trả tiền mặt cho người nộp"}});
  ASSERT_EQ(done.status, 200) << done.raw.body;
  EXPECT_EQ(done.body.at("state"), "refunded");
  EXPECT_EQ(done.body.at("completed_by").at("name"), "Lê Tiếp Nhận");
  EXPECT_EQ(done.body.at("completed_at"), "2026-03-09T09:00:00+07:00");
  EXPECT_EQ(reception_.post("/api/v1/refunds/" + id + "/complete", json::object{}).status, 409);

  bool recorded = false;
  for (const auto& e : events(base)) {
    if (e.event.type != "refund_completed") continue;
    recorded = true;
    EXPECT_EQ(e.event.actor_id, "off-reception");
    EXPECT_NE(e.event.payload.find("Đã trả tiền mặt"), std::string::npos);
  }
  EXPECT_TRUE(recorded);
  EXPECT_EQ(chain_problem(), "");
}

}  // namespace
}  // namespace motcua::testing
