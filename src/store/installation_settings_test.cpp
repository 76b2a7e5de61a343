// The demo mark against a real store of each engine.
#include "store/installation_settings.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

class InstallationSettingsTest : public ::testing::TestWithParam<Engine> {};

INSTANTIATE_TEST_SUITE_P(Engines, InstallationSettingsTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(InstallationSettingsTest, AMigratedDatabaseIsNotADemoOneUntilMarkedTwice) {
  TestDatabase database(GetParam(), "settings");
  auto store = database.open();
  bool demo = true;
  store->read([&](SqlConnection& db) { demo = is_demo_database(db); });
  EXPECT_FALSE(demo);
  for (int i = 0; i < 2; ++i) {  // idempotent
    store->write([](SqlConnection& db) { mark_demo_database(db); });
  }
  store->read([&](SqlConnection& db) { demo = is_demo_database(db); });
  EXPECT_TRUE(demo);
}

}  // namespace
}  // namespace motcua::store
