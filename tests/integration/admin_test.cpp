// Administration over real HTTP against the real binary: officials and roles, local terms of a
// procedure per agency, and the import of an announced calendar year that the running server
// then uses (new dossiers and the stored due dates of open ones), each change audited.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
const std::string kCalendarDir = std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn";

class Admin : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    start();
    provisional_2027_ = find_year(2027);
  }
  void TearDown() override { server_.reset(); }

  // Monday 4 January 2027: the data files stop at 2026, so 2027 is provisional.
  void start() {
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2027-01-04T09:00", "--calendar-dir", kCalendarDir});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(), {{&admin_, "quantri"}, {&reception_, "tiepnhan"}}));
  }

  ApiResult send(const ApiClient& who, const std::string& method, const std::string& target,
                 const json::value& body) {
    return who.call(method, target, json::serialize(body), {{"Content-Type", "application/json"}});
  }

  std::vector<store::AuditEntry> audit(const std::string& object) {
    server_.reset();
    auto store = store::open_store(db_);
    std::vector<store::AuditEntry> out;
    store->read([&](store::SqlConnection& db) { out = store::audit_of(db, object); });
    return out;
  }

  static std::vector<std::string> codes(const json::value& body) {
    std::vector<std::string> out;
    for (const auto& p : body.at("problems").as_array()) out.emplace_back(p.at("code").as_string());
    return out;
  }

  // The provisional 2027 (Labour Code days, as the server lists them) with a swap announced:
  // Tuesday 5 and Wednesday 6 January given off, paid back by Saturday 9 January.
  json::object year_2027(const std::string& reason) {
    json::array days;
    for (const auto& d : provisional_2027_.at("days").as_array()) {
      days.push_back({{"date", d.at("date")}, {"kind", d.at("kind")}, {"name", d.at("name")}});
    }
    days.push_back({{"date", "2027-01-05"}, {"kind", "swap_off"}, {"name", "Nghỉ hoán đổi"}});
    days.push_back({{"date", "2027-01-06"}, {"kind", "swap_off"}, {"name", "Nghỉ hoán đổi"}});
    days.push_back({{"date", "2027-01-09"}, {"kind", "makeup_workday"}, {"name", "Làm bù"}});
    return {{"year", 2027}, {"country", "VN"}, {"reason", reason}, {"days", std::move(days)}};
  }

  json::object find_year(int year) {
    auto listed = admin_.get("/api/v1/calendar/years?from=" + std::to_string(year) +
                             "&to=" + std::to_string(year));
    EXPECT_EQ(listed.status, 200);
    return listed.body.at("years").as_array().at(0).as_object();
  }

  std::string counter_dossier(const std::string& procedure = "1.000894") {
    auto created =
        reception_.post("/api/v1/dossiers", json::object{{"procedure_code", procedure},
                                                         {"agency_id", "c1"},
                                                         {"receiving_unit_id", "u1"},
                                                         {"channel", "counter"},
                                                         {"applicant", {{"name", "Đỗ Thị Cúc"}}}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    return std::string(created.body.at("id").as_string());
  }

  std::string due_of(const std::string& id) {
    auto detail = reception_.get("/api/v1/dossiers/" + id);
    EXPECT_EQ(detail.status, 200);
    return std::string(detail.body.at("due").as_string());
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient admin_{0}, reception_{0};
  json::object provisional_2027_;
};

// Two servers on one database (several servers behind a load balancer): a year imported through
// one reaches the other's deadlines within its calendar check period, without a restart.
TEST_F(Admin, AnotherServerOnTheSameDatabaseFollowsAnImportedYear) {
  ServerProcess other(kBinary, db_,
                      std::vector<std::string>{"--fake-now", "2027-01-04T09:00", "--calendar-dir",
                                               kCalendarDir, "--calendar-check-ms", "200"});
  ApiClient other_reception{0};
  ASSERT_NO_FATAL_FAILURE(log_in_all(other.port(), {{&other_reception, "tiepnhan"}}));
  const auto other_due = [&] {
    auto created = other_reception.post("/api/v1/dossiers",
                                        json::object{{"procedure_code", "1.000894"},
                                                     {"agency_id", "c1"},
                                                     {"receiving_unit_id", "u1"},
                                                     {"channel", "counter"},
                                                     {"applicant", {{"name", "Đỗ Thị Cúc"}}}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    return std::string(created.body.at("due").as_string());
  };
  // Under the provisional 2027 on both.
  EXPECT_EQ(other_due(), "2027-01-11T09:00:00+07:00");
  ASSERT_EQ(
      send(admin_, "POST", "/api/v1/calendar/years/2027", year_2027("Công văn 1234/BNV")).status,
      201);
  std::string due;
  for (int i = 0; i < 50; ++i) {
    due = other_due();
    if (due == "2027-01-12T09:00:00+07:00") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(due, "2027-01-12T09:00:00+07:00");
}

TEST_F(Admin, ImportedYearReplacesTheProvisionalOneAndMovesOpenDossiersDueDates) {
  auto before = find_year(2027);
  EXPECT_EQ(before.at("source"), "provisional");
  EXPECT_EQ(before.at("provisional"), true);
  EXPECT_EQ(find_year(2026).at("source"), "file");

  // Received Monday 09:00 with 5 working days: due the next Monday under the provisional year.
  const auto open = counter_dossier();
  EXPECT_EQ(due_of(open), "2027-01-11T09:00:00+07:00");

  // The preview says what would change and stores nothing.
  auto preview = send(admin_, "POST", "/api/v1/calendar/years/2027?dry_run=true",
                      year_2027("Công văn 1234/BNV"));
  ASSERT_EQ(preview.status, 200) << preview.raw.body;
  EXPECT_EQ(preview.body.at("changed_days").as_array().size(), 3u);
  EXPECT_EQ(preview.body.at("dossiers_changed"), 1);
  EXPECT_EQ(find_year(2027).at("source"), "provisional");

  EXPECT_EQ(send(admin_, "POST", "/api/v1/calendar/years/2027", year_2027("  ")).body.at("code"),
            "reason_required");
  auto imported =
      send(admin_, "POST", "/api/v1/calendar/years/2027", year_2027("Công văn 1234/BNV"));
  ASSERT_EQ(imported.status, 201) << imported.raw.body;
  EXPECT_EQ(imported.body.at("version"), 1);
  EXPECT_EQ(imported.body.at("provisional_before"), true);
  EXPECT_EQ(imported.body.at("provisional"), false);
  ASSERT_EQ(imported.body.at("dossiers").as_array().size(), 1u);
  EXPECT_EQ(imported.body.at("dossiers").as_array()[0].at("due_after"),
            "2027-01-12T09:00:00+07:00");

  auto after = find_year(2027);
  EXPECT_EQ(after.at("source"), "database");
  EXPECT_EQ(after.at("provisional"), false);
  EXPECT_EQ(after.at("version"), 1);
  // The running server uses it at once: the open dossier's stored due date and a new dossier.
  EXPECT_EQ(due_of(open), "2027-01-12T09:00:00+07:00");
  auto queue = reception_.get("/api/v1/queue");
  ASSERT_EQ(queue.status, 200);
  EXPECT_EQ(queue.body.as_array().at(0).at("due"), "2027-01-12T09:00:00+07:00");
  EXPECT_EQ(due_of(counter_dossier()), "2027-01-12T09:00:00+07:00");

  // A second import of the same year must say which version it replaces.
  auto stale = send(admin_, "POST", "/api/v1/calendar/years/2027", year_2027("lần hai"));
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.body.at("code"), "calendar_version_mismatch");
  auto replacement = year_2027("Công văn 1300/BNV đính chính");
  replacement["expected_version"] = 1;
  auto& days = replacement["days"].as_array();
  days.pop_back();  // no make-up Saturday
  days.pop_back();  // nor the 6th off
  auto replaced = send(admin_, "PUT", "/api/v1/calendar/years/2027", replacement);
  ASSERT_EQ(replaced.status, 200) << replaced.raw.body;
  EXPECT_EQ(replaced.body.at("version"), 2);
  EXPECT_EQ(due_of(open), "2027-01-12T09:00:00+07:00");  // Tue 5 off only: still the 12th

  // Stored: a restart keeps using it, and the audit log has both imports with their reasons.
  server_.reset();
  start();
  EXPECT_EQ(find_year(2027).at("source"), "database");
  EXPECT_EQ(find_year(2027).at("version"), 2);
  const auto entries = audit("calendar:2027");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].actor_id, "off-admin");
  EXPECT_EQ(entries[0].reason, "Công văn 1234/BNV");
  EXPECT_EQ(entries[1].action, "calendar.year_imported");
}

TEST_F(Admin, InvalidYearsComeBackWithEveryProblem) {
  json::object bad{{"year", 2027},
                   {"days", json::array{
                                {{"date", "2027-01-05"}, {"kind", "swap_off"}, {"name", "A"}},
                                {{"date", "2027-01-05"}, {"kind", "holiday"}, {"name", "B"}},
                                {{"date", "2027-01-07"}, {"kind", "makeup_workday"}, {"name", "C"}},
                                {{"date", "2028-01-01"}, {"kind", "holiday"}, {"name", "D"}},
                                {{"date", "2027-02-02"}, {"kind", "vacation"}, {"name", "E"}},
                            }}};
  bad["reason"] = "thử";
  auto refused = send(admin_, "POST", "/api/v1/calendar/years/2027", bad);
  ASSERT_EQ(refused.status, 422) << refused.raw.body;
  EXPECT_EQ(refused.body.at("code"), "invalid_calendar");
  const auto found = codes(refused.body);
  for (const char* code :
       {"duplicate_day", "makeup_not_weekend", "date_outside_year", "unknown_kind"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), code), found.end()) << code;
  }
  EXPECT_EQ(send(admin_, "POST", "/api/v1/calendar/years/2026", year_2027("x")).status, 422);
  // Officials other than administrators, and requests without the CSRF token, change nothing.
  EXPECT_EQ(send(reception_, "POST", "/api/v1/calendar/years/2027", year_2027("x")).status, 403);
  auto no_csrf = admin_.call("POST", "/api/v1/calendar/years/2027", json::serialize(year_2027("x")),
                             {{"Content-Type", "application/json"}}, false);
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(find_year(2027).at("source"), "provisional");
}

