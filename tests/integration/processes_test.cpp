// Internal processes over real HTTP against the real binary: administrators save versions with
// an audit trail, others are refused, invalid definitions come back with every problem, and a
// dossier worked through the steps of the stored process gets per-step budgets on its control
// sheet.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"
#include "store/event_log.hpp"

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

// The process enforced (docs/rules.md): a dossier received at c1 under the stored process.
class EnforcedProcess : public Processes {
 protected:
  void SetUp() override {
    Processes::SetUp();
    ASSERT_EQ(put(admin_, birth_process()).status, 201);
    auto created =
        reception_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                         {"agency_id", "c1"},
                                                         {"receiving_unit_id", "u1"},
                                                         {"channel", "counter"},
                                                         {"applicant", {{"name", "Đỗ Thị Cúc"}}}});
    ASSERT_EQ(created.status, 201) << created.raw.body;
    base_ = "/api/v1/dossiers/" + std::string(created.body.at("id").as_string());
  }

  json::value current() { return reception_.get(base_).body; }

  std::string base_;
};

TEST_F(EnforcedProcess, AStepOutsideTheProcessIsRefusedAndChangesNothing) {
  ASSERT_EQ(
      processing_.post(base_ + "/assign", json::object{{"official_id", "off-processing"}}).status,
      200);
  // Taking a dossier just received moves it along the one edge on: to review.
  EXPECT_EQ(current().at("step"), "review");
  auto refused = processing_.post(base_ + "/forward", json::object{{"official_id", "off-leader"},
                                                                   {"step", "buoc-khong-ton-tai"}});
  ASSERT_EQ(refused.status, 422) << refused.raw.body;
  EXPECT_EQ(refused.body.at("code"), "unknown_target");
  EXPECT_NE(std::string(refused.body.at("detail").as_string()).find("step"), std::string::npos);
  // The answer lists where the dossier may go.
  EXPECT_NE(
      std::string(refused.body.at("message_vi").as_string()).find("decide (Phê duyệt kết quả)"),
      std::string::npos);
  // A real step that is not next (skipping the decision) is refused too.
  auto skipping = processing_.post(
      base_ + "/forward", json::object{{"official_id", "off-reception"}, {"step", "return"}});
  EXPECT_EQ(skipping.status, 422);
  EXPECT_EQ(skipping.body.at("code"), "step_not_next");
  const auto after = current();
  EXPECT_EQ(after.at("step"), "review");
  EXPECT_EQ(after.at("assignee_id"), "off-processing");
}

TEST_F(EnforcedProcess, TheNewHolderMustHoldTheStepsRoleInItsAgency) {
  ASSERT_EQ(processing_
                .post(base_ + "/assign",
                      json::object{{"official_id", "off-processing"}, {"step", "review"}})
                .status,
            200);
  // Another commune's leader would get 404 on the dossier: it would be stranded.
  auto other_commune = processing_.post(
      base_ + "/forward", json::object{{"official_id", "off-other"}, {"step", "decide"}});
  ASSERT_EQ(other_commune.status, 422) << other_commune.raw.body;
  EXPECT_EQ(other_commune.body.at("code"), "official_not_at_step");
  EXPECT_NE(std::string(other_commune.body.at("detail").as_string()).find("official_id"),
            std::string::npos);
  // Reception at c1 is not the leader the decision step needs.
  auto no_role = processing_.post(
      base_ + "/forward", json::object{{"official_id", "off-reception"}, {"step", "decide"}});
  EXPECT_EQ(no_role.status, 422);
  EXPECT_EQ(no_role.body.at("code"), "official_not_at_step");
  auto citizen = processing_.post(base_ + "/forward",
                                  json::object{{"official_id", "citizen-an"}, {"step", "decide"}});
  EXPECT_EQ(citizen.status, 422);
  EXPECT_EQ(current().at("assignee_id"), "off-processing");
  auto fine = processing_.post(base_ + "/forward",
                               json::object{{"official_id", "off-leader"}, {"step", "decide"}});
  EXPECT_EQ(fine.status, 200) << fine.raw.body;
}

