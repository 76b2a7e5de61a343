#include "store/login_failures.hpp"

namespace motcua::store {

namespace {
constexpr const char* kFind =
    "SELECT window_start, failures, last_failure FROM login_failures WHERE scope = ? AND subject = "
    "?";
// SET expressions read the row as it was before the update on both engines, so the window test
// sees the old window_start in both assignments.
constexpr const char* kAdd =
    "INSERT INTO login_failures(scope, subject, window_start, failures, last_failure) "
    "VALUES (?, ?, ?, 1, ?) "
    "ON CONFLICT(scope, subject) DO UPDATE SET last_failure = excluded.last_failure, "
    "failures = CASE WHEN excluded.window_start >= login_failures.window_start + ? THEN 1 "
    "ELSE login_failures.failures + 1 END, "
    "window_start = CASE WHEN excluded.window_start >= login_failures.window_start + ? "
    "THEN excluded.window_start ELSE login_failures.window_start END";
constexpr const char* kPurge = "DELETE FROM login_failures WHERE scope = ? AND window_start <= ?";
constexpr const char* kClear = "DELETE FROM login_failures WHERE scope = ? AND subject = ?";
}  // namespace

std::optional<FailureWindow> find_login_failures(SqlConnection& db, const std::string& scope,
                                                 const std::string& subject) {
  const auto row = db.query_one(kFind, {scope, subject});
  if (!row) return std::nullopt;
  return FailureWindow{row->integer(0), row->integer(1), row->integer(2)};
}

void add_login_failure(SqlConnection& db, const std::string& scope, const std::string& subject,
                       std::int64_t now_s, std::int64_t window_s) {
  db.execute(kPurge, {scope, now_s - window_s});
  db.execute(kAdd, {scope, subject, now_s, now_s, window_s, window_s});
}

void clear_login_failures(SqlConnection& db, const std::string& scope, const std::string& subject) {
  db.execute(kClear, {scope, subject});
}

}  // namespace motcua::store