TEST_F(Admin, LocalTermsOfAnAgencyApplyToItsProcedurePageAndItsDossiers) {
  const std::string url = "/api/v1/procedures/1.000894/local-terms?agency_id=c1";
  auto empty = admin_.get(url);
  ASSERT_EQ(empty.status, 200) << empty.raw.body;
  EXPECT_TRUE(empty.body.at("own").is_null());
  EXPECT_EQ(empty.body.at("effective").at("limits").at("counter"), "5 working-days");

  json::object terms{{"limits", {{"counter", "7 working-days"}}},
                     {"fees_note", "Miễn lệ phí"},
                     {"receiving_address", "Số 1 đường Một, xã Một"},
                     {"note", "Quyết định 12/QĐ-UBND"},
                     {"expected_version", 0}};
  EXPECT_EQ(send(admin_, "PUT", url, terms).body.at("code"), "reason_required");
  terms["reason"] = "Quyết định 12/QĐ-UBND của UBND xã";
  EXPECT_EQ(send(reception_, "PUT", url, terms).status, 403);
  auto saved = send(admin_, "PUT", url, terms);
  ASSERT_EQ(saved.status, 200) << saved.raw.body;
  EXPECT_EQ(saved.body.at("own").at("version"), 1);
  EXPECT_EQ(saved.body.at("effective").at("limits").at("counter"), "7 working-days");
  // Someone saving from the same read later collides.
  auto collided = send(admin_, "PUT", url, terms);
  EXPECT_EQ(collided.status, 409);
  EXPECT_EQ(collided.body.at("code"), "local_terms_version_mismatch");
  auto invalid = terms;
  invalid["limits"] = {{"counter", "bảy ngày"}, {"fax", "1 days"}};
  invalid["rule"] = "lunar";
  auto refused = send(admin_, "PUT", url, invalid);
  ASSERT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body.at("problems").as_array().size(), 3u);
  EXPECT_EQ(refused.body.at("problems").as_array()[0].at("field"), "limits.counter");

  // The public procedure page shows them for that agency only.
  auto page = reception_.get("/api/v1/procedures/1.000894?agency_id=c1");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.at("document").at("limits").at("counter"), "7 working-days");
  EXPECT_EQ(page.body.at("document").at("receiving_address"), "Số 1 đường Một, xã Một");
  EXPECT_EQ(page.body.at("document").at("local_terms").at("fees_note"), "Miễn lệ phí");
  auto other = reception_.get("/api/v1/procedures/1.000894?agency_id=c2");
  EXPECT_EQ(other.body.at("document").at("limits").at("counter"), "5 working-days");
  EXPECT_TRUE(other.body.at("document").at("local_terms").is_null());
  // And a dossier received there is timed by them: 7 working days from Monday 4 January 2027
  // (provisional year: 1 January only) is Wednesday 13 January.
  EXPECT_EQ(due_of(counter_dossier()), "2027-01-13T09:00:00+07:00");

  const auto entries = audit("procedure:1.000894@c1");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "procedure.local_terms_saved");
}

