// Warnings before a breach and escalation (issue 13 point 7, docs/rules.md "Tracking a paused
// dossier, warnings and escalation"): `motcua warn --once` writes one notify.official message per
// dossier and threshold (a second run writes nothing), an overdue dossier goes to the leaders of
// the parent agency, and the workspace lists the warnings of the holder and the escalations of the
// next level's leader.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "../run_process.hpp"
#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/outbox.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
const std::vector<std::pair<std::string, std::string>> kJson = {
    {"Content-Type", "application/json"}};

class Warnings : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    // A leader of the province p1: the next level above the commune c1.
    auto store = store::open_store(db_);
    store->write([](store::SqlConnection& db) {
      const app::NewUser leader{"off-province-leader",
                                "lanhdaotinh",
                                false,
                                "Trịnh Lãnh Đạo Tỉnh",
                                kPassword,
                                "",
                                "",
                                "",
                                {{dossier::Role::leader, "p1"}}};
      if (!app::create_user(db, leader, "2026-01-01T00:00:00+07:00"))
        throw std::runtime_error("seed user");
    });
    // Received Monday 09/03 09:00 at c1's counter, due Thursday 12/03 17:00.
    ServerProcess server(kBinary, db_, {"--fake-now", "2026-03-09T09:00"});
    ASSERT_NO_FATAL_FAILURE(before_intake(server));
    ApiClient reception(server.port()), processing(server.port());
    ASSERT_EQ(reception.login("tiepnhan", kPassword), 200);
    ASSERT_EQ(processing.login("chuyenvien", kPassword), 200);
    auto created =
        reception.post("/api/v1/dossiers",
                       json::object{{"procedure_code", "1.001193"},
                                    {"agency_id", "c1"},
                                    {"receiving_unit_id", "u1"},
                                    {"channel", "counter"},
                                    {"applicant", {{"name", "Đỗ Thị Cúc"}, {"id_number", "001"}}}});
    ASSERT_EQ(created.status, 201) << created.raw.body;
    ASSERT_EQ(created.body.at("due"), "2026-03-12T17:00:00+07:00");
    id_ = std::string(created.body.at("id").as_string());
    ASSERT_EQ(processing
                  .post("/api/v1/dossiers/" + id_ + "/assign",
                        json::object{{"official_id", "off-processing"}})
                  .status,
              200);
  }

  // Runs on the first server before the dossier is received.
  virtual void before_intake(ServerProcess&) {}

  json::object warn_once(const std::string& now) {
    const auto r = run_process(kBinary + " warn --once --db '" + db_ + "' --now " + now);
    EXPECT_EQ(r.status, 0) << r.err;
    return json::parse(r.out).as_object();
  }

  // The notify.official messages in the outbox, oldest first.
  std::vector<json::object> notices() {
    std::vector<json::object> out;
    auto store = store::open_store(db_);
    store->read([&](store::SqlConnection& db) {
      for (const auto& m : store::pending_outbox(db, 4'000'000'000LL, 1000))
        if (m.topic == "notify.official") out.push_back(json::parse(m.payload).as_object());
    });
    return out;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::string id_;
};

TEST_F(Warnings, WarnOnceWritesOneMessagePerDossierAndThreshold) {
  // Two working days ahead: beyond the default threshold of 8 working hours, nothing to say.
  EXPECT_EQ(warn_once("2026-03-10T14:00").at("written"), 0);
  EXPECT_TRUE(notices().empty());

  const auto first = warn_once("2026-03-12T14:00");
  EXPECT_EQ(first.at("hours"), 8);
  EXPECT_EQ(first.at("written"), 1);
  auto written = notices();
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].at("kind"), "due_soon");
  EXPECT_EQ(written[0].at("dossier_id").as_string(), id_);
  EXPECT_EQ(written[0].at("due"), "2026-03-12T17:00:00+07:00");
  EXPECT_EQ(written[0].at("recipients"), (json::array{"off-processing", "off-leader"}));

  // Again, and later the same day: the same warning, nothing new.
  EXPECT_EQ(warn_once("2026-03-12T14:00").at("written"), 0);
  EXPECT_EQ(warn_once("2026-03-12T16:00").at("written"), 0);
  EXPECT_EQ(notices().size(), 1u);
}

