// What `motcua serve` prints when listening: the database it serves, never with its password.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

TEST(ServeOutput, PrintsTheDatabaseUrlWithItsPasswordMasked) {
  if (integration_engine() != store::Engine::postgres) {
    GTEST_SKIP() << "a SQLite file name holds no password (runs in integration_tests_postgres)";
  }
  IntegrationDatabase database;
  seed_fixture(database.name());
  // The test server trusts loopback connections, so the password is accepted and ignored: what
  // matters is that it never reaches the output.
  const std::string url = database.name();
  const auto user_end = url.find('@');
  ASSERT_NE(user_end, std::string::npos) << url;
  const std::string with_password = url.substr(0, user_end) + ":s3cret-pass" + url.substr(user_end);
  ServerProcess server(kBinary, with_password);
  const std::string printed(server.started().at("database").as_string());
  EXPECT_EQ(printed.find("s3cret-pass"), std::string::npos) << printed;
  EXPECT_EQ(printed, url.substr(0, user_end) + ":***" + url.substr(user_end));
}

TEST(ServeOutput, PrintsTheSqliteFileAsItIs) {
  TempDir dir("serve-output");
  const auto file = dir.file("motcua.db");
  seed_fixture(file);
  ServerProcess server(kBinary, file);
  EXPECT_EQ(std::string(server.started().at("database").as_string()), file);
}

}  // namespace
}  // namespace motcua::testing
