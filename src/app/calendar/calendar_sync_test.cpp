// A server follows a calendar year imported by another server on the same database.
#include "app/calendar/calendar_sync.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/common/app_test_database.hpp"
#include "store/calendar_repository.hpp"
#include "store/store.hpp"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;

TEST(CalendarSync, PublishesTheYearsAnotherServerStored) {
  const auto dir = fs::temp_directory_path() / ("motcua-calsync-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    const test_support::AppTestDatabase database("calsync");
    auto store = database.open();
    ActiveCalendar active(*calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard()));
    CalendarSync sync(active);
    auto follow = [&] {
      bool published = false;
      store->read([&](store::SqlConnection& db) { published = sync.follow(db); });
      return published;
    };
    const auto at_start = active.snapshot();
    EXPECT_FALSE(follow()) << "the first check only remembers";
    EXPECT_FALSE(follow());
    // Another server's import: only the database changes.
    store::CalendarYearRow row{2027,
                               R"({"year": 2027, "days": [
        {"date": "2027-01-01", "kind": "holiday", "name": "Tết Dương lịch"}]})",
                               1, "admin", "2026-12-01T09:00:00+07:00"};
    store->write([&](store::SqlConnection& db) { store::save_calendar_year(db, row); });
    EXPECT_TRUE(follow());
    const auto followed = active.snapshot();
    EXPECT_NE(followed, at_start);
    ASSERT_NE(followed->schedule_of(2027), nullptr);
    EXPECT_FALSE(followed->schedule_of(2027)->provisional);
    EXPECT_TRUE(at_start->schedule_of(2027) == nullptr || at_start->schedule_of(2027)->provisional);
    EXPECT_FALSE(follow()) << "nothing changed since";
    EXPECT_EQ(active.snapshot(), followed);
    // A replacement bumps the version, which the fingerprint sees.
    row.version = 2;
    store->write([&](store::SqlConnection& db) { store::save_calendar_year(db, row); });
    EXPECT_TRUE(follow());
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace motcua::app