TEST_F(EnforcedProcess, ALeaderDecidesOnlyAtTheDecisionStep) {
  // Reception takes the dossier at its own step: it is in progress, still at reception.
  ASSERT_EQ(
      reception_.post(base_ + "/assign", json::object{{"official_id", "off-reception"}}).status,
      200);
  EXPECT_EQ(current().at("step"), "receive");
  auto approved = leader_.post(base_ + "/approve", json::object{{"note", "Đồng ý"}});
  ASSERT_EQ(approved.status, 409) << approved.raw.body;
  EXPECT_EQ(approved.body.at("code"), "decision_not_here");
  auto rejected =
      leader_.post(base_ + "/reject", json::object{{"reasons", json::array{"Thiếu giấy tờ"}}});
  EXPECT_EQ(rejected.status, 409);
  EXPECT_EQ(current().at("status"), "in_progress");
}

TEST_F(EnforcedProcess, AnAdministratorOverridesWithAReasonThatTheLogKeeps) {
  {
    auto store = store::open_store(db_);
    store->write([](store::SqlConnection& db) {
      const app::NewUser chief{
          "off-chief",
          "truongphong",
          false,
          "Trần Trưởng Phòng",
          kPassword,
          "",
          "",
          "",
          {{dossier::Role::processing, "c1"}, {dossier::Role::administrator, "c1"}}};
      if (!app::create_user(db, chief, "2026-01-01T00:00:00+07:00"))
        throw std::runtime_error("seed chief");
    });
  }
  ApiClient chief{server_->port()};
  ASSERT_EQ(chief.login("truongphong", kPassword), 200);
  const json::object skip{{"official_id", "off-chief"}, {"step", "return"}};
  // Without a reason the administrator is held to the process like anyone.
  EXPECT_EQ(chief.post(base_ + "/assign", skip).status, 422);
  // An official who is no administrator cannot override.
  auto not_admin =
      processing_.post(base_ + "/assign", json::object{{"official_id", "off-processing"},
                                                       {"step", "return"},
                                                       {"override_reason", "Tự ý"}});
  EXPECT_EQ(not_admin.status, 403) << not_admin.raw.body;
  auto overridden = chief.post(base_ + "/assign",
                               json::object{{"official_id", "off-chief"},
                                            {"step", "return"},
                                            {"override_reason", "Chỉ đạo của Chủ tịch UBND xã"}});
  ASSERT_EQ(overridden.status, 200) << overridden.raw.body;
  EXPECT_EQ(current().at("step"), "return");
  auto store = store::open_store(db_);
  std::string reason;
  store->read([&](store::SqlConnection& db) {
    const auto events = store::events_of(db, std::string(base_.substr(base_.rfind('/') + 1)));
    reason = events.back().event.reason;
  });
  EXPECT_NE(reason.find("Chỉ đạo của Chủ tịch UBND xã"), std::string::npos) << reason;
  // The officials' timeline shows the reason with the entry.
  const auto& entries = overridden.body.at("timeline").as_array();
  ASSERT_FALSE(entries.empty());
  const auto* shown = entries.back().as_object().if_contains("reason");
  ASSERT_NE(shown, nullptr) << overridden.raw.body;
  EXPECT_NE(std::string(shown->as_string()).find("Chỉ đạo của Chủ tịch UBND xã"),
            std::string::npos);
}

