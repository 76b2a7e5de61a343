// `motcua admin create-user`: the official it creates logs in over HTTP with the password given in
// a file or on standard input, holds the role at the installation's root agency, and the creation
// is audited by "cli".
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "../run_process.hpp"
#include "api_client.hpp"
#include "fixture.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

TEST(AdminCli, CreatedAdministratorLogsInAndManagesOfficials) {
  TempDir dir("admin-cli");
  IntegrationDatabase database;
  const auto db = database.name();
  seed_fixture(db);
  const auto password_file = dir.file("password");
  std::ofstream(password_file) << "mật khẩu quản trị đầu tiên\n";
  const auto r = run_process(kBinary + " admin create-user --db '" + db +
                             "' --username quantri.dau --role administrator --display-name "
                             "'Quản Trị Đầu' --password-file " +
                             password_file);
  ASSERT_EQ(r.status, 0) << r.err;
  const auto created = json::parse(r.out).as_object();
  EXPECT_EQ(created.at("username"), "quantri.dau");
  EXPECT_EQ(created.at("display_name"), "Quản Trị Đầu");
  const auto& grant = created.at("grants").as_array().at(0).as_object();
  EXPECT_EQ(grant.at("role"), "administrator");
  EXPECT_EQ(grant.at("agency_id"), "p1");  // the root agency of the installation

  const auto stdin_run =
      run_process("printf 'mat-khau-tu-stdin\\n' | " + kBinary + " admin create-user --db '" + db +
                  "' --username tiepnhan.moi --role reception --agency c1 "
                  "--password-stdin");
  ASSERT_EQ(stdin_run.status, 0) << stdin_run.err;

  ServerProcess server(kBinary, db);
  ApiClient admin(server.port()), reception(server.port());
  ASSERT_EQ(admin.login("quantri.dau", "mật khẩu quản trị đầu tiên"), 200);
  EXPECT_EQ(admin.get("/api/v1/admin/users").status, 200);
  ASSERT_EQ(reception.login("tiepnhan.moi", "mat-khau-tu-stdin"), 200);
  EXPECT_EQ(reception.get("/api/v1/admin/users").status, 403);

  auto store = store::open_store(db);
  store->read([&](store::SqlConnection& c) {
    const auto audit = store::audit_of(c, std::string(created.at("id").as_string()));
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].actor_id, "cli");
    EXPECT_EQ(audit[0].action, "user.created");
  });
}

}  // namespace
}  // namespace motcua::testing