TEST_F(Warnings, OverdueDossierEscalatesToTheParentAgencysLeader) {
  const auto run = warn_once("2026-03-13T09:00");
  EXPECT_EQ(run.at("written"), 1);
  auto written = notices();
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].at("kind"), "overdue");
  // Not the commune's own leader: the province's.
  EXPECT_EQ(written[0].at("recipients"), (json::array{"off-province-leader"}));
  EXPECT_EQ(warn_once("2026-03-13T10:00").at("written"), 0);

  ServerProcess server(kBinary, db_, {"--fake-now", "2026-03-13T09:00"});
  ApiClient province(server.port()), commune(server.port());
  ASSERT_EQ(province.login("lanhdaotinh", kPassword), 200);
  ASSERT_EQ(commune.login("lanhdao", kPassword), 200);
  const auto listed = province.get("/api/v1/warnings");
  ASSERT_EQ(listed.status, 200) << listed.raw.body;
  ASSERT_EQ(listed.body.at("escalated").as_array().size(), 1u) << listed.raw.body;
  EXPECT_EQ(listed.body.at("escalated").at(0).at("dossier_id").as_string(), id_);
  EXPECT_TRUE(commune.get("/api/v1/warnings").body.at("escalated").as_array().empty());
}

TEST_F(Warnings, HolderSeesTheWarningAndAdministratorSetsTheThreshold) {
  ServerProcess server(kBinary, db_, {"--fake-now", "2026-03-12T09:00"});
  ApiClient processing(server.port()), admin(server.port());
  ASSERT_EQ(processing.login("chuyenvien", kPassword), 200);
  ASSERT_EQ(admin.login("quantri", kPassword), 200);
  // Eight working hours left at most at 09:00 on the due day.
  auto listed = processing.get("/api/v1/warnings");
  ASSERT_EQ(listed.status, 200) << listed.raw.body;
  EXPECT_EQ(listed.body.at("hours"), 8);
  ASSERT_EQ(listed.body.at("due_soon").as_array().size(), 1u) << listed.raw.body;
  EXPECT_EQ(listed.body.at("due_soon").at(0).at("kind"), "due_soon");
  EXPECT_EQ(processing.get("/api/v1/queue").body.at(0).at("lateness"), "due_soon");
  // The filter is the store's condition with the same threshold.
  EXPECT_EQ(processing.get("/api/v1/queue?lateness=due_soon").body.as_array().size(), 1u);
  EXPECT_TRUE(processing.get("/api/v1/queue?lateness=on_time").body.as_array().empty());
  EXPECT_TRUE(processing.get("/api/v1/queue?lateness=overdue").body.as_array().empty());

  const auto unchanged = admin.get("/api/v1/admin/warning-hours");
  ASSERT_EQ(unchanged.status, 200) << unchanged.raw.body;
  EXPECT_TRUE(unchanged.body.at("changed_by").is_null()) << unchanged.raw.body;
  EXPECT_TRUE(unchanged.body.at("changed_at").is_null());

  // A refused change names the field and changes nothing.
  auto bad = admin.call("PUT", "/api/v1/admin/warning-hours",
                        json::serialize(json::object{{"hours", 0}, {"reason", "Thử"}}), kJson);
  EXPECT_EQ(bad.status, 422) << bad.raw.body;
  EXPECT_EQ(bad.body.at("detail"), "hours");
  EXPECT_EQ(processing
                .call("PUT", "/api/v1/admin/warning-hours",
                      json::serialize(json::object{{"hours", 2}, {"reason", "Thử"}}), kJson)
                .status,
            403);
  auto set =
      admin.call("PUT", "/api/v1/admin/warning-hours",
                 json::serialize(json::object{{"hours", 2}, {"reason", "Chỉ báo sát hạn"}}), kJson);
  ASSERT_EQ(set.status, 200) << set.raw.body;
  EXPECT_EQ(set.body.at("hours"), 2);
  // After a change, who, when, why and the value before (the
  // administrator's screen reads them here, not from the audit log).
  EXPECT_EQ(set.body.at("previous_hours"), 8) << set.raw.body;
  const auto read = admin.get("/api/v1/admin/warning-hours");
  ASSERT_EQ(read.status, 200) << read.raw.body;
  EXPECT_EQ(read.body.at("hours"), 2);
  EXPECT_EQ(read.body.at("changed_by"), admin.get("/api/v1/session").body.at("user").at("id"));
  EXPECT_FALSE(read.body.at("changed_by_name").as_string().empty());
  EXPECT_EQ(std::string(read.body.at("changed_at").as_string()).substr(0, 16), "2026-03-12T09:00");
  EXPECT_EQ(read.body.at("reason"), "Chỉ báo sát hạn");
  EXPECT_EQ(read.body.at("previous_hours"), 8);
  // With two hours, 09:00 on the due day is no longer "soon".
  EXPECT_TRUE(processing.get("/api/v1/warnings").body.at("due_soon").as_array().empty());
  // The queue's badge follows the same threshold.
  EXPECT_EQ(processing.get("/api/v1/queue").body.at(0).at("lateness"), "on_time");
  EXPECT_EQ(processing.get("/api/v1/queue?lateness=on_time").body.as_array().size(), 1u);
  EXPECT_TRUE(processing.get("/api/v1/queue?lateness=due_soon").body.as_array().empty());
}

