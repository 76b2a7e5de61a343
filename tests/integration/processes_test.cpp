// Internal processes over real HTTP against the real binary: administrators save versions with
// an audit trail, others are refused, invalid definitions come back with every problem, and a
// dossier worked through the steps of the stored process gets per-step budgets on its control
// sheet.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

json::object step(const char* id, const char* name, const char* role, const char* budget,
                  json::array actions) {
  return {{"id", id},
          {"name", name},
          {"responsible", {{"role", role}}},
          {"budget", budget},
          {"actions", std::move(actions)}};
}

json::object action(const char* kind, const char* target = nullptr) {
  json::object a{{"kind", kind}};
  if (target != nullptr) a["target"] = target;
  return a;
}

// Birth registration at commune c1 in four steps whose budgets add up to the 3 working days.
json::object birth_process() {
  return {{"id", "khai-sinh-c1"},
          {"procedure_code", "1.001193"},
          {"agency_id", "c1"},
          {"version", 1},
          {"legal_limit", "3 working-days"},
          {"steps",
           json::array{
               step("receive", "Tiếp nhận hồ sơ", "reception", "4 hours",
                    {action("forward", "review"), action("request_supplement")}),
               step("review", "Thẩm định hồ sơ", "processing", "12 hours",
                    {action("forward", "decide"), action("request_supplement"),
                     action("send_back", "receive")}),
               step("decide", "Phê duyệt kết quả", "leader", "4 hours",
                    {action("approve", "return"), action("refuse", "return"),
                     action("send_back", "review")}),
               step("return", "Trả kết quả", "reception", "4 hours", {action("return_result")}),
           }}};
}

class Processes : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-09T09:00"});
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&admin_, "quantri"},
                                                         {&an_, "an"},
                                                         {&reception_, "tiepnhan"},
                                                         {&processing_, "chuyenvien"},
                                                         {&leader_, "lanhdao"}}));
  }
  void TearDown() override { server_.reset(); }

  ApiResult put(const ApiClient& who, const json::value& process,
                std::vector<std::pair<std::string, std::string>> headers = {}) {
    headers.emplace_back("Content-Type", "application/json");
    return who.call("PUT", "/api/v1/processes/khai-sinh-c1", json::serialize(process), headers);
  }

  static std::vector<std::string> problem_codes(const json::value& body) {
    std::vector<std::string> codes;
    for (const auto& p : body.at("problems").as_array())
      codes.emplace_back(p.at("code").as_string());
    return codes;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient admin_{0}, an_{0}, reception_{0}, processing_{0}, leader_{0};
};

TEST_F(Processes, AdministratorSavesVersionsWithAnAuditTrail) {
  auto first = put(admin_, birth_process());
  ASSERT_EQ(first.status, 201) << first.raw.body;
  EXPECT_EQ(first.body.at("version"), 1);

  auto changed = birth_process();
  changed["steps"].as_array()[1].as_object()["name"] = "Thẩm định, xác minh hồ sơ";
  auto second =
      put(admin_, changed, {{"X-Change-Reason", "Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%2012"}});
  ASSERT_EQ(second.status, 200) << second.raw.body;
  EXPECT_EQ(second.body.at("version"), 2);

  auto latest = processing_.get("/api/v1/processes/khai-sinh-c1");
  ASSERT_EQ(latest.status, 200);
  EXPECT_EQ(latest.body.at("version"), 2);
  EXPECT_EQ(latest.body.at("steps").as_array()[1].at("name"), "Thẩm định, xác minh hồ sơ");
  auto older = processing_.get("/api/v1/processes/khai-sinh-c1?version=1");
  ASSERT_EQ(older.status, 200);
  EXPECT_EQ(older.body.at("steps").as_array()[1].at("name"), "Thẩm định hồ sơ");
  EXPECT_EQ(processing_.get("/api/v1/processes/khai-sinh-c1?version=3").status, 404);
  auto listed = processing_.get("/api/v1/processes?procedure=1.001193&agency=c1");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body.as_array().size(), 1u);
  EXPECT_EQ(listed.body.as_array()[0].at("version"), 2);
  EXPECT_EQ(listed.body.as_array()[0].at("updated_by"), "off-admin");
  EXPECT_TRUE(processing_.get("/api/v1/processes?agency=c2").body.as_array().empty());

  server_.reset();
  auto store = store::open_store(db_);
  store->read([&](store::SqlConnection& db) {
    const auto audit = store::audit_of(db, "khai-sinh-c1");
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "process.saved");
    EXPECT_EQ(audit[0].actor_id, "off-admin");
    EXPECT_EQ(json::parse(audit[0].details), (json::object{{"version", 1}, {"steps", 4}}));
    EXPECT_EQ(audit[1].reason, "Quyết định 12");
    EXPECT_EQ(json::parse(audit[1].details).at("version"), 2);
  });
}

