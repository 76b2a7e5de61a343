// The hand-over of a received dossier to the processing agency over real HTTP (Decree 61 Art. 18,
// docs/rules.md 3.5): POST /api/v1/dossiers/{id}/transfer by reception feeds the clock's transfer
// rule; online dossiers are handed over by the system at acceptance.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class Transfer : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    start("2026-03-09T09:00");  // Monday
  }
  void TearDown() override { server_.reset(); }

  void start(const std::string& now) {
    server_.reset();
    server_ =
        std::make_unique<ServerProcess>(kBinary, db_, std::vector<std::string>{"--fake-now", now});
    ASSERT_NO_FATAL_FAILURE(log_in_all(
        server_->port(), {{&an_, "an"}, {&reception_, "tiepnhan"}, {&processing_, "chuyenvien"}}));
  }

  std::string counter_intake() {
    auto r = reception_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                              {"agency_id", "c1"},
                                                              {"receiving_unit_id", "u1"},
                                                              {"channel", "counter"},
                                                              {"applicant", {{"name", "Giấy"}}}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return "/api/v1/dossiers/" + std::string(r.body.at("id").as_string());
  }

  static bool late(const json::value& dossier) {
    for (const auto& f : dossier.at("clock").at("flags").as_array())
      if (f == "transfer_late") return true;
    return false;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, reception_{0}, processing_{0};
};

TEST_F(Transfer, SameDayHandOverIsOnTimeAndOnlyReceptionGivesItOnce) {
  const auto base = counter_intake();
  // Received Monday 09:00, before 15:00: due at office close the same day.
  EXPECT_EQ(processing_.post(base + "/transfer", json::object{}).status, 403);
  auto r = reception_.post(base + "/transfer", json::object{{"note", "Giao tận tay"}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body.at("clock").at("transfer_due"), "2026-03-09T17:00:00+07:00");
  EXPECT_EQ(r.body.at("clock").at("transferred"), "2026-03-09T09:00:00+07:00");
  EXPECT_FALSE(late(r.body));
  auto again = reception_.post(base + "/transfer", json::object{});
  EXPECT_EQ(again.status, 409) << again.raw.body;
  EXPECT_EQ(again.body.at("code"), "already_transferred");
  // The fact stays in the log: the detail read afresh still has it.
  EXPECT_EQ(reception_.get(base).body.at("clock").at("transferred"), "2026-03-09T09:00:00+07:00");
}

TEST_F(Transfer, HandOverTheNextDayIsFlaggedLate) {
  const auto base = counter_intake();
  ASSERT_NO_FATAL_FAILURE(start("2026-03-10T09:00"));
  auto r = reception_.post(base + "/transfer", json::object{});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body.at("clock").at("transfer_due"), "2026-03-09T17:00:00+07:00");
  EXPECT_TRUE(late(r.body)) << r.raw.body;
}

TEST_F(Transfer, OnlineDossierIsHandedOverBySystemAtAcceptance) {
  auto created = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                           {"agency_id", "c1"},
                                                           {"receiving_unit_id", "u1"}});
  ASSERT_EQ(created.status, 201) << created.raw.body;
  const std::string base = "/api/v1/dossiers/" + std::string(created.body.at("id").as_string());
  EXPECT_EQ(reception_.post(base + "/transfer", json::object{}).status, 409);  // not received
  auto accepted = reception_.post(base + "/accept", json::object{});
  ASSERT_EQ(accepted.status, 200) << accepted.raw.body;
  EXPECT_EQ(accepted.body.at("clock").at("transferred"), "2026-03-09T09:00:00+07:00");
  EXPECT_TRUE(accepted.body.at("clock").at("transfer_due").is_null());  // Art. 18(1)
  EXPECT_EQ(reception_.post(base + "/transfer", json::object{}).status, 409);
}

}  // namespace
}  // namespace motcua::testing
