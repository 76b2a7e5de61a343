// Statistics over real HTTP: dossiers with known timelines are written through the use cases
// before the server starts (early, on time, late despite an apology, open overdue, open within
// time, another commune's), then the public on-time figures, the leaders' figures and the approval
// queue are checked number by number, with authorization on every row.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "api_client.hpp"
#include "app/admin/processes.hpp"
#include "app/dossier/dossier_service.hpp"
#include "codec/calendar_files.hpp"
#include "codec/command_json.hpp"
#include "codec/process_json.hpp"
#include "fixture.hpp"
#include "server_process.hpp"
#include "store/rating_repository.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
using dossier::CommandKind;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

Instant at(int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(2026, m, d), hh * 3600 + mm * 60, 420);
}

json::object step(const char* id, const char* name, const char* role, const char* budget,
                  json::array actions) {
  return {{"id", id},
          {"name", name},
          {"responsible", {{"role", role}}},
          {"budget", budget},
          {"actions", std::move(actions)}};
}

json::object birth_process() {
  const auto action = [](const char* kind, const char* target) {
    json::object a{{"kind", kind}};
    if (target != nullptr) a["target"] = target;
    return a;
  };
  return {{"id", "khai-sinh-c1"},
          {"procedure_code", "1.001193"},
          {"agency_id", "c1"},
          {"legal_limit", "3 working-days"},
          {"steps", json::array{
                        step("review", "Thẩm định hồ sơ", "processing", "20 hours",
                             {action("forward", "decide"), action("request_supplement", nullptr)}),
                        step("decide", "Phê duyệt kết quả", "leader", "4 hours",
                             {action("approve", nullptr), action("send_back", "review")}),
                    }}};
}

// Writes the scenario through the real use cases, with the clock set for each command.
class Scenario {
 public:
  Scenario(store::Store& store, const calendar::WorkingCalendar& cal)
      : store_(store), service_(cal, [this] { return now_; }) {}

  std::string received(const char* agency, const char* reception, Instant when) {
    now_ = when;
    app::NewDossier d;
    d.procedure_code = "1.001193";
    d.agency_id = agency;
    if (std::string(agency) == "c1") d.receiving_unit_id = "u1";
    d.channel = dossier::Channel::counter;
    d.return_channel = dossier::Channel::counter;
    d.applicant = {"Nguyễn Văn An", "001090000001", "Xã Một", "0900000001", ""};
    std::string id;
    store_.write([&](store::SqlConnection& db) {
      auto r = service_.create(db, *app::load_actor(db, reception), d);
      if (!r) throw std::runtime_error("create: " + r.error().detail);
      id = r->record.id;
    });
    return id;
  }
  void act(const std::string& id, const char* who, CommandKind kind, Instant when,
           json::object body = {}) {
    now_ = when;
    store_.write([&](store::SqlConnection& db) {
      // Bodies as the API takes them, decoded as the API decodes them.
      auto command = codec::command_from_json(kind, body, 420);
      if (!command) throw std::runtime_error("command: " + command.error());
      auto r = service_.act(db, *app::load_actor(db, who), id, *command);
      if (!r) throw std::runtime_error("act: " + r.error().code + " " + r.error().detail);
    });
  }
  // Assign to the processing official at the review step, forward to the leader, then approve.
  void reviewed(const std::string& id, Instant assign, Instant forward, Instant approve) {
    act(id, "off-processing", CommandKind::assign, assign,
        {{"official_id", "off-processing"}, {"step", "review"}});
    act(id, "off-processing", CommandKind::forward, forward,
        {{"official_id", "off-leader"}, {"step", "decide"}});
    act(id, "off-leader", CommandKind::approve, approve, {{"note", "Đồng ý"}});
  }

 private:
  store::Store& store_;
  Instant now_;
  app::DossierService service_;
};

