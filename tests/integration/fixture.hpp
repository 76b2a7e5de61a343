// A fresh database for black-box tests: one province with two communes and a one-stop unit, two
// procedures, and one account per role. Written through the library before the server starts, on
// the engine the suite runs on (IntegrationDatabase).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "app/accounts/accounts.hpp"
#include "app/imports/document_upgrade.hpp"
#include "store/installation_settings.hpp"
#include "store/open_store.hpp"
#include "store/store.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"

namespace motcua::testing {

inline constexpr const char* kPassword = "mật khẩu thử nghiệm";

inline void seed_fixture(const std::string& database) {
  auto store = store::open_store(database);
  store->write([](store::SqlConnection& db) {
    store::seed_test_agencies(db);
    // Served with a frozen clock (serve --fake-now), allowed on demo databases only.
    store::mark_demo_database(db);
    // The documents below are written in the current shape: the upgrade at start-up leaves them.
    store::set_installation_setting(db, "procedure_document_shape",
                                    std::to_string(app::kProcedureDocumentShape));
    for (const char* sql : {
             "INSERT INTO procedures(code, version, name, name_folded, effective_from, "
             "content_hash, "
             "document, imported_at) VALUES ('1.001193', 1, 'Đăng ký khai sinh', 'dang ky khai "
             "sinh', "
             "'2020-01-01', 'h', '{\"limits\":{\"counter\":\"3 working-days\",\"online\":\"3 "
             "working-days\"},"
             "\"rule\":\"civil-code\",\"cases\":[{\"name\":\"Khai sinh đúng "
             "hạn\",\"papers\":[]}]}', "
             "'now')",
             "INSERT INTO procedures(code, version, name, name_folded, effective_from, "
             "content_hash, "
             "document, imported_at) VALUES ('1.000894', 1, 'Đăng ký kết hôn', 'dang ky ket hon', "
             "'2020-01-01', 'h', '{\"limits\":{\"counter\":\"5 working-days\"}}', 'now')",
         }) {
      db.execute(sql);
    }
    using dossier::Role;
    const app::NewUser users[] = {
        {"citizen-an",
         "an",
         true,
         "Nguyễn Văn An",
         kPassword,
         "001090000001",
         "an@example.vn",
         "0900000001",
         {}},
        {"citizen-binh", "binh", true, "Trần Thị Bình", kPassword, "001090000002", "", "", {}},
        {"off-reception",
         "tiepnhan",
         false,
         "Lê Tiếp Nhận",
         kPassword,
         "",
         "",
         "",
         {{Role::reception, "c1"}}},
        {"off-processing",
         "chuyenvien",
         false,
         "Phạm Chuyên Viên",
         kPassword,
         "",
         "",
         "",
         {{Role::processing, "c1"}}},
        {"off-leader",
         "lanhdao",
         false,
         "Hoàng Lãnh Đạo",
         kPassword,
         "",
         "",
         "",
         {{Role::leader, "c1"}}},
        {"off-other",
         "xahai",
         false,
         "Võ Xã Hai",
         kPassword,
         "",
         "",
         "",
         {{Role::reception, "c2"}, {Role::processing, "c2"}, {Role::leader, "c2"}}},
    };
    for (const auto& u : users) {
      if (!app::create_user(db, u, "2026-01-01T00:00:00+07:00"))
        throw std::runtime_error("seed user");
    }
  });
}

// Adds an administrator, `quantri`, whose grant on the province p1 covers both communes. Kept
// apart from seed_fixture, whose users other tests count on.
inline void seed_administrator(const std::string& database) {
  auto store = store::open_store(database);
  store->write([](store::SqlConnection& db) {
    const app::NewUser admin{"off-admin",
                             "quantri",
                             false,
                             "Đinh Quản Trị",
                             kPassword,
                             "",
                             "",
                             "",
                             {{dossier::Role::administrator, "p1"}}};
    if (!app::create_user(db, admin, "2026-01-01T00:00:00+07:00"))
      throw std::runtime_error("seed administrator");
  });
}

// The engine every integration test runs on: PostgreSQL when scripts/test-postgres started a
// server for the run (MOTCUA_TEST_PG_URL, the ctest entry integration_tests_postgres), SQLite
// otherwise.
inline store::Engine integration_engine() {
  return store::test_postgres_url().empty() ? store::Engine::sqlite : store::Engine::postgres;
}

// One test's database, given to the server as --db and to the library through open_store: a
// SQLite file in a folder of its own, or a PostgreSQL database created for the test and dropped
// at its end.
class IntegrationDatabase : public store::TestDatabase {
 public:
  IntegrationDatabase() : store::TestDatabase(integration_engine(), "it") {}
};

// A temporary folder removed at the end of the test.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("motcua-it-" + std::to_string(::getpid()) + "-" + name)) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace motcua::testing
