// Passwords over HTTP: a user changes their own (the current one required, every old session
// ended), an administrator resets an official's (a temporary password shown once, the official's
// sessions ended, and a forced change: every call but the change answers 403
// password_change_required until it is done). Both are audited.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

std::string text(const json::value& v, const char* key) {
  return std::string(v.as_object().at(key).as_string());
}

std::vector<std::string> audit_actions(const std::string& db, const std::string& object) {
  std::vector<std::string> out;
  auto store = store::open_store(db);
  store->read([&](store::SqlConnection& c) {
    for (const auto& e : store::audit_of(c, object)) out.push_back(e.actor_id + " " + e.action);
  });
  return out;
}

TEST(Passwords, UserChangesOwnPasswordAndOldSessionsEnd) {
  IntegrationDatabase database;
  seed_fixture(database.name());
  ServerProcess server(kBinary, database.name());
  ApiClient first(server.port()), second(server.port());
  ASSERT_NO_FATAL_FAILURE(log_in_all(server.port(), {{&first, "tiepnhan"}, {&second, "tiepnhan"}}));

  const auto wrong = first.post("/api/v1/session/password",
                                json::object{{"current_password", "not the password"},
                                             {"new_password", "mat khau moi rat dai"}});
  EXPECT_EQ(wrong.status, 422);
  EXPECT_EQ(text(wrong.body, "code"), "wrong_current_password");
  EXPECT_NE(text(wrong.body, "detail").find("current_password"), std::string::npos);

  const auto weak =
      first.post("/api/v1/session/password",
                 json::object{{"current_password", kPassword}, {"new_password", "x"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_NE(text(weak.body, "detail").find("new_password"), std::string::npos);

  const auto changed = first.post(
      "/api/v1/session/password",
      json::object{{"current_password", kPassword}, {"new_password", "mat khau moi rat dai"}});
  ASSERT_EQ(changed.status, 200) << changed.raw.body;
  EXPECT_FALSE(changed.body.at("must_change_password").as_bool());
  EXPECT_NE(changed.raw.header("Set-Cookie").find("motcua_session="), std::string::npos);

  // Both old sessions ended, the one that made the change too (its new cookie replaces it).
  EXPECT_EQ(first.get("/api/v1/session").status, 401);
  EXPECT_EQ(second.get("/api/v1/session").status, 401);
  ApiClient again(server.port());
  EXPECT_EQ(again.login("tiepnhan", kPassword), 401);
  EXPECT_EQ(again.login("tiepnhan", "mat khau moi rat dai"), 200);
  EXPECT_EQ(audit_actions(database.name(), "off-reception"),
            std::vector<std::string>{"off-reception user.password_changed"});
}

TEST(Passwords, AdministratorResetForcesAChangeAtNextLogin) {
  IntegrationDatabase database;
  seed_fixture(database.name());
  seed_administrator(database.name());
  ServerProcess server(kBinary, database.name());
  ApiClient admin(server.port()), official(server.port()), reception(server.port());
  ASSERT_NO_FATAL_FAILURE(log_in_all(
      server.port(), {{&admin, "quantri"}, {&official, "chuyenvien"}, {&reception, "tiepnhan"}}));

  // Only administrators reset, and a reason is required.
  EXPECT_EQ(reception
                .post("/api/v1/admin/users/off-processing/password",
                      json::object{{"reason", "quên mật khẩu"}})
                .status,
            403);
  const auto no_reason = admin.post("/api/v1/admin/users/off-processing/password", json::object{});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(text(no_reason.body, "code"), "reason_required");

  const auto reset = admin.post("/api/v1/admin/users/off-processing/password",
                                json::object{{"reason", "quên mật khẩu"}});
  ASSERT_EQ(reset.status, 200) << reset.raw.body;
  EXPECT_TRUE(reset.body.at("generated").as_bool());
  const auto temporary = text(reset.body, "temporary_password");
  EXPECT_GE(temporary.size(), 10u);

  // The official's session ended with the reset; the old password no longer works.
  EXPECT_EQ(official.get("/api/v1/session").status, 401);
  ApiClient next(server.port());
  EXPECT_EQ(next.login("chuyenvien", kPassword), 401);
  ASSERT_EQ(next.login("chuyenvien", temporary), 200);
  const auto session = next.get("/api/v1/session");
  ASSERT_EQ(session.status, 200);
  EXPECT_TRUE(session.body.at("must_change_password").as_bool());
  const auto blocked = next.get("/api/v1/queue");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(text(blocked.body, "code"), "password_change_required");

  const auto changed = next.post(
      "/api/v1/session/password",
      json::object{{"current_password", temporary}, {"new_password", "mat khau rieng cua toi"}});
  ASSERT_EQ(changed.status, 200) << changed.raw.body;
  EXPECT_FALSE(changed.body.at("must_change_password").as_bool());
  ApiClient after(server.port());
  ASSERT_EQ(after.login("chuyenvien", "mat khau rieng cua toi"), 200);
  EXPECT_FALSE(after.get("/api/v1/session").body.at("must_change_password").as_bool());
  EXPECT_NE(after.get("/api/v1/queue").status, 403);

  EXPECT_EQ(audit_actions(database.name(), "off-processing"),
            (std::vector<std::string>{"off-admin user.password_reset",
                                      "off-processing user.password_changed"}));
}

TEST(Passwords, AdministratorMayChooseTheTemporaryPassword) {
  IntegrationDatabase database;
  seed_fixture(database.name());
  seed_administrator(database.name());
  ServerProcess server(kBinary, database.name());
  ApiClient admin(server.port());
  ASSERT_NO_FATAL_FAILURE(log_in_all(server.port(), {{&admin, "quantri"}}));
  const auto weak = admin.post("/api/v1/admin/users/off-leader/password",
                               json::object{{"temporary_password", "short"}, {"reason", "r"}});
  EXPECT_EQ(weak.status, 422);
  EXPECT_NE(text(weak.body, "detail").find("temporary_password"), std::string::npos);
  const auto reset =
      admin.post("/api/v1/admin/users/off-leader/password",
                 json::object{{"temporary_password", "tam thoi 2026"}, {"reason", "nghỉ phép"}});
  ASSERT_EQ(reset.status, 200) << reset.raw.body;
  EXPECT_FALSE(reset.body.at("generated").as_bool());
  ApiClient leader(server.port());
  ASSERT_EQ(leader.login("lanhdao", "tam thoi 2026"), 200);
  EXPECT_EQ(leader.get("/api/v1/approvals").status, 403);
}

}  // namespace
}  // namespace motcua::testing
