#include "store/session_repository.hpp"

namespace motcua::store {

namespace {
constexpr const char* kInsertSession =
    "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_s) VALUES (?, ?, ?, "
    "?, ?)";
constexpr const char* kSessionByHash =
    "SELECT user_id, csrf_token, created_at, expires_s FROM sessions WHERE token_hash = ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr const char* kDeleteExpired = "DELETE FROM sessions WHERE expires_s < ?";
}  // namespace

void insert_session(SqlConnection& db, const SessionRow& r) {
  db.execute(kInsertSession, {r.token_hash, r.user_id, r.csrf_token, r.created_at, r.expires_s});
}

std::optional<SessionRow> find_session_by_hash(SqlConnection& db, const std::string& token_hash) {
  const auto row = db.query_one(kSessionByHash, {token_hash});
  if (!row) return std::nullopt;
  return SessionRow{token_hash, row->text(0), row->text(1), row->text(2), row->integer(3)};
}

void delete_session(SqlConnection& db, const std::string& token_hash) {
  db.execute(kDeleteSession, {token_hash});
}

void delete_expired_sessions(SqlConnection& db, std::int64_t now_s) {
  db.execute(kDeleteExpired, {now_s});
}

}  // namespace motcua::store