// The workspace offers what the process would accept (docs/rules.md): the buttons an official sees
// are the commands the server then takes, not the state machine's wider list.
TEST_F(EnforcedProcess, TheWorkspaceOffersOnlyWhatTheProcessAccepts) {
  {
    auto store = store::open_store(db_);
    store->write([](store::SqlConnection& db) {
      const app::NewUser deputy{"off-deputy",
                                "phochutich",
                                false,
                                "Lý Phó Chủ Tịch",
                                kPassword,
                                "",
                                "",
                                "",
                                {{dossier::Role::leader, "c1"}}};
      if (!app::create_user(db, deputy, "2026-01-01T00:00:00+07:00"))
        throw std::runtime_error("seed deputy");
      const app::NewUser chief{
          "off-chief",
          "chutich",
          false,
          "Trần Chủ Tịch",
          kPassword,
          "",
          "",
          "",
          {{dossier::Role::leader, "c1"}, {dossier::Role::administrator, "c1"}}};
      if (!app::create_user(db, chief, "2026-01-01T00:00:00+07:00"))
        throw std::runtime_error("seed chief");
    });
  }
  ApiClient deputy{server_->port()}, chief{server_->port()};
  ASSERT_EQ(deputy.login("phochutich", kPassword), 200);
  ASSERT_EQ(chief.login("chutich", kPassword), 200);
  const auto actions = [](const json::value& view) {
    std::vector<std::string> out;
    for (const auto& a : view.at("allowed_actions").as_array()) out.emplace_back(a.as_string());
    return out;
  };
  const auto has = [](const std::vector<std::string>& list, const char* name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  const auto steps = [](const json::value& view, const char* action) {
    std::vector<std::string> out;
    const auto* targets = view.at("step_targets").as_object().if_contains(action);
    if (targets == nullptr) return out;
    for (const auto& s : targets->as_array()) out.emplace_back(s.as_string());
    return out;
  };

  // At the reception step: no decision, and a hand-over only to this step or the next one.
  ASSERT_EQ(
      reception_.post(base_ + "/assign", json::object{{"official_id", "off-reception"}}).status,
      200);
  auto at_reception = leader_.get(base_);
  ASSERT_EQ(at_reception.status, 200) << at_reception.raw.body;
  EXPECT_EQ(at_reception.body.at("step"), "receive");
  EXPECT_FALSE(has(actions(at_reception.body), "approve")) << at_reception.raw.body;
  EXPECT_FALSE(has(actions(at_reception.body), "reject"));
  EXPECT_TRUE(at_reception.body.at("outside_process").as_array().empty());
  // A leader who is also the commune's administrator is offered approve, shown as outside the
  // process (it needs override_reason), like a send-back where the process has no such edge.
  auto by_chief = chief.get(base_);
  ASSERT_EQ(by_chief.status, 200) << by_chief.raw.body;
  EXPECT_TRUE(has(actions(by_chief.body), "approve")) << by_chief.raw.body;
  EXPECT_EQ(by_chief.body.at("outside_process"), (json::array{"send-back", "approve", "reject"}))
      << by_chief.raw.body;
  // A leader may hand it on: to a colleague at this step or to review, never beyond.
  ASSERT_TRUE(has(actions(at_reception.body), "forward")) << at_reception.raw.body;
  EXPECT_EQ(steps(at_reception.body, "forward"), (std::vector<std::string>{"receive", "review"}));

  // At the leader's step, held by the leader: approve is his, not another leader's.
  ASSERT_EQ(leader_
                .post(base_ + "/forward",
                      json::object{{"official_id", "off-processing"}, {"step", "review"}})
                .status,
            200);
  ASSERT_EQ(
      processing_
          .post(base_ + "/forward", json::object{{"official_id", "off-leader"}, {"step", "decide"}})
          .status,
      200);
  auto holder = leader_.get(base_);
  EXPECT_EQ(holder.body.at("step"), "decide");
  EXPECT_TRUE(has(actions(holder.body), "approve")) << holder.raw.body;
  EXPECT_TRUE(has(actions(holder.body), "reject"));
  EXPECT_EQ(steps(holder.body, "send-back"), std::vector<std::string>{"review"});
  auto other = deputy.get(base_);
  ASSERT_EQ(other.status, 200) << other.raw.body;
  EXPECT_FALSE(has(actions(other.body), "approve")) << other.raw.body;
  // What is offered is accepted: the holder approves.
  EXPECT_EQ(deputy.post(base_ + "/approve", json::object{{"note", "Đồng ý"}}).status, 409);
  EXPECT_EQ(leader_.post(base_ + "/approve", json::object{{"note", "Đồng ý"}}).status, 200);
}

TEST_F(Processes, AProcessMustKeepTheProceduresTimeLimit) {
  // Five working days of steps for the procedure's three.
  auto long_process = birth_process();
  long_process["legal_limit"] = "5 working-days";
  long_process["steps"].as_array()[1].as_object()["budget"] = "28 hours";
  auto refused = put(admin_, long_process);
  ASSERT_EQ(refused.status, 422) << refused.raw.body;
  EXPECT_EQ(problem_codes(refused.body),
            (std::vector<std::string>{"limit_not_procedure_limit", "budget_over_procedure_limit"}));
  const auto& problems = refused.body.at("problems").as_array();
  EXPECT_EQ(problems[0].at("message_vi"),
            "Thời hạn của quy trình phải bằng thời hạn của thủ tục: tổng thời hạn các bước 5 ngày "
            "làm việc > thời hạn của thủ tục 3 ngày làm việc");
  EXPECT_EQ(problems[1].at("step"), "review");
  EXPECT_EQ(admin_.get("/api/v1/processes/khai-sinh-c1").status, 404);
}

}  // namespace
}  // namespace motcua::testing
