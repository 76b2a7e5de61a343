// Fee requests and the guards around a dossier's hand-overs, over real HTTP: a fee request shows
// its amount, reason and where to pay; the official who requested it cannot confirm it; a hand-over
// to an official who does not exist is a 422 naming the field; after a forward, the official no
// longer holds the dossier and is offered none of the holder's actions.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

std::vector<std::string> strings_of(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

class FeeGuards : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-09T09:00"});
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&an_, "an"},
                                                         {&reception_, "tiepnhan"},
                                                         {&processing_, "chuyenvien"},
                                                         {&leader_, "lanhdao"}}));
  }
  void TearDown() override { server_.reset(); }

  // An online dossier accepted by reception and taken by the processing official.
  std::string dossier_in_progress() {
    auto created = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                             {"agency_id", "c1"},
                                                             {"receiving_unit_id", "u1"}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    const std::string base = "/api/v1/dossiers/" + std::string(created.body.at("id").as_string());
    EXPECT_EQ(reception_.post(base + "/accept", json::object{}).status, 200);
    EXPECT_EQ(
        processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
        200);
    return base;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, reception_{0}, processing_{0}, leader_{0};
};

TEST_F(FeeGuards, AFeeRequestSaysHowMuchWhyAndWhereAndItsRequesterCannotConfirmIt) {
  const std::string base = dossier_in_progress();
  auto huge = processing_.post(base + "/request-payment",
                               json::object{{"amount", 100000000001LL}, {"description", "Phí"}});
  EXPECT_EQ(huge.status, 422) << huge.raw.body;
  EXPECT_EQ(huge.body.at("detail"), "amount");
  EXPECT_EQ(processing_.get(base).body.at("fee"), nullptr);

  auto requested = processing_.post(
      base + "/request-payment",
      json::object{{"amount", 150000}, {"description", "Lệ phí đăng ký khai sinh muộn"}});
  ASSERT_EQ(requested.status, 200) << requested.raw.body;
  const auto& fee = requested.body.at("fee");
  EXPECT_EQ(fee.at("amount"), 150000);
  EXPECT_EQ(fee.at("description"), "Lệ phí đăng ký khai sinh muộn");
  EXPECT_EQ(fee.at("status"), "requested");
  EXPECT_EQ(fee.at("requested_by").at("name"), "Phạm Chuyên Viên");
  EXPECT_EQ(fee.at("pay_at").at("method"), "counter");
  EXPECT_EQ(fee.at("pay_at").at("name"), "Bộ phận một cửa xã Một");
  // The applicant sees the same request.
  EXPECT_EQ(an_.get(base).body.at("fee").at("amount"), 150000);

  // The requester is not offered the confirmation, and forcing it is refused by the rule.
  EXPECT_FALSE(
      contains(strings_of(processing_.get(base).body.at("allowed_actions")), "confirm-payment"));
  auto self = processing_.post(base + "/confirm-payment",
                               json::object{{"amount", 150000}, {"reference", "BL-1"}});
  EXPECT_EQ(self.status, 422) << self.raw.body;
  EXPECT_EQ(self.body.at("code"), "requester_confirms_payment");
  EXPECT_EQ(processing_.get(base).body.at("status"), "awaiting_payment");

  // Someone else confirms.
  EXPECT_TRUE(
      contains(strings_of(reception_.get(base).body.at("allowed_actions")), "confirm-payment"));
  auto paid = reception_.post(base + "/confirm-payment",
                              json::object{{"amount", 150000}, {"reference", "BL-1"}});
  ASSERT_EQ(paid.status, 200) << paid.raw.body;
  EXPECT_EQ(paid.body.at("fee").at("status"), "paid");
  EXPECT_EQ(paid.body.at("fee").at("paid_reference"), "BL-1");
  EXPECT_EQ(paid.body.at("fee").at("confirmed_by").at("name"), "Lê Tiếp Nhận");
}

TEST_F(FeeGuards, AHandOverToAnOfficialWhoDoesNotExistNamesTheField) {
  const std::string base = dossier_in_progress();
  auto r = processing_.post(base + "/forward", json::object{{"official_id", "off-nobody"}});
  EXPECT_EQ(r.status, 422) << r.raw.body;
  EXPECT_EQ(r.body.at("code"), "unknown_official");
  EXPECT_NE(std::string(r.body.at("message_vi").as_string()).find("official_id"),
            std::string::npos);
  EXPECT_NE(std::string(r.body.at("detail").as_string()).find("official_id"), std::string::npos);
  // An applicant's account cannot hold a dossier either.
  EXPECT_EQ(processing_.post(base + "/forward", json::object{{"official_id", "citizen-an"}}).status,
            422);
  EXPECT_EQ(processing_.get(base).body.at("assignee_id"), "off-processing");
}

TEST_F(FeeGuards, AfterAForwardTheOfficialNoLongerHoldsTheDossier) {
  const std::string base = dossier_in_progress();
  const auto before = strings_of(processing_.get(base).body.at("allowed_actions"));
  EXPECT_TRUE(contains(before, "forward"));
  auto forwarded = processing_.post(base + "/forward", json::object{{"official_id", "off-leader"}});
  ASSERT_EQ(forwarded.status, 200) << forwarded.raw.body;
  for (const auto* action :
       {"assign", "forward", "send-back", "request-supplement", "request-payment", "apology"}) {
    EXPECT_FALSE(contains(strings_of(forwarded.body.at("allowed_actions")), action)) << action;
    EXPECT_FALSE(contains(strings_of(processing_.get(base).body.at("allowed_actions")), action))
        << action;
  }
  // The leader, who holds it now, may act; the former holder forcing a forward is refused.
  EXPECT_TRUE(contains(strings_of(leader_.get(base).body.at("allowed_actions")), "send-back"));
  auto forced =
      processing_.post(base + "/forward", json::object{{"official_id", "off-processing"}});
  EXPECT_EQ(forced.status, 409) << forced.raw.body;
  EXPECT_EQ(forced.body.at("code"), "not_holder");
}

}  // namespace
}  // namespace motcua::testing
