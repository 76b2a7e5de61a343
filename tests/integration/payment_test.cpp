// Online fee payment over real HTTP against the VNPAY 2.1.0 emulator (tools/emulators/vnpay.py;
// issue 15 point 1; docs/integrations.md "Online fee payment"): the applicant starts a payment for
// the fee the agency requested, the "browser" goes through the emulator's pay page, and only the
// gateway's IPN settles the payment and resumes the dossier, whatever the browser does. Each IPN
// answer of the protocol is covered: 00, 01, 02, 04, 97.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "api_client.hpp"
#include "app/payments/vnpay_protocol.hpp"
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

class Payment : public FeeServer {
 protected:
  void SetUp() override { start_server(true); }

  struct Started {
    std::string payment_id;
    std::string redirect_url;
  };
  Started start(const std::string& base) {
    auto started = an_.post(base + "/payments", json::object{});
    EXPECT_EQ(started.status, 201) << started.raw.body;
    return {std::string(started.body.at("payment_id").as_string()),
            std::string(started.body.at("redirect_url").as_string())};
  }

  // The citizen's browser: opens the pay page, then presses "Thanh toán" (or "Hủy").
  void pay(const Started& s, const std::string& scenario, bool ok = true) {
    post_json(vnpay_->url() + "/_scenario", json::object{{"scenario", scenario}});
    const auto page = http_get(s.redirect_url);
    ASSERT_EQ(page.status, 200) << page.body;
    ASSERT_NE(page.body.find("150.000 VND"), std::string::npos) << page.body;
    const auto done =
        http_get(vnpay_->url() + "/paymentv2/pay?ref=" + param_of(s.redirect_url, "vnp_TxnRef") +
                 "&ok=" + (ok ? "1" : "0"));
    ASSERT_EQ(done.status, 200) << done.body;
  }

  std::vector<std::string> ipn_answers() {
    const auto log = json::parse(http_get(vnpay_->url() + "/_ipn").body);
    std::vector<std::string> codes;
    for (const auto& e : log.as_array()) {
      codes.emplace_back(e.at("answer").is_object() ? e.at("answer").at("RspCode").as_string()
                                                    : "no answer");
    }
    return codes;
  }

  std::string payment_state(const std::string& id) {
    auto p = an_.get("/api/v1/payments/" + id);
    EXPECT_EQ(p.status, 200) << p.raw.body;
    return std::string(p.body.at("state").as_string());
  }
  std::string status_of(const std::string& base) {
    return std::string(an_.get(base).body.at("status").as_string());
  }

  // An IPN as the gateway would send it, signed with `secret`.
  json::value ipn(app::payments::VnpParams params, const std::string& secret = kVnpaySecret) {
    const auto answer =
        http_get(ipn_url() + "?" + app::payments::vnpay_signed_query(params, secret));
    EXPECT_EQ(answer.status, 200) << answer.body;
    return json::parse(answer.body);
  }
};

TEST_F(Payment, ThePayUrlCarriesTheProtocolsSignedFieldsAndASecondStartReusesIt) {
  const std::string base = dossier_awaiting_fee();
  const auto s = start(base);
  const auto& url = s.redirect_url;
  EXPECT_EQ(url.rfind(vnpay_->url() + "/paymentv2/vpcpay.html?", 0), 0u) << url;
  EXPECT_EQ(param_of(url, "vnp_Version"), "2.1.0");
  EXPECT_EQ(param_of(url, "vnp_Command"), "pay");
  EXPECT_EQ(param_of(url, "vnp_TmnCode"), kVnpayTerminal);
  EXPECT_EQ(param_of(url, "vnp_Amount"), "15000000");  // VND x 100
  EXPECT_EQ(param_of(url, "vnp_CurrCode"), "VND");
  EXPECT_EQ(param_of(url, "vnp_CreateDate"), "20260309090000");  // the server's clock, +07:00
  EXPECT_EQ(param_of(url, "vnp_ExpireDate"), "20260309091500");
  EXPECT_NE(param_of(url, "vnp_ReturnUrl").find("%2Fpayments%2Freturn"), std::string::npos);
  EXPECT_EQ(param_of(url, "vnp_SecureHash").size(), 128u);
  // A double click: the same open payment, not a second one.
  EXPECT_EQ(start(base).payment_id, s.payment_id);
  EXPECT_EQ(payment_state(s.payment_id), "pending");
  EXPECT_EQ(count(base, "payment_started"), 1);
  // The emulator checked the signature: its page shows the order rather than "invalid signature".
  EXPECT_NE(http_get(url).body.find("Thanh toán"), std::string::npos);
}

