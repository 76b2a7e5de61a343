// Where personal data is sealed at rest (store/data_keys.hpp), in one list: the one-off sealing of
// clear values after migration 0053 and `motcua rotate-key` both walk it, and docs/security.md
// names the same columns. A repository that writes one of these columns seals it with seal() and
// reads it with unseal(); a lookup by value goes through the hash column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct SealedColumn {
  const char* table;
  const char* key;     // the row's primary key column
  const char* column;  // holds "enc1:<key id>:..." or ""
  const char* hash;    // keyed hash of the clear value for lookups, or "" when none is needed
};

const std::vector<SealedColumn>& sealed_columns();

// The value to store / the clear value read back, under the process's data keys.
std::string seal(std::string_view clear);
std::string unseal(std::string_view stored);
// The keyed hash to store beside a sealed value.
std::string lookup_hash(std::string_view clear);
// The hashes a lookup compares with: current key first, then the old key while a rotation runs
// (always two, the same twice when there is one key, so a query has a fixed shape).
std::pair<std::string, std::string> lookup_hash_pair(std::string_view clear);

// Seals the clear values left in every sealed column (rows written before migration 0053) and
// fills their hashes; returns how many values it sealed.
std::int64_t seal_clear_personal_data(SqlConnection& db);

// Throws DataKeyError when a sealed value was written under a key the installed key file does not
// hold (a database restored or moved without its key file, or started with another one), naming
// the key ids: serving it would answer 500 on every such read and seal new values under a second
// key. Run by open_store before anything else reads or writes.
void require_known_data_keys(SqlConnection& db);

// Re-seals up to `limit` values of `c` not yet under the current key (and re-hashes them); returns
// how many it changed, 0 when the column is done.
std::int64_t reseal_batch(SqlConnection& db, const SealedColumn& c, int limit);

}  // namespace motcua::store
