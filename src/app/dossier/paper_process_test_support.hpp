// Test-only: a real store (a SQLite file in a temporary folder, or a fresh PostgreSQL database when
// the suite runs under scripts/test-postgres) with one province (p1), two communes (c1,
// c2), a one-stop unit (u1) and the birth registration procedure (3 working days), shared by the
// paper and process tests. Header-only so that it never enters the library.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/common/app_error.hpp"
#include "app/common/app_test_database.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "store/store.hpp"
#include "store/test_seed.hpp"

namespace motcua::app::test_support {

inline Instant local_time(int y, int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(y, m, d), hh * 3600 + mm * 60, 420);
}

inline const calendar::WorkingCalendar& test_calendar() {
  static const auto cal = *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
  return cal;
}

inline void seed_catalog(store::SqlConnection& db) {
  store::seed_test_agencies(db);
  store::seed_test_birth_procedure(db);
  store::seed_test_accounts(
      db, {"citizen-1", "citizen-2", "off-r", "off-p", "off-l", "off-x", "admin"});
}

// A fresh store per test, removed afterwards.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A folder for the test's other files (uploads); the database lives apart (TestDatabase).
    dir_ = std::filesystem::temp_directory_path() /
           ("motcua-app-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    database_ = std::make_unique<AppTestDatabase>("app");
    store_ = database_->open();
    store_->write(seed_catalog);
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Runs `f` in a write job and returns what it returned.
  template <typename T, typename F>
  AppResult<T> write(F&& f) {
    AppResult<T> out = tl::unexpected(AppError{});
    store_->write([&](store::SqlConnection& db) { out = f(db); });
    return out;
  }

  std::filesystem::path dir_;
  std::unique_ptr<AppTestDatabase> database_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace motcua::app::test_support