TEST_F(Processes, OnlyAdministratorsSave) {
  for (const ApiClient* who : {&processing_, &leader_, &an_}) {
    auto refused = put(*who, birth_process());
    EXPECT_EQ(refused.status, 403) << refused.raw.body;
    EXPECT_EQ(refused.body.at("code"), "forbidden");
    EXPECT_FALSE(refused.body.at("message_vi").as_string().empty());
  }
  EXPECT_EQ(processing_.get("/api/v1/processes/khai-sinh-c1").status, 404);
  EXPECT_EQ(put(admin_, birth_process(), {}).status, 201);
}

TEST_F(Processes, InvalidProcessesListEveryProblem) {
  auto broken = birth_process();
  broken["steps"].as_array()[1].as_object()["budget"] = "20 hours";  // main path: 32 hours
  broken["steps"].as_array()[2].as_object()["actions"].as_array().push_back(
      action("forward", "nowhere"));
  broken["procedure_code"] = "9.999999";
  auto refused = put(admin_, broken);
  EXPECT_EQ(refused.status, 422) << refused.raw.body;
  EXPECT_EQ(refused.raw.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(refused.body.at("code"), "invalid_process");
  EXPECT_EQ(
      problem_codes(refused.body),
      (std::vector<std::string>{"unknown_target", "budget_total_mismatch", "unknown_procedure"}));
  for (const auto& p : refused.body.at("problems").as_array()) {
    EXPECT_FALSE(p.at("message_vi").as_string().empty());
    EXPECT_FALSE(p.at("message_en").as_string().empty());
  }
  EXPECT_EQ(admin_.get("/api/v1/processes/khai-sinh-c1").status, 404);

  // The editor's check gives the same list without writing anything.
  auto checked = processing_.post("/api/v1/processes/validate", broken);
  ASSERT_EQ(checked.status, 200) << checked.raw.body;
  EXPECT_EQ(checked.body.at("valid"), false);
  EXPECT_EQ(problem_codes(checked.body), problem_codes(refused.body));
  auto fine = processing_.post("/api/v1/processes/validate", birth_process());
  EXPECT_EQ(fine.body.at("valid"), true);
  auto shapeless = processing_.post("/api/v1/processes/validate", json::object{{"id", 3}});
  EXPECT_EQ(problem_codes(shapeless.body), std::vector<std::string>{"malformed_process"});
}

TEST_F(Processes, DossierStepsFollowTheStoredProcessOnTheControlSheet) {
  ASSERT_EQ(put(admin_, birth_process()).status, 201);
  auto created =
      reception_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                       {"agency_id", "c1"},
                                                       {"receiving_unit_id", "u1"},
                                                       {"channel", "counter"},
                                                       {"applicant", {{"name", "Đỗ Thị Cúc"}}}});
  ASSERT_EQ(created.status, 201) << created.raw.body;
  EXPECT_EQ(created.body.at("terms").at("process").at("id"), "khai-sinh-c1");
  EXPECT_EQ(created.body.at("terms").at("process").at("version"), 1);
  const std::string base = "/api/v1/dossiers/" + std::string(created.body.at("id").as_string());
  ASSERT_EQ(processing_
                .post(base + "/assign",
                      json::object{{"official_id", "off-processing"}, {"step", "review"}})
                .status,
            200);
  ASSERT_EQ(
      processing_
          .post(base + "/forward", json::object{{"official_id", "off-leader"}, {"step", "decide"}})
          .status,
      200);
  auto approved = leader_.post(base + "/approve", json::object{{"note", "Đủ điều kiện"}});
  ASSERT_EQ(approved.status, 200) << approved.raw.body;

  // The clock is frozen at Monday 09:00: review's 12 hours run to Tuesday 14:00 and it ended a
  // day early; the decision's 4 hours run to 14:00 the same day.
  const auto& sheet = approved.body.at("control_sheet").as_array();
  ASSERT_EQ(sheet.size(), 2u);
  EXPECT_EQ(sheet[0].at("name"), "Thẩm định hồ sơ");
  EXPECT_EQ(sheet[0].at("due"), "2026-03-10T14:00:00+07:00");
  EXPECT_EQ(sheet[0].at("result"), "early");
  EXPECT_EQ(sheet[1].at("name"), "Phê duyệt kết quả");
  EXPECT_EQ(sheet[1].at("due"), "2026-03-09T14:00:00+07:00");
  EXPECT_EQ(sheet[1].at("result"), "on_time");
}

}  // namespace
}  // namespace motcua::testing
