// Test-only: the database of one app test, on the engine of the run: PostgreSQL when
// scripts/test-postgres started a server for it (MOTCUA_TEST_PG_URL, the ctest entry
// app_tests_postgres), a SQLite file otherwise. Header-only so that it never enters the library.
#pragma once

#include <string>

#include "store/test_database.hpp"

namespace motcua::app::test_support {

inline store::Engine app_test_engine() {
  return store::test_postgres_url().empty() ? store::Engine::sqlite : store::Engine::postgres;
}

class AppTestDatabase : public store::TestDatabase {
 public:
  explicit AppTestDatabase(const std::string& label)
      : store::TestDatabase(app_test_engine(), label) {}
};

}  // namespace motcua::app::test_support
