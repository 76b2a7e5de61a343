// The admin pages' "create from the template" buttons: POST /api/v1/admin/setup/one-stop-units
// and /processes create only what is missing (a second press changes nothing), audit each
// creation by the administrator, and are refused to anyone but an administrator of the province.
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

TEST(AdminSetup, OneStopUnitsFromTheTemplateOnceAndAudited) {
  IntegrationDatabase database;
  seed_fixture(database.name());
  seed_administrator(database.name());
  ServerProcess server(kBinary, database.name());
  ApiClient admin(server.port()), reception(server.port());
  ASSERT_NO_FATAL_FAILURE(
      log_in_all(server.port(), {{&admin, "quantri"}, {&reception, "tiepnhan"}}));
  const json::object body{{"province_id", "p1"}, {"reason", "khởi tạo tỉnh"}};

  EXPECT_EQ(reception.post("/api/v1/admin/setup/one-stop-units", body).status, 403);
  const auto no_reason =
      admin.post("/api/v1/admin/setup/one-stop-units", json::object{{"province_id", "p1"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.body.at("detail"), "reason");
  const auto other = admin.post("/api/v1/admin/setup/one-stop-units",
                                json::object{{"province_id", "p9"}, {"reason", "x"}});
  EXPECT_EQ(other.status, 403);

  const auto first = admin.post("/api/v1/admin/setup/one-stop-units", body);
  ASSERT_EQ(first.status, 200) << first.raw.body;
  EXPECT_EQ(first.body.at("created"), 2);   // the province's centre and Xã Hai's desk
  EXPECT_EQ(first.body.at("existing"), 1);  // Xã Một has its unit already
  const auto second = admin.post("/api/v1/admin/setup/one-stop-units", body);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.body.at("created"), 0);
  EXPECT_EQ(second.body.at("existing"), 3);

  const auto processes = admin.post("/api/v1/admin/setup/processes", body);
  EXPECT_EQ(processes.status, 200) << processes.raw.body;

  auto store = store::open_store(database.name());
  store->read([&](store::SqlConnection& c) {
    const auto audit = store::audit_of(c, "mot-cua-c2");
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].actor_id, "off-admin");
    EXPECT_EQ(audit[0].action, "one_stop_unit.created");
  });
}

}  // namespace
}  // namespace motcua::testing
