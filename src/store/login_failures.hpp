// Recent login failures per key (a username or a client address), kept in the database so that
// every server behind the load balancer counts the same failures (migration 0009).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct FailureWindow {
  std::int64_t window_start = 0;  // Unix seconds
  std::int64_t failures = 0;
  std::int64_t last_failure = 0;  // Unix seconds of the newest failure
};

std::optional<FailureWindow> find_login_failures(SqlConnection& db, const std::string& scope,
                                                 const std::string& subject);

// Counts one failure in one statement (an upsert, atomic on both engines): a key without a row, or
// whose window of `window_s` seconds has ended, starts a new window at `now_s` with one failure.
// Also drops the rows of `scope` whose window has ended.
void add_login_failure(SqlConnection& db, const std::string& scope, const std::string& subject,
                       std::int64_t now_s, std::int64_t window_s);

void clear_login_failures(SqlConnection& db, const std::string& scope, const std::string& subject);

}  // namespace motcua::store
