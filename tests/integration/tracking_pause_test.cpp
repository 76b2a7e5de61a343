// Public tracking of a paused dossier (issue 13 point 6, docs/rules.md "Tracking a paused
// dossier"): the code alone tells since when the clock stands still, what is awaited (the papers
// missing or the fee owed), and the apology's reason and new date; the due date comes back when the
// pause ends.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class TrackingPause : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-09T09:00"});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(), {{&reception_, "tiepnhan"}, {&processing_, "chuyenvien"}}));
  }
  void TearDown() override { server_.reset(); }

  // A dossier received at the counter and assigned; returns its path and sets code_.
  std::string received_and_assigned() {
    auto created = reception_.post(
        "/api/v1/dossiers",
        json::object{{"procedure_code", "1.001193"},
                     {"agency_id", "c1"},
                     {"receiving_unit_id", "u1"},
                     {"channel", "counter"},
                     {"applicant", {{"name", "Đỗ Thị Cúc"}, {"id_number", "001"}}}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    code_ = std::string(created.body.at("code").as_string());
    const std::string base = "/api/v1/dossiers/" + std::string(created.body.at("id").as_string());
    secret_ = std::string(
        reception_.get(base + "/tracking-secret").body.at("tracking_secret").as_string());
    EXPECT_EQ(
        processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
        200);
    return base;
  }

  json::value tracked() {
    auto r = ApiClient(server_->port()).get("/api/v1/track/" + code_ + "?secret=" + secret_);
    EXPECT_EQ(r.status, 200) << r.raw.body;
    return r.body;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient reception_{0}, processing_{0};
  std::string code_;
  std::string secret_;
};

TEST_F(TrackingPause, SupplementPauseNamesReasonPapersAndApology) {
  const auto base = received_and_assigned();
  auto before = tracked();
  EXPECT_TRUE(before.at("pause").is_null());
  EXPECT_TRUE(before.at("apology").is_null());
  EXPECT_EQ(before.at("due"), "2026-03-12T17:00:00+07:00");

  ASSERT_EQ(processing_
                .post(base + "/apology", json::object{{"reason", "Chờ xác minh"},
                                                      {"new_due", "2026-03-16T17:00:00+07:00"}})
                .status,
            200);
  ASSERT_EQ(processing_
                .post(base + "/request-supplement",
                      json::object{{"missing_items", json::array{"Giấy chứng sinh", "CCCD của mẹ"}},
                                   {"reason", "Bản sao không rõ"}})
                .status,
            200);
  auto paused = tracked();
  EXPECT_TRUE(paused.at("due").is_null());
  const auto& pause = paused.at("pause");
  ASSERT_TRUE(pause.is_object()) << paused;
  EXPECT_EQ(pause.at("kind"), "supplement");
  EXPECT_EQ(pause.at("since"), "2026-03-09T09:00:00+07:00");
  EXPECT_EQ(pause.at("reason"), "Bản sao không rõ");
  EXPECT_EQ(pause.at("missing_items"), (json::array{"Giấy chứng sinh", "CCCD của mẹ"}));
  EXPECT_TRUE(pause.at("fee_owed").is_null());
  EXPECT_EQ(pause.at("waiting_vi"), "người nộp bổ sung giấy tờ");
  const auto& apology = paused.at("apology");
  ASSERT_TRUE(apology.is_object()) << paused;
  EXPECT_EQ(apology.at("reason"), "Chờ xác minh");
  EXPECT_EQ(apology.at("new_due"), "2026-03-16T17:00:00+07:00");

  ASSERT_EQ(reception_
                .post(base + "/provide-supplement",
                      json::object{{"documents", json::array{"giay-chung-sinh.pdf"}}})
                .status,
            200);
  auto resumed = tracked();
  EXPECT_TRUE(resumed.at("pause").is_null());
  EXPECT_FALSE(resumed.at("due").is_null());
  EXPECT_TRUE(resumed.at("apology").is_object());
}

TEST_F(TrackingPause, PaymentPauseNamesTheFeeOwed) {
  const auto base = received_and_assigned();
  ASSERT_EQ(processing_
                .post(base + "/request-payment",
                      json::object{{"amount", 150000}, {"description", "Lệ phí"}})
                .status,
            200);
  const auto pause = tracked().at("pause");
  ASSERT_TRUE(pause.is_object());
  EXPECT_EQ(pause.at("kind"), "payment");
  EXPECT_EQ(pause.at("fee_owed"), 150000);
  EXPECT_TRUE(pause.at("missing_items").as_array().empty());
}

}  // namespace
}  // namespace motcua::testing