TEST_F(Payment, TheOptionsOfferOnlinePaymentAndTheReturnUrlNamesThePayment) {
  auto options = an_.get("/api/v1/payments/options");
  ASSERT_EQ(options.status, 200) << options.raw.body;
  EXPECT_EQ(options.body.at("online"), true);
  const std::string base = dossier_awaiting_fee();
  const auto s = start(base);
  // The return page reads the payment by this id, never by the vnp_* fields the browser carries.
  EXPECT_NE(param_of(s.redirect_url, "vnp_ReturnUrl").find("%3Fpayment%3D" + s.payment_id),
            std::string::npos)
      << s.redirect_url;
}

TEST_F(Payment, TheIpnAloneSettlesAPaymentWhoseBrowserNeverReturns) {  // opencps#947
  const std::string base = dossier_awaiting_fee();
  const auto s = start(base);
  ASSERT_NO_FATAL_FAILURE(pay(s, "no_return"));
  EXPECT_EQ(ipn_answers(), std::vector<std::string>{"00"});
  EXPECT_EQ(payment_state(s.payment_id), "paid");
  EXPECT_EQ(status_of(base), "in_progress");  // the clock runs again
  EXPECT_EQ(count(base, "payment_confirmed"), 1);
}

TEST_F(Payment, ARepeatedIpnIsAnsweredAlreadyConfirmedAndRecordsNothingTwice) {
  const std::string base = dossier_awaiting_fee();
  const auto s = start(base);
  ASSERT_NO_FATAL_FAILURE(pay(s, "repeat_ipn"));
  EXPECT_EQ(ipn_answers(), (std::vector<std::string>{"00", "02"}));
  EXPECT_EQ(count(base, "payment_confirmed"), 1);
  EXPECT_EQ(status_of(base), "in_progress");
}

TEST_F(Payment, AForgedSignatureIsRefusedAndChangesNothing) {
  const std::string base = dossier_awaiting_fee();
  const auto s = start(base);
  ASSERT_NO_FATAL_FAILURE(pay(s, "forged"));
  EXPECT_EQ(ipn_answers(), std::vector<std::string>{"97"});
  EXPECT_EQ(payment_state(s.payment_id), "pending");
  EXPECT_EQ(status_of(base), "awaiting_payment");
}

TEST_F(Payment, AWrongAmountIsRefusedAndChangesNothing) {
  const std::string base = dossier_awaiting_fee();
  const auto s = start(base);
  ASSERT_NO_FATAL_FAILURE(pay(s, "wrong_amount"));
  EXPECT_EQ(ipn_answers(), std::vector<std::string>{"04"});
  EXPECT_EQ(payment_state(s.payment_id), "pending");
  EXPECT_EQ(status_of(base), "awaiting_payment");
}