class Statistics : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    {
      const auto cal = codec::load_calendar(std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn");
      ASSERT_TRUE(cal) << cal.error();
      auto store = store::open_store(db_);
      store->write([](store::SqlConnection& db) {
        auto body = birth_process();
        if (!body.contains("version")) body["version"] = 1;
        auto parsed = codec::process_from_json(body);
        if (!parsed) throw std::runtime_error("process: " + parsed.error());
        auto draft = app::check_process_references(db, app::draft_of(std::move(*parsed), "", ""));
        auto saved = app::save_process(db, *app::load_actor(db, "off-admin"), "khai-sinh-c1", draft,
                                       "test", "2026-01-01T00:00:00+07:00");
        if (!saved) {
          throw std::runtime_error("process: " + (draft.problems.empty()
                                                      ? saved.error().code
                                                      : draft.problems.front().code));
        }
      });
      Scenario s(*store, *cal);
      // January, c1, around the period boundary of the periodic report: finished late on
      // Saturday 31/01, the last day of the month (not carried into February); open at the end
      // of January and finished in February (carried over once); paused for papers across the
      // boundary (carried over once, paused or not).
      ids_["jan_boundary"] = s.received("c1", "off-reception", at(1, 26, 9));
      s.reviewed(ids_["jan_boundary"], at(1, 26, 9, 30), at(1, 27, 9), at(1, 31, 10));
      ids_["jan_open"] = s.received("c1", "off-reception", at(1, 28, 9));
      s.reviewed(ids_["jan_open"], at(1, 28, 9, 30), at(2, 2, 9), at(2, 2, 10));
      ids_["jan_paused"] = s.received("c1", "off-reception", at(1, 27, 9));
      s.act(ids_["jan_paused"], "off-processing", CommandKind::assign, at(1, 27, 9, 30),
            {{"official_id", "off-processing"}, {"step", "review"}});
      s.act(ids_["jan_paused"], "off-processing", CommandKind::request_supplement, at(1, 28, 10),
            {{"missing_items", json::array{"Bản sao giấy chứng sinh"}}, {"reason", "Thiếu"}});
      s.act(ids_["jan_paused"], "off-reception", CommandKind::provide_supplement, at(2, 3, 9),
            {{"documents", json::array{"Bản sao giấy chứng sinh"}}});
      s.act(ids_["jan_paused"], "off-processing", CommandKind::forward, at(2, 3, 10),
            {{"official_id", "off-leader"}, {"step", "decide"}});
      s.act(ids_["jan_paused"], "off-leader", CommandKind::approve, at(2, 3, 11),
            {{"note", "Đồng ý"}});
      // Still waiting for papers asked on 29/01: open and paused in every period since.
      ids_["jan_waiting"] = s.received("c1", "off-reception", at(1, 29, 9));
      s.act(ids_["jan_waiting"], "off-processing", CommandKind::assign, at(1, 29, 9, 30),
            {{"official_id", "off-processing"}, {"step", "review"}});
      s.act(ids_["jan_waiting"], "off-processing", CommandKind::request_supplement, at(1, 29, 10),
            {{"missing_items", json::array{"Bản sao giấy chứng sinh"}}, {"reason", "Thiếu"}});
      // February, commune c1: due Thursday 05/02 at office close (3 working days, civil code).
      ids_["early"] = s.received("c1", "off-reception", at(2, 2, 9));
      s.reviewed(ids_["early"], at(2, 2, 9, 30), at(2, 2, 15), at(2, 3, 10));
      ids_["on_time"] = s.received("c1", "off-reception", at(2, 2, 9));
      s.reviewed(ids_["on_time"], at(2, 2, 9, 30), at(2, 5, 9), at(2, 5, 16));
      ids_["late"] = s.received("c1", "off-reception", at(2, 2, 9));
      s.act(ids_["late"], "off-processing", CommandKind::assign, at(2, 2, 9, 30),
            {{"official_id", "off-processing"}, {"step", "review"}});
      s.act(
          ids_["late"], "off-processing", CommandKind::issue_apology, at(2, 3, 10),
          {{"reason", "Cần xác minh với cơ quan khác"}, {"new_due", "2026-02-10T17:00:00+07:00"}});
      s.act(ids_["late"], "off-processing", CommandKind::forward, at(2, 6, 9),
            {{"official_id", "off-leader"}, {"step", "decide"}});
      s.act(ids_["late"], "off-leader", CommandKind::approve, at(2, 6, 11), {{"note", "Đồng ý"}});
      // March, c1: one overdue at the server's now (09/03 09:00), one within time, one waiting for
      // the leader's approval.
      ids_["overdue"] = s.received("c1", "off-reception", at(3, 2, 9));
      s.act(ids_["overdue"], "off-processing", CommandKind::assign, at(3, 2, 9, 30),
            {{"official_id", "off-processing"}, {"step", "review"}});
      ids_["within"] = s.received("c1", "off-reception", at(3, 6, 9));
      ids_["approval"] = s.received("c1", "off-reception", at(3, 6, 10));
      s.act(ids_["approval"], "off-processing", CommandKind::assign, at(3, 6, 10, 30),
            {{"official_id", "off-processing"}, {"step", "review"}});
      s.act(ids_["approval"], "off-processing", CommandKind::forward, at(3, 9, 8, 30),
            {{"official_id", "off-leader"}, {"step", "decide"}});
      // March, commune c2: finished early by its own officials.
      ids_["c2"] = s.received("c2", "off-other", at(3, 2, 9));
      s.act(ids_["c2"], "off-other", CommandKind::assign, at(3, 2, 9, 30),
            {{"official_id", "off-other"}, {"step", "Xử lý"}});
      s.act(ids_["c2"], "off-other", CommandKind::approve, at(3, 3, 9), {{"note", "Đồng ý"}});
    }
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-09T09:00"});
    for (const auto& [client, user] : {std::pair{&leader_, "lanhdao"}, std::pair{&other_, "xahai"},
                                       std::pair{&admin_, "quantri"}, std::pair{&citizen_, "an"},
                                       std::pair{&processing_, "chuyenvien"}}) {
      *client = ApiClient(server_->port());
      ASSERT_EQ(client->login(user, kPassword), 200) << user;
    }
  }
  void TearDown() override { server_.reset(); }

  static const json::value& group(const json::value& body, const char* id) {
    for (const auto& g : body.at("groups").as_array()) {
      if (g.at("id") == id) return g;
    }
    throw std::runtime_error(std::string("no group ") + id);
  }
  static const json::value& month(const json::value& g, const char* m) {
    for (const auto& row : g.at("months").as_array()) {
      if (row.at("month") == m) return row;
    }
    throw std::runtime_error(std::string("no month ") + m);
  }
  static std::vector<std::string> ids_of(const json::value& list, const char* key = "id") {
    std::vector<std::string> out;
    for (const auto& d : list.as_array()) out.emplace_back(d.at(key).as_string());
    return out;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::map<std::string, std::string> ids_;
  std::unique_ptr<ServerProcess> server_;
  ApiClient leader_{0}, other_{0}, admin_{0}, citizen_{0}, processing_{0};
};

