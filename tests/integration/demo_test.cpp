// The demo province: built through the real binary, idempotent, its event log verifies, and its
// people can log in and find their work.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "../run_process.hpp"
#include "api_client.hpp"
#include "fixture.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

TEST(Demo, BuildsOnceVerifiesAndServes) {
  TempDir dir("demo");
  IntegrationDatabase database;
  const auto db = database.name();
  const std::string demo = kBinary + " demo --dossiers 80 --db " + db;
  const auto first = run_process(demo);
  ASSERT_EQ(first.status, 0) << first.err;
  const auto built = json::parse(first.out).as_object();
  EXPECT_EQ(built.at("dossiers_created"), 80);
  EXPECT_EQ(built.at("agencies"), 34 + 3321 + 4);
  EXPECT_GE(built.at("processes").as_int64(), 10);
  EXPECT_GE(built.at("dossiers_by_status").as_object().size(), 5u);
  const auto second = json::parse(run_process(demo).out).as_object();
  EXPECT_EQ(second.at("dossiers_created"), 0);
  EXPECT_EQ(second.at("users_created"), 0);
  const auto verify = run_process(kBinary + " verify-log --db " + db);
  EXPECT_EQ(verify.status, 0) << verify.out;

  ServerProcess server(kBinary, db);
  ApiClient reception(server.port()), citizen(server.port());
  ASSERT_EQ(reception.login("tiepnhan.tinh", "motcua-demo-2026"), 200);
  ASSERT_EQ(citizen.login("congdan.an", "motcua-demo-2026"), 200);
  EXPECT_EQ(reception.get("/api/v1/queue").status, 200);
  const auto mine = citizen.get("/api/v1/my/dossiers");
  ASSERT_EQ(mine.status, 200);
  for (const auto& d : mine.body.as_array()) {
    // Every dossier an applicant sees is their own and can be opened.
    EXPECT_EQ(citizen.get("/api/v1/dossiers/" + std::string(d.at("id").as_string())).status, 200);
  }
}

}  // namespace
}  // namespace motcua::testing