// The same dossier received under an internal process with step budgets (the birth registration
// of processes_test: receive 4h, review 12h, decide 4h, return 4h = the 3 working days).
class StepWarnings : public Warnings {
 protected:
  void before_intake(ServerProcess& server) override {
    ApiClient admin(server.port());
    ASSERT_EQ(admin.login("quantri", kPassword), 200);
    const auto step = [](const char* id, const char* name, const char* role, const char* budget,
                         json::array actions) {
      return json::object{{"id", id},
                          {"name", name},
                          {"responsible", {{"role", role}}},
                          {"budget", budget},
                          {"actions", std::move(actions)}};
    };
    const json::object process{
        {"id", "khai-sinh-c1"},
        {"procedure_code", "1.001193"},
        {"agency_id", "c1"},
        {"version", 1},
        {"legal_limit", "3 working-days"},
        {"steps",
         json::array{
             step("receive", "Tiếp nhận hồ sơ", "reception", "4 hours",
                  {{{"kind", "forward"}, {"target", "review"}}}),
             step("review", "Thẩm định hồ sơ", "processing", "12 hours",
                  {{{"kind", "forward"}, {"target", "decide"}}}),
             step("decide", "Phê duyệt kết quả", "leader", "4 hours",
                  {{{"kind", "approve"}, {"target", "return"}},
                   {{"kind", "refuse"}, {"target", "return"}}}),
             step("return", "Trả kết quả", "reception", "4 hours", {{{"kind", "return_result"}}}),
         }}};
    auto saved =
        admin.call("PUT", "/api/v1/processes/khai-sinh-c1", json::serialize(process), kJson);
    ASSERT_EQ(saved.status, 201) << saved.raw.body;
  }
};

// Taken at Monday 09:00, the review step's 12 hours run to Tuesday 14:00, well before the dossier's
// own due time (Thursday 17:00): the step alone warns its holder, then its overrun reaches the
// leaders' dashboard.
TEST_F(StepWarnings, AStepNearItsBudgetWarnsItsHolderAndItsOverrunReachesTheLeader) {
  EXPECT_EQ(warn_once("2026-03-10T09:00").at("written"), 1);
  auto written = notices();
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0].at("kind"), "step_due_soon");
  EXPECT_EQ(written[0].at("step"), "Thẩm định hồ sơ");
  EXPECT_EQ(written[0].at("due"), "2026-03-10T14:00:00+07:00");
  EXPECT_EQ(written[0].at("recipients"), (json::array{"off-processing", "off-leader"}));

  EXPECT_EQ(warn_once("2026-03-10T15:00").at("written"), 1);
  written = notices();
  ASSERT_EQ(written.size(), 2u);
  EXPECT_EQ(written[1].at("kind"), "step_overrun");

  ServerProcess server(kBinary, db_, {"--fake-now", "2026-03-10T15:00"});
  ApiClient leader(server.port()), processing(server.port());
  ASSERT_EQ(leader.login("lanhdao", kPassword), 200);
  ASSERT_EQ(processing.login("chuyenvien", kPassword), 200);
  const auto dashboard = leader.get("/api/v1/warnings");
  ASSERT_EQ(dashboard.status, 200) << dashboard.raw.body;
  ASSERT_EQ(dashboard.body.at("step_overruns").as_array().size(), 1u) << dashboard.raw.body;
  const auto& overrun = dashboard.body.at("step_overruns").at(0);
  EXPECT_EQ(overrun.at("dossier_id").as_string(), id_);
  EXPECT_EQ(overrun.at("step"), "Thẩm định hồ sơ");
  // The dossier itself is not late: no escalation, no dossier warning.
  EXPECT_TRUE(dashboard.body.at("escalated").as_array().empty());
  EXPECT_TRUE(processing.get("/api/v1/warnings").body.at("step_overruns").as_array().empty());
}

}  // namespace
}  // namespace motcua::testing