TEST_F(Statistics, PublicOnTimeFiguresPerAgencyAndMonth) {
  ApiClient anyone(server_->port());
  const auto r = anyone.get("/api/v1/statistics/on-time?group=agency&from=2026-02&to=2026-03");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body.at("months"), (json::array{"2026-02", "2026-03"}));
  const auto& c1 = group(r.body, "c1");
  EXPECT_EQ(c1.at("name"), "Xã Một");
  const auto& feb = month(c1, "2026-02");
  EXPECT_EQ(feb.at("received"), 3);
  EXPECT_EQ(feb.at("finished_early"), 1);
  EXPECT_EQ(feb.at("finished_on_time"), 1);
  // The apology moved the legal due date, not the Decision 766 one: still late in public.
  EXPECT_EQ(feb.at("finished_late"), 1);
  // Its review step ran past its 20 hours: the official's time, shown as a party, never a name.
  EXPECT_EQ(feb.at("late_by_cause"),
            (json::object{{"agency", 0}, {"official", 1}, {"other_agency", 0}, {"applicant", 0}}));
  EXPECT_EQ(r.body.at("totals").at("all").at("late_by_cause").at("official"), 1);
  EXPECT_DOUBLE_EQ(feb.at("on_time_rate").as_double(), 0.6667);
  const auto& mar = month(c1, "2026-03");
  EXPECT_EQ(mar.at("received"), 3);
  EXPECT_EQ(mar.at("open_overdue"), 1);
  EXPECT_EQ(mar.at("open_within_time"), 2);
  EXPECT_DOUBLE_EQ(mar.at("on_time_rate").as_double(), 0.6667);
  EXPECT_EQ(month(group(r.body, "c2"), "2026-03").at("finished_early"), 1);
  EXPECT_EQ(r.body.at("totals").at("all").at("received"), 7);
  EXPECT_TRUE(r.body.at("definition").at("on_time_rate").at("vi").is_string());
  // No personal data in public figures.
  EXPECT_EQ(r.raw.body.find("Nguyễn"), std::string::npos);

  const auto by_procedure = anyone.get(
      "/api/v1/statistics/on-time?group=procedure&from=2026-02"
      "&to=2026-03&agency_id=c2");
  ASSERT_EQ(by_procedure.status, 200);
  ASSERT_EQ(by_procedure.body.at("groups").as_array().size(), 1u);
  EXPECT_EQ(group(by_procedure.body, "1.001193").at("totals").at("received"), 1);
}

TEST_F(Statistics, FiguresFollowNewEventsAndBadInputIsRefused) {
  ApiClient anyone(server_->port());
  const std::string target = "/api/v1/statistics/on-time?from=2026-03&to=2026-03&agency_id=c1";
  ASSERT_EQ(anyone.get(target).status, 200);
  ASSERT_EQ(leader_
                .post("/api/v1/dossiers/" + ids_["approval"] + "/approve",
                      json::object{{"note", "Đồng ý"}})
                .status,
            200);
  const auto after = anyone.get(target);
  const auto& mar = month(group(after.body, "c1"), "2026-03");
  EXPECT_EQ(mar.at("finished_early"), 1);
  EXPECT_EQ(mar.at("open_within_time"), 1);

  EXPECT_EQ(anyone.get("/api/v1/statistics/on-time?from=2026-13").status, 422);
  EXPECT_EQ(anyone.get("/api/v1/statistics/on-time?from=2026-03&to=2026-02").status, 422);
  EXPECT_EQ(anyone.get("/api/v1/statistics/on-time?from=2020-01&to=2026-02").status, 422);
  EXPECT_EQ(anyone.get("/api/v1/statistics/on-time?group=official").status, 422);
  const auto unknown = anyone.get("/api/v1/statistics/on-time?agency_id=nowhere");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(unknown.body.at("message_vi").is_string());
}

TEST_F(Statistics, LeadersSeeOnlyTheOfficialsOfTheirAgencies) {
  const auto mine = leader_.get("/api/v1/statistics/officials?from=2026-02&to=2026-03");
  ASSERT_EQ(mine.status, 200) << mine.raw.body;
  ASSERT_EQ(ids_of(mine.body.at("units"), "agency_id"), std::vector<std::string>{"c1"});
  const auto& unit = mine.body.at("units").at(0);
  std::map<std::string, json::object> officials;
  for (const auto& o : unit.at("officials").as_array())
    officials[std::string(o.at("official_id").as_string())] = o.as_object();
  // Review (20 working hours): early in 'early' and 'approval', late in 'on_time' and 'late';
  // still running in 'overdue' (not counted: only closed steps are). Decide (4 hours): on time
  // in 'early' and 'late', late in 'on_time'; still running in 'approval'.
  EXPECT_EQ(officials["off-processing"].at("steps"), 4);
  EXPECT_EQ(officials["off-processing"].at("early"), 2);
  EXPECT_EQ(officials["off-processing"].at("late"), 2);
  EXPECT_EQ(officials["off-processing"].at("name"), "Phạm Chuyên Viên");
  EXPECT_EQ(officials["off-leader"].at("steps"), 3);
  EXPECT_EQ(officials["off-leader"].at("on_time"), 2);
  EXPECT_EQ(officials["off-leader"].at("late"), 1);
  EXPECT_EQ(officials.count("off-other"), 0u);

  const auto theirs = other_.get("/api/v1/statistics/officials?from=2026-02&to=2026-03");
  ASSERT_EQ(ids_of(theirs.body.at("units"), "agency_id"), std::vector<std::string>{"c2"});
  EXPECT_EQ(other_.get("/api/v1/statistics/officials?agency_id=c1").status, 404);
  const auto both = admin_.get("/api/v1/statistics/officials?from=2026-02&to=2026-03");
  EXPECT_EQ(ids_of(both.body.at("units"), "agency_id"), (std::vector<std::string>{"c1", "c2"}));

  ApiClient anyone(server_->port());
  for (const char* path : {"/api/v1/statistics/officials", "/api/v1/statistics/overdue",
                           "/api/v1/statistics/time-used", "/api/v1/approvals"}) {
    EXPECT_EQ(anyone.get(path).status, 401) << path;
    EXPECT_EQ(citizen_.get(path).status, 403) << path;
  }
  EXPECT_EQ(processing_.get("/api/v1/statistics/overdue").status, 403);
}

