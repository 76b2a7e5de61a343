#include "store/login_failures.hpp"

#include "store/personal_data.hpp"

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

// The subjects are user names as typed (a citizen's phone), e-mail addresses and phones asking for
// one-time codes, and client addresses: stored as their keyed hash (store/personal_data.hpp), so
// the table lists no phone. Nothing reads a subject back; a rotation of the data key starts the
// counts afresh (windows last minutes).
std::string stored_subject(const std::string& subject) { return "h:" + lookup_hash(subject); }
}  // namespace

std::optional<FailureWindow> find_login_failures(SqlConnection& db, const std::string& scope,
                                                 const std::string& subject) {
  const auto row = db.query_one(kFind, {scope, stored_subject(subject)});
  if (!row) return std::nullopt;
  return FailureWindow{row->integer(0), row->integer(1), row->integer(2)};
}

void add_login_failure(SqlConnection& db, const std::string& scope, const std::string& subject,
                       std::int64_t now_s, std::int64_t window_s) {
  db.execute(kPurge, {scope, now_s - window_s});
  db.execute(kAdd, {scope, stored_subject(subject), now_s, now_s, window_s, window_s});
}

void clear_login_failures(SqlConnection& db, const std::string& scope, const std::string& subject) {
  db.execute(kClear, {scope, stored_subject(subject)});
}

}  // namespace motcua::store
