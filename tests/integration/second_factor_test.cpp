// Officials' second factor (issue 15 point 4): TOTP enrolment over the API (secret, otpauth:// URI
// and QR code shown once, confirmed by a first code), the code asked for at login after the
// password, a code never accepted twice, recovery codes, a role requiring the factor, and an
// administrator's reset. Codes are computed here from the enrolled secret with the RFC 6238
// functions the server uses (their vectors are checked in app/accounts/totp_test.cpp).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ctime>

#include "api_client.hpp"
#include "app/accounts/totp.hpp"
#include "fixture.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class SecondFactor : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--second-factor-key-file", dir_.file("second-factor.key")});
  }

  // POST /api/v1/session with a code; answers the status and the problem code.
  std::pair<int, std::string> log_in(const std::string& user, const std::string& code) {
    ApiClient anon(server_->port());
    json::object body{{"username", user}, {"password", kPassword}};
    if (!code.empty()) body["code"] = code;
    const auto r = anon.post("/api/v1/session", body);
    const auto* problem = r.body.is_object() ? r.body.as_object().if_contains("code") : nullptr;
    return {r.status, problem ? std::string(problem->as_string()) : std::string()};
  }

  static std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(SecondFactor, AnEnrolledOfficialLogsInWithAFreshCodeOrARecoveryCode) {
  ApiClient official(server_->port());
  ASSERT_EQ(official.login("tiepnhan", kPassword), 200);
  EXPECT_EQ(official.get("/api/v1/me/second-factor").body.at("enrolled"), false);
  auto started = official.post("/api/v1/me/second-factor", json::object{});
  ASSERT_EQ(started.status, 201) << started.raw.body;
  const std::string uri(started.body.at("otpauth_uri").as_string());
  EXPECT_EQ(uri.rfind("otpauth://totp/MotCua:tiepnhan?secret=", 0), 0u) << uri;
  EXPECT_NE(started.body.at("qr_svg").as_string().find("<svg"), std::string::npos);
  const auto secret = *app::totp::from_base32(started.body.at("secret").as_string());

  auto confirmed = official.post("/api/v1/me/second-factor/confirmation",
                                 json::object{{"code", app::totp::code_at(secret, now())}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.raw.body;
  const auto& recovery = confirmed.body.at("recovery_codes").as_array();
  ASSERT_EQ(recovery.size(), 10u);

  EXPECT_EQ(log_in("tiepnhan", ""), std::make_pair(401, std::string("second_factor_required")));
  EXPECT_EQ(log_in("tiepnhan", "12345x").second, "second_factor_wrong");
  // The next step's code (one step of drift is accepted), once.
  const auto next = app::totp::code_at(secret, now() + 30);
  EXPECT_EQ(log_in("tiepnhan", next).first, 200);
  EXPECT_EQ(log_in("tiepnhan", next), std::make_pair(401, std::string("second_factor_wrong")));
  const std::string rescue(recovery[0].as_string());
  EXPECT_EQ(log_in("tiepnhan", rescue).first, 200);
  EXPECT_EQ(log_in("tiepnhan", rescue).first, 401) << "a recovery code serves once";
  EXPECT_EQ(official.get("/api/v1/me/second-factor").body.at("recovery_codes_left"), 9);

  // An applicant has no second factor.
  ApiClient an(server_->port());
  ASSERT_EQ(an.login("an", kPassword), 200);
  EXPECT_EQ(an.post("/api/v1/me/second-factor", json::object{}).status, 403);

  // The administrator resets it (a lost phone): the password alone is enough again.
  ApiClient admin(server_->port());
  ASSERT_EQ(admin.login("quantri", kPassword), 200);
  auto reset = admin.post("/api/v1/admin/users/off-reception/second-factor/reset",
                          json::object{{"reason", "mất điện thoại"}}, "reset-1");
  ASSERT_EQ(reset.status, 200) << reset.raw.body;
  EXPECT_EQ(log_in("tiepnhan", "").first, 200);
}

TEST_F(SecondFactor, ARoleRequiringItAllowsNothingButTheEnrolment) {
  ApiClient admin(server_->port());
  ASSERT_EQ(admin.login("quantri", kPassword), 200);
  auto bad = admin.call("PUT", "/api/v1/admin/second-factor-roles/processing",
                        json::serialize(json::object{{"required", true}}),
                        {{"Content-Type", "application/json"}, {"Idempotency-Key", "r-0"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body.at("detail"), "reason");
  auto set = admin.call(
      "PUT", "/api/v1/admin/second-factor-roles/processing",
      json::serialize(json::object{{"required", true}, {"reason", "Quy chế bảo mật 2026"}}),
      {{"Content-Type", "application/json"}, {"Idempotency-Key", "r-1"}});
  ASSERT_EQ(set.status, 200) << set.raw.body;
  EXPECT_EQ(set.body.at("roles"), json::array{"processing"});

  ApiClient official(server_->port());
  ASSERT_EQ(official.login("chuyenvien", kPassword), 200);
  const auto session = official.get("/api/v1/session");
  EXPECT_EQ(session.body.at("must_enrol_second_factor"), true);
  auto refused = official.get("/api/v1/queue");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body.at("code"), "second_factor_enrolment_required");
  EXPECT_EQ(official.get("/api/v1/me/second-factor").body.at("required"), true);
  auto started = official.post("/api/v1/me/second-factor", json::object{});
  ASSERT_EQ(started.status, 201);
  const auto secret = *app::totp::from_base32(started.body.at("secret").as_string());
  ASSERT_EQ(official
                .post("/api/v1/me/second-factor/confirmation",
                      json::object{{"code", app::totp::code_at(secret, now())}})
                .status,
            200);
  EXPECT_EQ(official.get("/api/v1/session").body.at("must_enrol_second_factor"), false);
  EXPECT_NE(official.get("/api/v1/queue").status, 403);
}

}  // namespace
}  // namespace motcua::testing