TEST_F(Statistics, OverdueDossiersCarryTheirCauses) {
  const auto r = leader_.get("/api/v1/statistics/overdue?from=2026-02&to=2026-03");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  const auto& list = r.body.at("dossiers");
  ASSERT_EQ(ids_of(list), (std::vector<std::string>{ids_["late"], ids_["overdue"]}));
  const auto& late = list.at(0);
  EXPECT_EQ(late.at("outcome"), "finished_late");
  EXPECT_EQ(late.at("due_766"), "2026-02-05T17:00:00+07:00");
  EXPECT_EQ(late.at("due"), "2026-02-10T17:00:00+07:00");
  EXPECT_EQ(late.at("causes").at("apology").at("reason"), "Cần xác minh với cơ quan khác");
  EXPECT_EQ(late.at("causes").at("late_steps").at(0).at("official_id"), "off-processing");
  // The apology moved the legal due date, yet the cause is still judged against due_766.
  EXPECT_EQ(late.at("causes").at("cause"), "official");
  EXPECT_EQ(late.at("causes").at("shares").at(0).at("step"), "Thẩm định hồ sơ");
  EXPECT_GT(late.at("causes").at("shares").at(0).at("overrun_minutes").as_int64(), 0);
  const auto& open = list.at(1);
  EXPECT_EQ(open.at("outcome"), "open_overdue");
  EXPECT_EQ(open.at("holder").at("official_id"), "off-processing");
  EXPECT_EQ(open.at("causes").at("late_steps").at(0).at("name"), "Thẩm định hồ sơ");
  EXPECT_EQ(open.at("causes").at("cause"), "official");
  EXPECT_TRUE(other_.get("/api/v1/statistics/overdue?from=2026-02&to=2026-03")
                  .body.at("dossiers")
                  .as_array()
                  .empty());
}

TEST_F(Statistics, TimeUsedAddsUpPerParty) {
  const auto r = leader_.get("/api/v1/statistics/time-used?from=2026-02&to=2026-03");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  const auto& procedure = r.body.at("procedures").at(0);
  EXPECT_EQ(procedure.at("code"), "1.001193");
  EXPECT_EQ(procedure.at("dossiers"), 3);
  std::map<std::string, std::int64_t> minutes;
  std::int64_t sum = 0;
  for (const auto& p : procedure.at("parties").as_array()) {
    minutes[std::string(p.at("party").as_string())] = p.at("minutes").as_int64();
    sum += p.at("minutes").as_int64();
  }
  // Counting starts at receipt (09:00) and the review step at 09:30: 30 minutes each.
  EXPECT_EQ(minutes["unassigned"], 90);
  EXPECT_GT(minutes["processing"], 0);
  EXPECT_GT(minutes["leader"], 0);
  EXPECT_EQ(sum, procedure.at("minutes").as_int64());
}

TEST_F(Statistics, ApprovalQueueHoldsWhatWaitsForThisLeader) {
  const auto r = leader_.get("/api/v1/approvals");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(ids_of(r.body.at("dossiers")), std::vector<std::string>{ids_["approval"]});
  EXPECT_TRUE(other_.get("/api/v1/approvals").body.at("dossiers").as_array().empty());
}

TEST_F(Statistics, Index766ScoresTheFiveGroups) {
  ApiClient anyone(server_->port());
  const auto r = anyone.get("/api/v1/statistics/index-766?from=2026-02&to=2026-03");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  const auto& groups = r.body.at("groups").as_object();
  const std::map<std::string, std::int64_t> max{{"publicity", 18},
                                                {"progress", 20},
                                                {"online", 22},
                                                {"digitisation", 22},
                                                {"satisfaction", 18}};
  double sum = 0;
  for (const auto& [key, points] : max) {
    ASSERT_TRUE(groups.contains(key)) << key;
    EXPECT_EQ(groups.at(key).at("max_points").as_int64(), points) << key;
    EXPECT_TRUE(groups.at(key).at("missing_inputs").is_array()) << key;
    sum += groups.at(key).at("points").as_double();
  }
  EXPECT_NEAR(r.body.at("total").as_double(), sum, 0.011);
  // 7 received: early 2 (one in c2), on time 1, open within 2 -> 5/7 of 20 points.
  const auto& on_time = groups.at("progress").at("indices").at(0);
  EXPECT_EQ(on_time.at("key"), "on_time");
  EXPECT_EQ(on_time.at("numerator").as_int64(), 5);
  EXPECT_EQ(on_time.at("denominator").as_int64(), 7);
  EXPECT_DOUBLE_EQ(on_time.at("value").as_double(), 0.7143);
  EXPECT_DOUBLE_EQ(groups.at("progress").at("points").as_double(), 14.29);
  EXPECT_TRUE(groups.at("progress").at("missing_inputs").as_array().empty());
  // Nobody recorded when the birth registration procedure was announced: said, not guessed.
  const auto& missing = groups.at("publicity").at("missing_inputs").as_array();
  EXPECT_NE(std::find(missing.begin(), missing.end(),
                      json::value("publication_on_time:1.001193:decision_published_on")),
            missing.end())
      << r.raw.body;
}

