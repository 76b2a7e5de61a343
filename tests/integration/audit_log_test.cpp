// The audit log screen over real HTTP: logins leave audit rows (a failed one as "anonymous", with
// the username tried and the client address, never the password), an administrator reads them
// filtered and paged, and anyone else is refused.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class AuditLog : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-02T09:00"});
  }
  void TearDown() override { server_.reset(); }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient admin_{0}, reception_{0};
};

TEST_F(AuditLog, FailedAndSuccessfulLoginsAreAuditedAndReadByAnAdministrator) {
  ApiClient stranger(server_->port());
  EXPECT_EQ(stranger.login("tiepnhan", "wrong password 123"), 401);
  ASSERT_NO_FATAL_FAILURE(
      log_in_all(server_->port(), {{&admin_, "quantri"}, {&reception_, "tiepnhan"}}));

  const auto failed = admin_.get("/api/v1/admin/audit?action=session.login_failed");
  ASSERT_EQ(failed.status, 200) << failed.raw.body;
  EXPECT_EQ(failed.body.at("total"), 1);
  const auto& row = failed.body.at("entries").at(0);
  EXPECT_EQ(row.at("actor_id"), "anonymous");
  EXPECT_EQ(row.at("object"), "session");
  EXPECT_EQ(row.at("details").at("username"), "tiepnhan");
  EXPECT_EQ(row.at("details").at("client_address"), "127.0.0.1");
  EXPECT_EQ(failed.raw.body.find("wrong password"), std::string::npos);

  // The family filter and the pages: two successful logins, newest first, one per page.
  const auto first = admin_.get("/api/v1/admin/audit?action=session.&per_page=1");
  ASSERT_EQ(first.status, 200) << first.raw.body;
  EXPECT_EQ(first.body.at("total"), 3);
  ASSERT_EQ(first.body.at("entries").as_array().size(), 1u);
  const auto second = admin_.get("/api/v1/admin/audit?action=session.logged_in&page=2&per_page=1");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.body.at("total"), 2);
  EXPECT_EQ(second.body.at("entries").at(0).at("details").at("username"), "quantri");
  const auto seq = [](const ApiResult& r) {
    return r.body.at("entries").at(0).at("seq").to_number<std::int64_t>();
  };
  EXPECT_GT(seq(first), seq(second));
  const auto by_actor = admin_.get("/api/v1/admin/audit?actor=anonymous");
  EXPECT_EQ(by_actor.body.at("total"), 1);
  const auto later = admin_.get("/api/v1/admin/audit?from=2026-03-03");
  EXPECT_EQ(later.body.at("total"), 0);

  const auto bad_page = admin_.get("/api/v1/admin/audit?per_page=500");
  EXPECT_EQ(bad_page.status, 422);
  EXPECT_EQ(bad_page.body.at("code"), "invalid_per_page");
  EXPECT_EQ(reception_.get("/api/v1/admin/audit").status, 403);
  EXPECT_EQ(ApiClient(server_->port()).get("/api/v1/admin/audit").status, 401);
}

// A login refused for rate (429) is audited like a failed one: who tried, from where, why.
TEST_F(AuditLog, ALoginRefusedForRateIsAudited) {
  ApiClient attacker(server_->port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(attacker.login("tiepnhan", "sai mật khẩu"), 401);
  EXPECT_EQ(attacker.login("tiepnhan", kPassword), 429);
  ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&admin_, "quantri"}}));
  const auto refused = admin_.get("/api/v1/admin/audit?action=session.login_throttled");
  ASSERT_EQ(refused.status, 200) << refused.raw.body;
  ASSERT_EQ(refused.body.at("total"), 1) << refused.raw.body;
  const auto& row = refused.body.at("entries").at(0);
  EXPECT_EQ(row.at("actor_id"), "anonymous");
  EXPECT_EQ(row.at("details").at("username"), "tiepnhan");
  EXPECT_EQ(row.at("details").at("client_address"), "127.0.0.1");
  EXPECT_NE(std::string(row.at("reason").as_string()).find("too many"), std::string::npos);
}

