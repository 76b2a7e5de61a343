// Limits that cannot be turned against users (issue 18 points 4 and 5), through the real server
// behind a trusted proxy on loopback (--trusted-proxy 127.0.0.1): the client is the address the
// proxy forwards, failed logins slow that client down progressively without locking the account's
// owner out, --single-session ends older sessions, and /metrics answers only the monitoring side.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <string>

#include "fixture.hpp"
#include "http_client.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class AbuseLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--trusted-proxy", "127.0.0.1",
                                 "--single-session"});
  }

  // A login as the proxy forwards it for `client`.
  HttpResult log_in_from(const std::string& client, const std::string& username,
                         const std::string& password) {
    const auto body =
        boost::json::serialize(boost::json::object{{"username", username}, {"password", password}});
    return http_request(server_->port(), "POST", "/api/v1/session",
                        {{"Content-Type", "application/json"}, {"X-Forwarded-For", client}}, body);
  }

  static std::string cookie_of(const HttpResult& r) {
    const auto c = r.header("Set-Cookie");
    return c.substr(0, c.find(';'));
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(AbuseLimits, AnAttackersFailuresDoNotLockTheOwnerOut) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(log_in_from("198.51.100.9", "tiepnhan", "sai mật khẩu").status, 401);
  }
  // The attacker's address now waits, even with the right password, and is told how long.
  const auto held = log_in_from("198.51.100.9", "tiepnhan", kPassword);
  ASSERT_EQ(held.status, 429) << held.body;
  EXPECT_EQ(held.header("Retry-After"), "30");
  // The official at the one-stop hall, behind the same proxy, logs in at once.
  EXPECT_EQ(log_in_from("203.0.113.5", "tiepnhan", kPassword).status, 200);
  // Forty failures spread over as many addresses (all through the one proxy) never lock the
  // whole province out: another user from yet another address gets in.
  for (int i = 0; i < 40; ++i) {
    log_in_from("192.0.2." + std::to_string(i), "khongco" + std::to_string(i), "x");
  }
  EXPECT_EQ(log_in_from("203.0.113.77", "chuyenvien", kPassword).status, 200);
}

TEST_F(AbuseLimits, ANewLoginEndsTheOlderSession) {
  const auto first = log_in_from("203.0.113.5", "an", kPassword);
  ASSERT_EQ(first.status, 200);
  const auto who = [&](const HttpResult& login) {
    return http_request(server_->port(), "GET", "/api/v1/session", {{"Cookie", cookie_of(login)}},
                        "")
        .status;
  };
  EXPECT_EQ(who(first), 200);
  const auto second = log_in_from("203.0.113.6", "an", kPassword);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(who(second), 200);
  EXPECT_EQ(who(first), 401) << "the stolen or forgotten session died with the new login";
}

TEST_F(AbuseLimits, MetricsAnswerOnlyTheMonitoringSide) {
  EXPECT_EQ(http_request(server_->port(), "GET", "/metrics", {}, "").status, 200);
  const auto outside =
      http_request(server_->port(), "GET", "/metrics", {{"X-Forwarded-For", "203.0.113.8"}}, "");
  EXPECT_EQ(outside.status, 404);
  EXPECT_EQ(outside.body.find("motcua_http"), std::string::npos);
}

// Issue 18: "40 of 40 anonymous feedback posts in a burst were accepted"; "guessing sequential
// dossier codes on the public tracking page found 2 real dossiers in 60 tries".
TEST_F(AbuseLimits, PublicRoutesAreLimitedPerRealClient) {
  const auto post_feedback = [&](const std::string& client) {
    return http_request(server_->port(), "POST", "/api/v1/feedback",
                        {{"Content-Type", "application/json"}, {"X-Forwarded-For", client}}, "{}");
  };
  for (int i = 0; i < 10; ++i) EXPECT_EQ(post_feedback("198.51.100.20").status, 422) << i;
  const auto refused = post_feedback("198.51.100.20");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.header("Retry-After"), "60");
  EXPECT_NE(refused.body.find("too_many_requests"), std::string::npos);
  EXPECT_EQ(post_feedback("198.51.100.21").status, 422) << "another client is not held";

  int found_or_missing = 0;
  int limited = 0;
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 80; ++i) {
    const auto r = http_request(server_->port(), "GET",
                                "/api/v1/track/000.00.00.H00-260309-" + std::to_string(1000 + i),
                                {{"X-Forwarded-For", "198.51.100.30"}}, "");
    if (r.status == 429) ++limited;
    if (r.status == 200 || r.status == 404) ++found_or_missing;
  }
  // A burst of 60, then one a second (a slow machine may have earned a few more meanwhile).
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
          .count();
  EXPECT_GE(found_or_missing, 60);
  EXPECT_LE(found_or_missing, 60 + seconds + 1);
  EXPECT_EQ(found_or_missing + limited, 80);
}

TEST_F(AbuseLimits, HstsOnlyWhenTheProxySaysTls) {
  const auto tls =
      http_request(server_->port(), "GET", "/healthz", {{"X-Forwarded-Proto", "https"}}, "");
  EXPECT_EQ(tls.header("Strict-Transport-Security"), "max-age=63072000; includeSubDomains");
  EXPECT_EQ(
      http_request(server_->port(), "GET", "/healthz", {}, "").header("Strict-Transport-Security"),
      "");
}

}  // namespace
}  // namespace motcua::testing