// The index per procedure (issue 16 point 1): the same formulas over one procedure's dossiers,
// offer and feedback; the procedures' dossiers add up to the whole.
TEST_F(Statistics, Index766PerProcedure) {
  ApiClient anyone(server_->port());
  const std::string base = "/api/v1/statistics/index-766?from=2026-02&to=2026-03";
  const auto on_time_of = [&](const std::string& target) {
    const auto r = anyone.get(target);
    EXPECT_EQ(r.status, 200) << r.raw.body;
    return r.body.at("groups").at("progress").at("indices").at(0);
  };
  const auto all = on_time_of(base);
  const auto birth = on_time_of(base + "&procedure_code=1.001193");
  const auto marriage = on_time_of(base + "&procedure_code=1.000894");
  EXPECT_GT(birth.at("denominator").as_int64(), 0);
  EXPECT_EQ(birth.at("denominator").as_int64() + marriage.at("denominator").as_int64(),
            all.at("denominator").as_int64());
  EXPECT_EQ(birth.at("numerator").as_int64() + marriage.at("numerator").as_int64(),
            all.at("numerator").as_int64());
  // The drill-down keeps the procedure.
  EXPECT_NE(std::string(birth.at("drill_down_url").as_string()).find("procedure_code=1.001193"),
            std::string::npos)
      << birth;
  const auto bad = anyone.get(base + "&procedure_code=1.001193%26agency_id%3Dc2");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body.at("detail"), "procedure_code");
}

TEST_F(Statistics, Index766DrillsDownToDossiersForOfficialsOnly) {
  ApiClient anyone(server_->port());
  const std::string target = "/api/v1/statistics/index-766/on_time/items?from=2026-02&to=2026-03";
  const auto open = anyone.get(target + "&agency_id=c1");
  ASSERT_EQ(open.status, 200) << open.raw.body;
  EXPECT_FALSE(open.body.at("listed").as_bool());
  EXPECT_TRUE(open.body.at("items").as_array().empty());
  const auto counted = open.body.at("numerator").as_int64();
  EXPECT_EQ(open.body.at("denominator").as_int64(), 6);  // the seventh is c2's

  const auto led = leader_.get(target + "&agency_id=c1");
  ASSERT_EQ(led.status, 200) << led.raw.body;
  EXPECT_TRUE(led.body.at("listed").as_bool());
  const auto& items = led.body.at("items").as_array();
  EXPECT_EQ(items.size(), 6u);
  EXPECT_EQ(std::count_if(items.begin(), items.end(),
                          [](const json::value& i) { return i.at("counted").as_bool(); }),
            counted);
  EXPECT_EQ(led.body.at("total_items").as_int64(), 6);
  EXPECT_EQ(led.body.at("numerator").as_int64(), counted);  // from the rollup, as for anyone
  // c2 is not the leader's: counts only.
  EXPECT_FALSE(leader_.get(target + "&agency_id=c2").body.at("listed").as_bool());
  EXPECT_EQ(anyone.get("/api/v1/statistics/index-766/no_such/items").status, 404);

  // Paged: the pages put together are the whole list, in its order.
  json::array joined;
  for (int offset = 0; offset < 6; offset += 4) {
    const auto page =
        leader_.get(target + "&agency_id=c1&limit=4&offset=" + std::to_string(offset));
    ASSERT_EQ(page.status, 200) << page.raw.body;
    EXPECT_EQ(page.body.at("offset").as_int64(), offset);
    EXPECT_EQ(page.body.at("total_items").as_int64(), 6);
    for (const auto& item : page.body.at("items").as_array()) joined.push_back(item);
  }
  EXPECT_EQ(joined, items);
  EXPECT_TRUE(leader_.get(target + "&agency_id=c1&offset=6").body.at("items").as_array().empty());
  // A page that is not one: 422 naming the parameter, for anyone, before any work.
  for (const char* bad : {"&limit=0", "&limit=1001", "&limit=abc", "&offset=-1", "&offset=1e3"}) {
    const auto refused = anyone.get(target + bad);
    EXPECT_EQ(refused.status, 422) << bad;
    EXPECT_EQ(refused.body.at("code"), "invalid_page") << bad;
    EXPECT_EQ(std::string(bad).find(std::string(refused.body.at("detail").as_string())), 1u) << bad;
  }
}

