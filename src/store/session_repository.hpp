// Rows of the `sessions` table. Only the SHA-256 of a session token is stored (the caller hashes),
// so a copy of the database holds no usable cookie.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct SessionRow {
  std::string token_hash;
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::int64_t expires_s = 0;  // Unix seconds
};

void insert_session(SqlConnection& db, const SessionRow& row);
// The session with this token hash, expired or not (the caller compares with its clock).
std::optional<SessionRow> find_session_by_hash(SqlConnection& db, const std::string& token_hash);
void delete_session(SqlConnection& db, const std::string& token_hash);
// Removes the sessions that expired before `now_s`.
void delete_expired_sessions(SqlConnection& db, std::int64_t now_s);

}  // namespace motcua::store