TEST_F(Admin, AdministratorCreatesAnOfficialGrantsRolesAndDisablesThem) {
  EXPECT_EQ(reception_.get("/api/v1/admin/users").status, 403);
  json::object official{{"username", "moi.c1"},
                        {"display_name", "Ngô Văn Mới"},
                        {"temporary_password", "tam-thoi-2027-xyz"},
                        {"grants", json::array{{{"role", "processing"}, {"agency_id", "c1"}}}},
                        {"reason", "Tuyển dụng theo Quyết định 5/QĐ"}};
  auto weak = official;
  weak["temporary_password"] = "123";
  EXPECT_EQ(send(admin_, "POST", "/api/v1/admin/users", weak).body.at("code"), "weak_password");
  auto created = send(admin_, "POST", "/api/v1/admin/users", official);
  ASSERT_EQ(created.status, 201) << created.raw.body;
  EXPECT_EQ(created.raw.body.find("argon2"), std::string::npos);
  EXPECT_EQ(created.raw.body.find("password"), std::string::npos);
  const std::string id(created.body.at("id").as_string());
  EXPECT_EQ(send(admin_, "POST", "/api/v1/admin/users", official).status, 409);  // taken

  ApiClient newcomer(server_->port());
  ASSERT_EQ(newcomer.login("moi.c1", "tam-thoi-2027-xyz"), 200);
  auto listed = admin_.get("/api/v1/admin/users?q=moi");
  ASSERT_EQ(listed.status, 200);
  ASSERT_EQ(listed.body.as_array().size(), 1u);
  EXPECT_EQ(listed.body.as_array()[0].at("grants").as_array().size(), 1u);
  EXPECT_EQ(admin_.get("/api/v1/admin/users").raw.body.find("argon2"), std::string::npos);

  const std::string roles = "/api/v1/admin/users/" + id + "/roles/leader/c1";
  EXPECT_EQ(send(admin_, "PUT", roles, json::object{}).body.at("code"), "reason_required");
  auto granted = send(admin_, "PUT", roles, json::object{{"reason", "Phân công lãnh đạo"}});
  ASSERT_EQ(granted.status, 200) << granted.raw.body;
  EXPECT_EQ(granted.body.at("grants").as_array().size(), 2u);
  EXPECT_EQ(granted.body.at("version"), 2);
  auto revoked = send(admin_, "DELETE", roles, json::object{{"reason", "Điều chuyển"}});
  ASSERT_EQ(revoked.status, 200);
  EXPECT_EQ(revoked.body.at("grants").as_array().size(), 1u);
  EXPECT_EQ(send(admin_, "PUT", "/api/v1/admin/users/" + id + "/roles/mayor/c1",
                 json::object{{"reason", "x"}})
                .status,
            422);

  const std::string user_url = "/api/v1/admin/users/" + id;
  auto stale = send(admin_, "PATCH", user_url,
                    json::object{{"disabled", true}, {"expected_version", 1}, {"reason", "x"}});
  EXPECT_EQ(stale.status, 409);
  auto disabled = send(admin_, "PATCH", user_url,
                       json::object{{"disabled", true},
                                    {"display_name", "Ngô Văn Mới (nghỉ)"},
                                    {"expected_version", 3},
                                    {"reason", "Nghỉ việc"}});
  ASSERT_EQ(disabled.status, 200) << disabled.raw.body;
  EXPECT_EQ(disabled.body.at("disabled"), true);
  // Logged out at once, and no new login.
  EXPECT_EQ(newcomer.get("/api/v1/queue").status, 401);
  EXPECT_EQ(ApiClient(server_->port()).login("moi.c1", "tam-thoi-2027-xyz"), 401);
  // An administrator cannot lock themselves out.
  EXPECT_EQ(send(admin_, "PATCH", "/api/v1/admin/users/off-admin",
                 json::object{{"disabled", true}, {"expected_version", 1}, {"reason", "x"}})
                .status,
            409);

  const auto entries = audit(id);
  ASSERT_EQ(entries.size(), 4u);  // created, granted, revoked, updated
  EXPECT_EQ(entries[0].action, "user.created");
  EXPECT_EQ(entries[3].reason, "Nghỉ việc");
}

}  // namespace
}  // namespace motcua::testing