TEST_F(Statistics, Index766InputsAreRecordedWithTheirSourceAndAudited) {
  const auto put = [&](ApiClient& c, json::object body) {
    return c.call("PUT", "/api/v1/admin/index-766-inputs", json::serialize(body),
                  {{"Content-Type", "application/json"}});
  };
  json::object decision{{"procedure_code", "1.001193"},
                        {"input_key", "decision_published_on"},
                        {"value", "2026-01-05"},
                        {"source", "Quyết định 12/QĐ-UBND ngày 05/01/2026"},
                        {"reason", "nhập theo quyết định công bố"}};
  EXPECT_EQ(put(leader_, decision).status, 403);
  auto no_source = decision;
  no_source["source"] = "";
  const auto refused = put(admin_, no_source);
  EXPECT_EQ(refused.status, 422) << refused.raw.body;
  ASSERT_EQ(put(admin_, decision).status, 200);
  json::object effective{{"procedure_code", "1.001193"},
                         {"input_key", "legal_basis_effective_on"},
                         {"value", "2026-01-20"},
                         {"source", "Thông tư 01/2026, Điều 30"},
                         {"reason", "nhập theo văn bản"}};
  const auto saved = put(admin_, effective);
  ASSERT_EQ(saved.status, 200) << saved.raw.body;
  EXPECT_EQ(saved.body.at("recorded_by"), "off-admin");

  const auto listed = admin_.get("/api/v1/admin/index-766-inputs");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body.at("inputs").as_array().size(), 2u);

  ApiClient anyone(server_->port());
  const auto r = anyone.get("/api/v1/statistics/index-766?from=2026-02&to=2026-03");
  const auto& publicity = r.body.at("groups").at("publicity");
  for (const auto& m : publicity.at("missing_inputs").as_array()) {
    EXPECT_NE(m.as_string().find("publication_on_time:1.001193"), 0u) << m;
  }
  // Announced Mon 05/01, effective Tue 20/01: more than 5 working days before. In time.
  const auto& publication = publicity.at("indices").at(0);
  EXPECT_EQ(publication.at("key"), "publication_on_time");
  EXPECT_EQ(publication.at("numerator").as_int64(), 1);
  EXPECT_EQ(publication.at("denominator").as_int64(), 1);
  EXPECT_DOUBLE_EQ(publication.at("points").as_double(), 6.0);

  const auto audit = admin_.get("/api/v1/admin/audit?action=index_766.");
  ASSERT_EQ(audit.status, 200) << audit.raw.body;
  EXPECT_NE(audit.raw.body.find("index_766.input_recorded"), std::string::npos);
}

// The periodic report's books balance and a dossier open at a period's end is carried into the
// next exactly once, whether it was paused at the boundary or not; one finished on the last day
// of a period is not carried at all.
TEST_F(Statistics, PeriodicReportCarriesOpenDossiersIntoTheNextPeriodExactlyOnce) {
  const auto report = [&](const std::string& query) {
    const auto r = leader_.get("/api/v1/statistics/periodic-report?agency_id=c1&" + query);
    EXPECT_EQ(r.status, 200) << query << r.raw.body;
    return r.body.at("total");
  };
  const auto balanced = [](const json::value& t) {
    return t.at("received").at("total").as_int64() ==
           t.at("resolved").at("total").as_int64() + t.at("in_progress").at("total").as_int64();
  };
  const auto jan = report("from=2026-01-01&to=2026-01-31");
  EXPECT_TRUE(balanced(jan)) << jan;
  EXPECT_EQ(jan.at("received").at("carried_over"), 0);
  EXPECT_EQ(jan.at("received").at("counter"), 4);
  EXPECT_EQ(jan.at("resolved").at("total"), 1);
  EXPECT_EQ(jan.at("resolved").at("late"), 1);
  EXPECT_EQ(jan.at("late_by_cause").at("official"), 1);  // the leader signed two days late
  EXPECT_EQ(jan.at("in_progress").at("total"), 3);
  // The dossier still paused has no overdue instant: within time, not lost between the columns.
  EXPECT_EQ(jan.at("in_progress").at("within_time"), 3);

  const auto feb = report("from=2026-02&to=2026-02");
  EXPECT_TRUE(balanced(feb)) << feb;
  // jan_open, jan_paused and jan_waiting, once each; jan_boundary not at all.
  EXPECT_EQ(feb.at("received").at("carried_over"), 3);
  EXPECT_EQ(feb.at("received").at("counter"), 3);
  EXPECT_EQ(feb.at("received").at("total"), 6);
  EXPECT_EQ(feb.at("resolved").at("total"), 5);
  EXPECT_EQ(feb.at("resolved").at("late"), 1);
  EXPECT_EQ(feb.at("in_progress").at("total"), 1);

  // Both months at once: nothing is carried in, every dossier is received once.
  const auto both = report("from=2026-01-01&to=2026-02-28");
  EXPECT_EQ(both.at("received").at("carried_over"), 0);
  EXPECT_EQ(both.at("received").at("total"), 7);
  EXPECT_EQ(both.at("resolved").at("total"), 6);
  EXPECT_TRUE(balanced(both)) << both;
  // The quarter, judged at the server's now (09/03): March's three are in progress.
  const auto q1 = report("from=2026-Q1&to=2026-Q1");
  EXPECT_TRUE(balanced(q1)) << q1;
  EXPECT_EQ(q1.at("received").at("total"), 10);
  EXPECT_EQ(q1.at("in_progress").at("total"), 4);
  EXPECT_EQ(q1.at("in_progress").at("within_time"), 3);
  EXPECT_EQ(q1.at("in_progress").at("overdue"), 1);
  const auto mar = report("from=2026-03&to=2026-03");
  EXPECT_EQ(mar.at("received").at("carried_over"), 1);  // the one still waiting

  const auto full = leader_.get("/api/v1/statistics/periodic-report?from=2026-02&to=2026-02");
  ASSERT_EQ(full.status, 200) << full.raw.body;
  EXPECT_EQ(ids_of(full.body.at("agencies")), std::vector<std::string>{"c1"});
  EXPECT_EQ(full.body.at("areas").as_array().size(), 1u);
  EXPECT_EQ(full.body.at("columns").at(3).at("vi"), "Kỳ trước chuyển qua");

  // Leaders only, over their own agencies; a malformed period names its field.
  ApiClient anyone(server_->port());
  EXPECT_EQ(anyone.get("/api/v1/statistics/periodic-report").status, 401);
  EXPECT_EQ(citizen_.get("/api/v1/statistics/periodic-report").status, 403);
  EXPECT_EQ(processing_.get("/api/v1/statistics/periodic-report.csv").status, 403);
  EXPECT_EQ(other_.get("/api/v1/statistics/periodic-report?agency_id=c1").status, 404);
  const auto bad = leader_.get("/api/v1/statistics/periodic-report?from=2026-02-30");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body.at("detail"), "from");
  EXPECT_TRUE(bad.body.at("message_vi").is_string());
  EXPECT_EQ(leader_.get("/api/v1/statistics/periodic-report?from=2026-03&to=2026-02").status, 422);
}

