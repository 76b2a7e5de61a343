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

}  // namespace
}  // namespace motcua::testing
