// Migration 0025 cancels the pending rows of the retired topic notify.applicant (no recipient: they
// could never be delivered), with the reason, and leaves every other row as it was.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <tuple>
#include <vector>

#include "store/migrations.hpp"

namespace motcua::store {
namespace {

void run(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

TEST(NotificationPreferencesMigration, PendingNotifyApplicantRowsAreCancelledWithTheReason) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  bool added = false;
  for (const auto& m : sqlite_migrations()) {
    if (m.version >= 25 && !added) {
      run(db,
          "INSERT INTO outbox(topic, idempotency_key, payload, created_at, available_s, "
          "delivered_at, state) VALUES "
          "('notify.applicant', 'd1:1:notify', '{}', 'now', 0, NULL, 'pending'),"
          "('notify.applicant', 'd1:2:notify', '{}', 'now', 0, '2026-01-01T00:00:00Z', "
          "'delivered'),"
          "('national_portal.sync', 'd1:1:dvcqg', '{}', 'now', 0, NULL, 'pending');");
      added = true;
    }
    run(db, m.sql);
  }
  ASSERT_TRUE(added) << "no migration 0025";
  sqlite3_stmt* query = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT idempotency_key, state, cancel_reason "
                               "FROM outbox ORDER BY id",
                               -1, &query, nullptr),
            SQLITE_OK);
  std::vector<std::tuple<std::string, std::string, std::string>> rows;
  while (sqlite3_step(query) == SQLITE_ROW) {
    rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(query, 0)),
                      reinterpret_cast<const char*>(sqlite3_column_text(query, 1)),
                      reinterpret_cast<const char*>(sqlite3_column_text(query, 2)));
  }
  sqlite3_finalize(query);
  sqlite3_close(db);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(std::get<1>(rows[0]), "cancelled");
  EXPECT_NE(std::get<2>(rows[0]).find("notify.applicant retired"), std::string::npos);
  EXPECT_EQ(std::get<1>(rows[1]), "delivered");  // delivered: untouched
  EXPECT_EQ(std::get<2>(rows[1]), "");
  EXPECT_EQ(std::get<1>(rows[2]), "pending");  // another topic: still pending
}

}  // namespace
}  // namespace motcua::store