TEST_F(Statistics, PeriodicReportExportsAsCsvAndXlsxWithVietnameseHeaders) {
  const auto csv =
      leader_.get("/api/v1/statistics/periodic-report.csv?agency_id=c1&from=2026-02&to=2026-02");
  ASSERT_EQ(csv.status, 200) << csv.raw.body;
  EXPECT_EQ(csv.raw.header("Content-Type"), "text/csv; charset=utf-8");
  ASSERT_TRUE(csv.raw.body.starts_with("\xEF\xBB\xBF")) << "a byte-order mark for Excel";
  EXPECT_NE(csv.raw.body.find("Số hồ sơ nhận giải quyết - Kỳ trước chuyển qua"), std::string::npos);
  // The total line: 6 to handle, carried 3, counter 3, resolved 5.
  EXPECT_NE(csv.raw.body.find("\r\n,Tổng cộng,6,3,0,3,0,5,"), std::string::npos) << csv.raw.body;

  const auto xlsx =
      leader_.get("/api/v1/statistics/periodic-report.xlsx?agency_id=c1&from=2026-02&to=2026-02");
  ASSERT_EQ(xlsx.status, 200) << xlsx.raw.body;
  EXPECT_EQ(xlsx.raw.header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_TRUE(xlsx.raw.body.starts_with("PK")) << "an xlsx is a zip";
  const auto path = dir_.file("report.xlsx");
  {
    std::ofstream out(path, std::ios::binary);
    out << xlsx.raw.body;
  }
  const auto unzip = [&](const std::string& member) {
    std::string text;
    FILE* p = ::popen(("unzip -p '" + path + "' " + member).c_str(), "r");
    if (p == nullptr) return text;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) text.append(buf, n);
    ::pclose(p);
    return text;
  };
  const auto strings = unzip("xl/sharedStrings.xml");
  EXPECT_NE(strings.find("Số hồ sơ nhận giải quyết"), std::string::npos) << strings;
  EXPECT_NE(strings.find("Kỳ trước chuyển qua"), std::string::npos);
  EXPECT_NE(strings.find("Nguyên nhân quá hạn"), std::string::npos);
  EXPECT_NE(strings.find("Xã Một"), std::string::npos);
  const auto sheet = unzip("xl/worksheets/sheet1.xml");
  // The groups' titles are merged over their columns, as on the form: C4:G4 "received".
  EXPECT_NE(sheet.find("<mergeCell ref=\"C4:G4\"/>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<mergeCell ref=\"A4:A5\"/>"), std::string::npos);

  const auto pdf =
      leader_.get("/api/v1/statistics/periodic-report.pdf?agency_id=c1&from=2026-02&to=2026-02");
  ASSERT_EQ(pdf.status, 200) << pdf.raw.body;
  EXPECT_EQ(pdf.raw.header("Content-Type"), "application/pdf");
  EXPECT_TRUE(pdf.raw.body.starts_with("%PDF-"));
  EXPECT_EQ(other_.get("/api/v1/statistics/periodic-report.pdf?agency_id=c1").status, 404);
}

}  // namespace
}  // namespace motcua::testing

namespace motcua::testing {
namespace {

// Evaluation by the nine indices over February at commune c1 (docs/rules.md section 21), numbers
// worked by hand. Dossiers: 'early' (review early, decide on time), 'on_time' (both steps late),
// 'late' (review late, decide on time); all received at the one-stop unit u1, at the counter. The
// applicant rated 'early' (0 extra contacts, 1 body, courteous: 2/2/2) and 'late' (1 contact, 2
// bodies, harassing: 1/1/0); 'on_time' was not rated.
//   1 total time    (2 + 1 + 0) / 3 = 1.0
//   2 agency time   (1 + 0 + 0) / 3 = 0.33 -> 0.3
//   3 contacts      (2 + 1) / 2 = 1.5        4 bodies (2 + 1) / 2 = 1.5
//   5 one-stop      2.0                      6 publication: catalogued, no decision number: 1.0
//   7 attitude      (2 + 0) / 2 = 1.0        8 feedback: none in the period: 2.0
//   9 online        0 of 3 dossiers online (< 15%): 0.0
//   unit total 10.3 -> fair; each official (held a step of all three) 1.0 + 0.3 + 1.5 + 1.5 +
//   1.0 = 5.3 -> 100% of tasks.
class Evaluation : public Statistics {
 protected:
  void SetUp() override {
    Statistics::SetUp();
    server_.reset();
    auto store = store::open_store(db_);
    store->write([this](store::SqlConnection& db) {
      store::insert_rating(db, {ids_["early"], "citizen-an", "c1", "1.001193", 5, 0, 1, "courteous",
                                2, 2, 2, "", "2026-02-04T09:00:00+07:00"});
      store::insert_rating(db, {ids_["late"], "citizen-an", "c1", "1.001193", 2, 1, 2, "harassing",
                                1, 1, 0, "", "2026-02-07T09:00:00+07:00"});
    });
    store.reset();
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-09T09:00"});
    for (const auto& [client, user] :
         {std::pair{&leader_, "lanhdao"}, std::pair{&other_, "xahai"},
          std::pair{&admin_, "quantri"}, std::pair{&processing_, "chuyenvien"}}) {
      *client = ApiClient(server_->port());
      ASSERT_EQ(client->login(user, kPassword), 200) << user;
    }
  }

