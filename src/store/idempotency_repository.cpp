#include "store/idempotency_repository.hpp"

namespace motcua::store {

namespace {
constexpr const char* kFind =
    "SELECT request_hash, status, response FROM idempotency_keys WHERE actor_id = ? AND key = ?";
constexpr const char* kSave =
    "INSERT INTO idempotency_keys(actor_id, key, request_hash, status, response, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";
}  // namespace

std::optional<StoredAnswer> find_stored_answer(SqlConnection& db, const std::string& actor_id,
                                               const std::string& key) {
  const auto row = db.query_one(kFind, {actor_id, key});
  if (!row) return std::nullopt;
  return StoredAnswer{row->text(0), static_cast<int>(row->integer(1)), row->text(2)};
}

void store_answer(SqlConnection& db, const std::string& actor_id, const std::string& key,
                  const StoredAnswer& answer, const std::string& now_iso) {
  db.execute(kSave, {actor_id, key, answer.request_hash, std::int64_t{answer.status}, answer.body,
                     now_iso});
}

}  // namespace motcua::store
