// Test-only: a fresh database for one test on the engine the test is instantiated for, so that the
// store tests run on SQLite always and on PostgreSQL too when MOTCUA_TEST_PG_URL names a server
// (scripts/test-postgres run ...). SQLite gets a file in a temporary folder; PostgreSQL gets a
// database of its own (CREATE DATABASE), dropped at the end.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "store/open_store.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/store.hpp"

namespace motcua::store {

// The base URL of the test server (no database), or "" when none was started.
inline std::string test_postgres_url() {
  const char* url = std::getenv("MOTCUA_TEST_PG_URL");
  return url != nullptr ? url : "";
}

// The engines to instantiate store tests for.
inline std::vector<Engine> test_engines() {
  std::vector<Engine> engines{Engine::sqlite};
  if (!test_postgres_url().empty()) engines.push_back(Engine::postgres);
  return engines;
}

// How GoogleTest prints the parameter (ctest -N, failure messages).
inline void PrintTo(Engine engine, std::ostream* os) {
  *os << (engine == Engine::sqlite ? "sqlite" : "postgres");
}

inline std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "sqlite" : "postgres";
}

class TestDatabase {
 public:
  TestDatabase(Engine engine, const std::string& label) : engine_(engine) {
    static std::atomic<int> counter{0};
    const std::string unique = std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (engine_ == Engine::sqlite) {
      dir_ = std::filesystem::temp_directory_path() / ("motcua-" + label + "-" + unique);
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      name_ = (dir_ / "motcua.db").string();
    } else {
      database_ = "motcua_test_" + unique;
      admin().execute_script("CREATE DATABASE " + database_);
      name_ = test_postgres_url() + "/" + database_;
    }
  }
  ~TestDatabase() {
    if (engine_ == Engine::sqlite) {
      std::filesystem::remove_all(dir_);
    } else {
      admin().execute_script("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Engine engine() const { return engine_; }
  // What --db would say: the SQLite file or the PostgreSQL URL.
  const std::string& name() const { return name_; }
  std::unique_ptr<Store> open(int readers = 4) const { return open_store(name_, readers); }

 private:
  static PostgresConnection admin() {
    return PostgresConnection(test_postgres_url() + "/postgres");
  }

  Engine engine_;
  std::filesystem::path dir_;
  std::string database_;
  std::string name_;
};

}  // namespace motcua::store