  static std::map<int, json::value> scores(const json::value& row, const char* field = "score") {
    std::map<int, json::value> out;
    for (const auto& i : row.at("indices").as_array()) {
      out[static_cast<int>(i.at("index").as_int64())] = i.at(field);
    }
    return out;
  }
};

TEST_F(Evaluation, UnitAndOfficialsScoredByHand) {
  const auto r = leader_.get("/api/v1/statistics/evaluation?from=2026-02&to=2026-02");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  ASSERT_EQ(ids_of(r.body.at("units"), "agency_id"), std::vector<std::string>{"c1"});
  const auto& unit = r.body.at("units").at(0);
  EXPECT_EQ(unit.at("dossiers"), 3);
  const auto s = scores(unit);
  const std::map<int, double> expected{{1, 1.0}, {2, 0.3}, {3, 1.5}, {4, 1.5}, {5, 2.0},
                                       {6, 1.0}, {7, 1.0}, {8, 2.0}, {9, 0.0}};
  for (const auto& [index, value] : expected) {
    EXPECT_DOUBLE_EQ(s.at(index).to_number<double>(), value) << "index " << index;
  }
  EXPECT_EQ(scores(unit, "scored").at(3), 2);  // the unrated dossier is left out of index 3
  EXPECT_DOUBLE_EQ(unit.at("total").to_number<double>(), 10.3);
  EXPECT_EQ(unit.at("band"), "fair");
  std::map<std::string, json::value> officials;
  for (const auto& o : unit.at("officials").as_array()) {
    officials[std::string(o.at("official_id").as_string())] = o;
  }
  ASSERT_EQ(officials.size(), 2u);
  for (const char* id : {"off-processing", "off-leader"}) {
    const auto& o = officials.at(id);
    EXPECT_EQ(o.at("dossiers"), 3) << id;
    EXPECT_EQ(o.at("indices").as_array().size(), 5u);
    EXPECT_DOUBLE_EQ(o.at("total").to_number<double>(), 5.3) << id;
    EXPECT_EQ(o.at("band"), "tasks_100") << id;
  }
}

TEST_F(Evaluation, OneDossierWithTheReasonOfEachIndex) {
  const auto r = leader_.get("/api/v1/dossiers/" + ids_["early"] + "/evaluation");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body.at("outcome"), "early");
  const auto points = scores(r.body, "points");
  const std::map<int, int> expected{{1, 2}, {2, 1}, {3, 2}, {4, 2}, {5, 2},
                                    {6, 1}, {7, 2}, {8, 2}, {9, 0}};
  for (const auto& [index, value] : expected) {
    EXPECT_EQ(points.at(index), value) << "index " << index;
  }
  EXPECT_EQ(r.body.at("indices").at(0).at("reason").at("en"), "Finished before the due date");
  const auto unrated = processing_.get("/api/v1/dossiers/" + ids_["on_time"] + "/evaluation");
  ASSERT_EQ(unrated.status, 200) << unrated.raw.body;
  EXPECT_TRUE(scores(unrated.body, "points").at(3).is_null());
  EXPECT_EQ(scores(unrated.body, "points").at(2), 0);
  const auto open = leader_.get("/api/v1/dossiers/" + ids_["overdue"] + "/evaluation");
  ASSERT_EQ(open.status, 200);
  for (const auto& i : open.body.at("indices").as_array()) EXPECT_TRUE(i.at("points").is_null());
}

TEST_F(Evaluation, OnlyLeadersOfTheAgencyAndThoseWhoSeeTheDossier) {
  EXPECT_EQ(other_.get("/api/v1/statistics/evaluation?agency_id=c1").status, 404);
  EXPECT_EQ(processing_.get("/api/v1/statistics/evaluation").status, 403);
  EXPECT_EQ(other_.get("/api/v1/dossiers/" + ids_["early"] + "/evaluation").status, 404);
  EXPECT_EQ(leader_.get("/api/v1/statistics/evaluation?from=2026-13").status, 422);
  ApiClient anyone(server_->port());
  EXPECT_EQ(anyone.get("/api/v1/statistics/evaluation").status, 401);
  EXPECT_EQ(anyone.get("/api/v1/dossiers/" + ids_["early"] + "/evaluation").status, 401);
  const auto both = admin_.get("/api/v1/statistics/evaluation?from=2026-02&to=2026-03");
  ASSERT_EQ(both.status, 200) << both.raw.body;
  EXPECT_EQ(ids_of(both.body.at("units"), "agency_id"), (std::vector<std::string>{"c1", "c2"}));
}

}  // namespace
}  // namespace motcua::testing