// A flood of refused logins writes one audit row per username and address per throttle window,
// not one per attempt; the refusals answered without a row are counted in the pair's next row.
TEST_F(AuditLog, AFloodOfRefusedLoginsWritesOneRowPerWindow) {
  ApiClient attacker(server_->port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(attacker.login("tiepnhan", "sai mật khẩu"), 401);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(attacker.login("tiepnhan", "sai mật khẩu"), 429);
  ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&admin_, "quantri"}}));
  const auto refused = admin_.get("/api/v1/admin/audit?action=session.login_throttled");
  ASSERT_EQ(refused.status, 200) << refused.raw.body;
  ASSERT_EQ(refused.body.at("total"), 1) << refused.raw.body;
  EXPECT_EQ(refused.body.at("entries").at(0).at("details").at("suppressed"), 0);
  // The next window and the count of suppressed refusals: app/accounts/login_refusals_test.cpp.
}

// Every administrative write leaves an audit row naming its actor and action (issue 13, point 5):
// each admin write route is called once, and the newest row of the audit screen must be its own.
TEST(AdminWrites, EveryAdministrativeWriteLeavesAnAuditRow) {
  IntegrationDatabase database;
  seed_fixture(database.name());
  seed_administrator(database.name());
  // A commune-level procedure, so that the process template has something to create.
  store::open_store(database.name())->write([](store::SqlConnection& db) {
    db.execute("UPDATE procedures SET level = 'commune' WHERE code = '1.000894'");
  });
  // 2027 is past the calendar data: a year the administrator can import.
  ServerProcess server(
      kBinary, database.name(),
      std::vector<std::string>{"--fake-now", "2027-01-04T09:00", "--calendar-dir",
                               std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
  ApiClient admin(server.port());
  ASSERT_NO_FATAL_FAILURE(log_in_all(server.port(), {{&admin, "quantri"}}));
  const auto send = [&](const std::string& method, const std::string& target,
                        const json::value& body) {
    return admin.call(method, target, json::serialize(body),
                      {{"Content-Type", "application/json"}});
  };
  const auto expect_audited = [&](const ApiResult& answer, const std::string& route,
                                  const char* action) {
    ASSERT_LT(answer.status, 300) << route << ": " << answer.raw.body;
    const auto newest = admin.get("/api/v1/admin/audit?per_page=1");
    ASSERT_EQ(newest.status, 200) << newest.raw.body;
    const auto& row = newest.body.at("entries").at(0);
    EXPECT_EQ(row.at("action"), action) << route << ": " << newest.raw.body;
    EXPECT_EQ(row.at("actor_id"), "off-admin") << route;
  };

  json::array steps{{{"id", "receive"},
                     {"name", "Tiếp nhận hồ sơ"},
                     {"responsible", {{"role", "reception"}}},
                     {"budget", "4 hours"},
                     {"actions", json::array{{{"kind", "forward"}, {"target", "decide"}}}}},
                    {{"id", "decide"},
                     {"name", "Phê duyệt"},
                     {"responsible", {{"role", "leader"}}},
                     {"budget", "16 hours"},
                     {"actions", json::array{{{"kind", "approve"}, {"target", "return"}},
                                             {{"kind", "refuse"}, {"target", "return"}}}}},
                    {{"id", "return"},
                     {"name", "Trả kết quả"},
                     {"responsible", {{"role", "reception"}}},
                     {"budget", "4 hours"},
                     {"actions", json::array{{{"kind", "return_result"}}}}}};
  expect_audited(send("PUT", "/api/v1/processes/kiem-tra-c1",
                      {{"id", "kiem-tra-c1"},
                       {"procedure_code", "1.001193"},
                       {"agency_id", "c1"},
                       {"version", 1},
                       {"legal_limit", "3 working-days"},
                       {"steps", steps}}),
                 "PUT processes", "process.saved");

  auto created = send("POST", "/api/v1/admin/users",
                      {{"username", "moi.c1"},
                       {"display_name", "Ngô Văn Mới"},
                       {"temporary_password", "tam-thoi-2027-xyz"},
                       {"grants", json::array{{{"role", "processing"}, {"agency_id", "c1"}}}},
                       {"reason", "Tuyển dụng"}});
  expect_audited(created, "POST users", "user.created");
  const std::string user = "/api/v1/admin/users/" + std::string(created.body.at("id").as_string());
  expect_audited(
      send("PATCH", user,
           {{"display_name", "Ngô Văn Mới (C1)"}, {"expected_version", 1}, {"reason", "Sửa tên"}}),
      "PATCH users", "user.updated");
  expect_audited(send("PUT", user + "/roles/leader/c1", {{"reason", "Phân công"}}), "PUT roles",
                 "user.role_granted");
  expect_audited(send("DELETE", user + "/roles/leader/c1", {{"reason", "Điều chuyển"}}),
                 "DELETE roles", "user.role_revoked");
  expect_audited(send("POST", user + "/password", {{"reason", "Quên mật khẩu"}}), "POST password",
                 "user.password_reset");

  expect_audited(send("PUT", "/api/v1/procedures/1.000894/local-terms?agency_id=c1",
                      {{"limits", {{"counter", "7 working-days"}}},
                       {"expected_version", 0},
                       {"reason", "Quyết định 12"}}),
                 "PUT local-terms", "procedure.local_terms_saved");

  const auto listed = admin.get("/api/v1/calendar/years?from=2027&to=2027");
  ASSERT_EQ(listed.status, 200) << listed.raw.body;
  json::array days;
  for (const auto& d : listed.body.at("years").at(0).at("days").as_array())
    days.push_back({{"date", d.at("date")}, {"kind", d.at("kind")}, {"name", d.at("name")}});
  json::object year{{"year", 2027}, {"country", "VN"}, {"reason", "Công văn 1"}, {"days", days}};
  const auto imported = send("POST", "/api/v1/calendar/years/2027", year);
  expect_audited(imported, "POST calendar", "calendar.year_imported");
  year["reason"] = "Công văn 2";
  year["expected_version"] = imported.body.at("version");
  expect_audited(send("PUT", "/api/v1/calendar/years/2027", year), "PUT calendar",
                 "calendar.year_imported");

  expect_audited(send("PATCH", "/api/v1/admin/agencies/c1",
                      {{"name", "Phường Một"},
                       {"expected", {{"name", "Xã Một"}}},
                       {"reason", "Nghị quyết sắp xếp"}}),
                 "PATCH agencies", "agency.updated");
  expect_audited(send("POST", "/api/v1/admin/one-stop-units",
                      {{"id", "u1-diem-2"},
                       {"agency_id", "c1"},
                       {"name", "Điểm tiếp nhận số 2"},
                       {"address", "12 Trần Hưng Đạo"},
                       {"reason", "Mở thêm điểm"}}),
                 "POST one-stop-units", "one_stop_unit.created");
  expect_audited(send("PATCH", "/api/v1/admin/one-stop-units/u1-diem-2",
                      {{"address", "14 Trần Hưng Đạo"}, {"reason", "Chuyển trụ sở"}}),
                 "PATCH one-stop-units", "one_stop_unit.updated");
  const json::object setup{{"province_id", "p1"}, {"reason", "khởi tạo tỉnh"}};
  expect_audited(send("POST", "/api/v1/admin/setup/one-stop-units", setup),
                 "POST setup one-stop-units", "one_stop_unit.created");
  expect_audited(send("POST", "/api/v1/admin/setup/processes", setup), "POST setup processes",
                 "process.saved");
  expect_audited(send("PUT", "/api/v1/admin/warning-hours", {{"hours", 4}, {"reason", "Sát hạn"}}),
                 "PUT warning-hours", "setting.changed");
  auto service =
      send("POST", "/api/v1/admin/queue/services", {{"unit_id", "u1"}, {"name", "Hộ tịch"}});
  expect_audited(service, "POST queue services", "queue.service_added");
  expect_audited(
      send("POST", "/api/v1/admin/queue/counters",
           {{"unit_id", "u1"}, {"number", 2}, {"service_ids", json::array{service.body.at("id")}}}),
      "POST queue counters", "queue.counter_added");
}

}  // namespace
}  // namespace motcua::testing
