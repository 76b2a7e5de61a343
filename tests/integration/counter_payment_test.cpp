// Fees paid at the counter over real HTTP (issue 15 point 1; docs/rules.md "Fees at the counter
// and refunds"): reception records a fee paid in cash or by card, MotCua issues an e-receipt whose
// number runs per agency and year without gaps (2026/000001, 2026/000002, and a refused attempt
// consumes none), the dossier resumes as on the gateway's confirmation, the money is in the
// hash-chained log with who and when, and the receipt reads back as JSON and as a PDF.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "documents/pdf_test_support.hpp"
#include "fee_fixture.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/event_log.hpp"
#include "store/open_store.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;

class CounterPayment : public FeeServer {
 protected:
  void SetUp() override { start_server(false); }

  ApiResult pay(const std::string& base, const std::string& method, std::int64_t amount) {
    return reception_.post(base + "/counter-payments",
                           json::object{{"method", method}, {"amount_vnd", amount}});
  }
};

TEST_F(CounterPayment, ReceptionTakesTheFeeIssuesNumberedReceiptsAndTheDossierResumes) {
  const auto first = dossier_awaiting_fee();
  const auto second = dossier_awaiting_fee();

  auto receipt = pay(first, "cash", 150000);
  ASSERT_EQ(receipt.status, 201) << receipt.raw.body;
  EXPECT_EQ(receipt.body.at("number"), "2026/000001");
  EXPECT_EQ(receipt.body.at("amount_vnd"), 150000);
  EXPECT_EQ(receipt.body.at("method"), "cash");
  EXPECT_EQ(receipt.body.at("description"), "Lệ phí đăng ký khai sinh muộn");
  EXPECT_EQ(receipt.body.at("issued_by").at("name"), "Lê Tiếp Nhận");
  EXPECT_EQ(an_.get(first).body.at("status"), "in_progress");  // the clock runs again
  EXPECT_TRUE(an_.get(first).body.at("clock").at("paused").is_null());

  auto by_card = pay(second, "card", 150000);
  ASSERT_EQ(by_card.status, 201) << by_card.raw.body;
  EXPECT_EQ(by_card.body.at("number"), "2026/000002");  // the agency's next, no gap

  // The money is in the hash-chained log: who confirmed, when, and the receipt.
  int confirmed = 0, issued = 0;
  for (const auto& e : events(first)) {
    if (e.event.type == "payment_confirmed") {
      ++confirmed;
      EXPECT_EQ(e.event.actor_id, "off-reception");
      EXPECT_EQ(e.event.at, "2026-03-09T09:00:00+07:00");
      EXPECT_NE(e.event.payload.find("2026/000001"), std::string::npos) << e.event.payload;
    }
    if (e.event.type == "fee_receipt_issued") {
      ++issued;
      EXPECT_EQ(e.event.actor_id, "off-reception");
      EXPECT_NE(e.event.payload.find("\"receipt_number\":\"2026/000001\""), std::string::npos);
    }
  }
  EXPECT_EQ(confirmed, 1);
  EXPECT_EQ(issued, 1);
  EXPECT_EQ(chain_problem(), "");

  // Readable by the applicant as JSON and as a PDF.
  auto listed = an_.get(first + "/receipts");
  ASSERT_EQ(listed.status, 200) << listed.raw.body;
  ASSERT_EQ(listed.body.as_array().size(), 1u);
  EXPECT_EQ(listed.body.as_array()[0].at("number"), "2026/000001");
  auto pdf = an_.get(first + "/documents/fee-receipt.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.raw.body.substr(0, 300);
  EXPECT_EQ(pdf.raw.header("Content-Type"), "application/pdf");
  const std::string text = documents::testing::PdfFile(pdf.raw.body).text();
  EXPECT_NE(text.find("BIÊN LAI THU PHÍ, LỆ PHÍ"), std::string::npos) << text;
  EXPECT_NE(text.find("Số: 2026/000001"), std::string::npos) << text;
  EXPECT_NE(text.find("150.000 đồng"), std::string::npos) << text;
  EXPECT_NE(text.find("Tiền mặt"), std::string::npos) << text;
  EXPECT_NE(text.find("Lê Tiếp Nhận"), std::string::npos) << text;
}

TEST_F(CounterPayment, AWrongAmountOrMethodIsRefusedNamingTheFieldAndConsumesNoNumber) {
  const auto base = dossier_awaiting_fee();
  auto short_paid = pay(base, "cash", 100000);
  EXPECT_EQ(short_paid.status, 422) << short_paid.raw.body;
  EXPECT_EQ(short_paid.body.at("code"), "amount_not_owed");
  EXPECT_NE(std::string(short_paid.body.at("detail").as_string()).find("amount_vnd"),
            std::string::npos);
  EXPECT_NE(std::string(short_paid.body.at("message_vi").as_string()).find("150000"),
            std::string::npos);
  auto cheque = pay(base, "cheque", 150000);
  EXPECT_EQ(cheque.status, 422) << cheque.raw.body;
  EXPECT_NE(std::string(cheque.body.at("detail").as_string()).find("method"), std::string::npos);
  auto no_amount = reception_.post(base + "/counter-payments", json::object{{"method", "cash"}});
  EXPECT_EQ(no_amount.status, 422) << no_amount.raw.body;
  EXPECT_NE(std::string(no_amount.body.at("detail").as_string()).find("amount_vnd"),
            std::string::npos);
  EXPECT_EQ(an_.get(base).body.at("status"), "awaiting_payment");

  auto paid = pay(base, "cash", 150000);
  ASSERT_EQ(paid.status, 201) << paid.raw.body;
  EXPECT_EQ(paid.body.at("number"), "2026/000001");
  // Nothing left to pay: a second receipt is refused.
  EXPECT_EQ(pay(base, "cash", 150000).status, 422);
}

TEST_F(CounterPayment, OnlyReceptionTakesFeesAtTheCounter) {
  const auto base = dossier_awaiting_fee();
  auto applicant = an_.post(base + "/counter-payments",
                            json::object{{"method", "cash"}, {"amount_vnd", 150000}});
  EXPECT_EQ(applicant.status, 403) << applicant.raw.body;
  auto processing = processing_.post(base + "/counter-payments",
                                     json::object{{"method", "cash"}, {"amount_vnd", 150000}});
  EXPECT_EQ(processing.status, 403) << processing.raw.body;
  EXPECT_EQ(an_.get(base).body.at("status"), "awaiting_payment");
  EXPECT_EQ(an_.get(base + "/documents/fee-receipt.pdf").status, 404);
}

TEST_F(CounterPayment, WithoutAGatewayOnlyTheCounterIsOffered) {
  auto options = an_.get("/api/v1/payments/options");
  ASSERT_EQ(options.status, 200) << options.raw.body;
  EXPECT_EQ(options.body.at("online"), false);
  EXPECT_EQ(options.body.at("counter"), true);
}

}  // namespace
}  // namespace motcua::testing
