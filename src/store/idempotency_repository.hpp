// Idempotency keys (header `Idempotency-Key`): the first answer to a state-changing request, kept
// under (actor, key) in the same transaction as the change it answers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct StoredAnswer {
  std::string request_hash;  // SHA-256 of method, path and body
  int status = 0;
  std::string body;
};

std::optional<StoredAnswer> find_stored_answer(SqlConnection& db, const std::string& actor_id,
                                               const std::string& key);
void store_answer(SqlConnection& db, const std::string& actor_id, const std::string& key,
                  const StoredAnswer& answer, const std::string& now_iso);

}  // namespace motcua::store