TEST_F(Payment, TheReturnBeforeTheIpnShowsPendingUntilTheIpnArrives) {
  const std::string base = dossier_awaiting_fee();
  const auto s = start(base);
  ASSERT_NO_FATAL_FAILURE(pay(s, "return_first"));
  // The browser is back; the return page reads the payment: not paid on the browser's word.
  EXPECT_EQ(payment_state(s.payment_id), "pending");
  EXPECT_EQ(status_of(base), "awaiting_payment");
  for (int i = 0; i < 50 && payment_state(s.payment_id) == "pending"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(payment_state(s.payment_id), "paid");
  EXPECT_EQ(status_of(base), "in_progress");
}

TEST_F(Payment, ACancelledPaymentFailsAndTheApplicantCanTryAgain) {
  const std::string base = dossier_awaiting_fee();
  const auto s = start(base);
  ASSERT_NO_FATAL_FAILURE(pay(s, "ok", false));
  EXPECT_EQ(ipn_answers(), std::vector<std::string>{"00"});
  EXPECT_EQ(payment_state(s.payment_id), "failed");
  EXPECT_EQ(status_of(base), "awaiting_payment");
  const auto again = start(base);
  EXPECT_NE(again.payment_id, s.payment_id);
  ASSERT_NO_FATAL_FAILURE(pay(again, "ok"));
  EXPECT_EQ(payment_state(again.payment_id), "paid");
  EXPECT_EQ(status_of(base), "in_progress");
}

TEST_F(Payment, AnUnknownOrderIsNotFound) {
  const auto answer = ipn({{"vnp_Amount", "15000000"},
                           {"vnp_TmnCode", kVnpayTerminal},
                           {"vnp_TxnRef", "MCKHONGCOTHAT"},
                           {"vnp_ResponseCode", "00"},
                           {"vnp_TransactionStatus", "00"},
                           {"vnp_TransactionNo", "12345678"}});
  EXPECT_EQ(answer.at("RspCode"), "01");
  EXPECT_EQ(ipn({{"vnp_TxnRef", "X"}}, "not the secret").at("RspCode"), "97");
}

TEST_F(Payment, OnlyTheApplicantStartsAPaymentAndOnlyForAFeeDue) {
  const std::string base = dossier_awaiting_fee();
  auto official = reception_.post(base + "/payments", json::object{});
  EXPECT_EQ(official.status, 403) << official.raw.body;
  const auto s = start(base);
  ASSERT_NO_FATAL_FAILURE(pay(s, "ok"));
  auto none = an_.post(base + "/payments", json::object{});
  EXPECT_EQ(none.status, 422) << none.raw.body;
  EXPECT_EQ(none.body.at("code"), "no_fee_due");
}

}  // namespace
}  // namespace motcua::testing

namespace motcua::testing {
namespace {

// Runs `motcua payments reconcile` and parses its JSON.
json::value reconcile(const std::string& db, const std::string& gateway, const std::string& secret,
                      int* exit_status = nullptr) {
  const std::string command = kFeeBinary + " payments reconcile --db '" + db +
                              "' --date 2026-03-09 --payment-url " + gateway +
                              "/paymentv2/vpcpay.html --payment-terminal " + kVnpayTerminal +
                              " --payment-secret-file " + secret;
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  const int status = ::pclose(pipe);
  if (exit_status) *exit_status = WEXITSTATUS(status);
  return json::parse(out);
}

TEST_F(Payment, ReconciliationReportsWhatOnlyTheGatewayKnows) {
  // A: paid at the gateway, but its IPN never got through (here: refused as forged).
  const std::string a = dossier_awaiting_fee();
  const auto paid = start(a);
  ASSERT_NO_FATAL_FAILURE(pay(paid, "forged"));
  // B: started, never paid (the citizen left before the gateway's page): no money moved.
  const auto open = start(dossier_awaiting_fee());
  const auto report = reconcile(db_, vnpay_->url(), dir_.file("vnpay-secret"));
  EXPECT_EQ(report.at("checked"), 2);
  const auto& differences = report.at("differences").as_array();
  ASSERT_EQ(differences.size(), 1u) << json::serialize(report);
  EXPECT_EQ(differences[0].at("payment_id"), paid.payment_id.c_str());
  EXPECT_EQ(differences[0].at("kind"), "paid_at_gateway");
  EXPECT_EQ(differences[0].at("gateway").at("amount_vnd"), 150000);
  // Reconciliation changes nothing by itself.
  EXPECT_EQ(payment_state(paid.payment_id), "pending");
  // A gateway that fails to answer is reported, not taken for "nothing to see".
  post_json(vnpay_->url() + "/_control", json::object{{"mode", "error500"}});
  const auto down = reconcile(db_, vnpay_->url(), dir_.file("vnpay-secret"));
  ASSERT_EQ(down.at("differences").as_array().size(), 2u);
  for (const auto& d : down.at("differences").as_array()) {
    EXPECT_EQ(d.at("kind"), "gateway_unreachable");
    EXPECT_TRUE(d.at("payment_id") == open.payment_id.c_str() ||
                d.at("payment_id") == paid.payment_id.c_str());
  }
}

}  // namespace
}  // namespace motcua::testing
