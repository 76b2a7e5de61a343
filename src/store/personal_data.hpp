// Where personal data is sealed at rest (store/data_keys.hpp), in one list: the one-off sealing of
// clear values after migration 0053 and `motcua rotate-key` both walk it, and docs/security.md
// names the same columns. A repository that writes one of these columns seals it with seal() and
// reads it with unseal(), both naming the place (table, column, the row's stable key): the value
// is bound to that row and does not open anywhere else. A lookup by value goes through the hash
// column.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct SealedColumn {
  const char* table;
  const char* key;     // the row's primary key column (rewrites find the row by it)
  const char* column;  // holds "enc2:<key id>:..." (or "enc1:..." written before enc2) or ""
  const char* hash;    // keyed hash of the clear value for lookups, or "" when none is needed
  // The column whose value the seal is bound to: a key of the row that never changes and is known
  // when the row is written. The primary key, except where the database assigns it on insert
  // (outbox.id): there the row's other unique key.
  const char* bound_to;
  // users.phone only: a re-hash also renames the account whose user name is "phone:" + the hash
  // of this phone (a citizen who signed up with it), so that it still logs in after rotate-key.
  bool renames_phone_accounts = false;
  // The migration that made the column sealed: the sealing after an earlier migration skips it
  // (its columns do not exist yet).
  int migration = 53;
  // The migration from which the column holds the binary sealed form (DataKeys::encrypt_binary)
  // as bytes (BLOB / bytea), 0 for a text column: dossiers.document from 0064. Rows written before
  // may still hold a text form (an enc1 value), which is read as before.
  int binary_from = 0;
};

const std::vector<SealedColumn>& sealed_columns();

// The associated data a value of `table`.`column` in the row whose `bound_to` column holds
// `row_key` is sealed with: "table.column|row_key". Throws std::logic_error for a column not in
// sealed_columns() (a misspelt place would seal values nothing could read back).
std::string seal_context(std::string_view table, std::string_view column, std::string_view row_key);

// The value to store / the clear value read back, under the process's data keys, bound to the
// place (seal_context). unseal throws DataKeyError for a value sealed for another place.
std::string seal(std::string_view clear, std::string_view table, std::string_view column,
                 std::string_view row_key);
std::string unseal(std::string_view stored, std::string_view table, std::string_view column,
                   std::string_view row_key);
// The same for a binary column (SealedColumn::binary_from): the binary sealed form as Bytes
// (empty Bytes for ""), and the clear value of whatever such a column holds: Bytes of the binary
// form or of a text form, or a text form as text (SQLite rows written before the conversion).
SqlValue seal_bytes(std::string_view clear, std::string_view table, std::string_view column,
                    std::string_view row_key);
std::string unseal_stored(const SqlValue& stored, std::string_view table, std::string_view column,
                          std::string_view row_key);
// The key id a stored value (either form) was sealed under, "" when none.
std::string key_id_of_stored(const SqlValue& stored);
// Migration 0064, in its transaction (both engines): rewrites the text forms of
// dossiers.document in the binary form, in pages by id. Each is opened and sealed again (packed,
// bound to its row, under the current key); one that does not open with the process's keys is,
// if enc2, repacked without being opened (the same key, nonce and box), and if enc1 left as it is
// (still read). Returns how many it rewrote.
std::int64_t convert_sealed_documents_to_bytes(SqlConnection& db);

// The keyed hash to store beside a sealed value.
std::string lookup_hash(std::string_view clear);
// The hashes a lookup compares with: current key first, then the old key while a rotation runs
// (always two, the same twice when there is one key, so a query has a fixed shape).
std::pair<std::string, std::string> lookup_hash_pair(std::string_view clear);

// Citizens who signed up with their phone: users.username holds "phone:" + the keyed hash of the
// normalised phone (0 and 9 digits), never the phone itself, which is in users.phone, sealed.
// E-mail and officials' user names are stored as they are.
inline constexpr std::string_view kPhoneUsernamePrefix = "phone:";
// Whether `name` is a phone as parse_contact_address (domain/text/contact_address) normalises it.
bool is_normalised_phone(std::string_view name);
// What users.username holds for an account named `username` whose phone is `phone`: "phone:" +
// the hash when the name is that phone (a citizen who signed up with it), else the name. Only
// then: rotate-key derives the new name from users.phone, so a phone-like name of an official
// (whose phone, if any, is another) stays as it is.
std::string stored_username(std::string_view username, std::string_view phone);
// The values of users.username an account named `username` (already normalised) may have: itself
// and, for a phone, "phone:" + its hash under the current and the retiring key. Always three, so
// a query has one shape: "username IN (?, ?, ?)".
std::array<std::string, 3> username_candidates(std::string_view username);

// Seals the clear values left in every sealed column (rows written before migration 0053) and
// fills their hashes; returns how many values it sealed. Run after migration `upto_migration`,
// it leaves the columns sealed by later migrations alone.
std::int64_t seal_clear_personal_data(SqlConnection& db, int upto_migration = 1 << 30);

// Run right after migration 0061 in its transaction: seals the contact addresses of one-time codes
// and pending sign-ups copied clear by the migration (seal_clear_personal_data) and renames each
// account whose user name is its own phone to "phone:" + the phone's hash. Returns the accounts
// renamed.
std::int64_t seal_contact_addresses(SqlConnection& db);

// Throws DataKeyError when a sealed value was written under a key the installed key file does not
// hold (a database restored or moved without its key file, or started with another one), naming
// the key ids: serving it would answer 500 on every such read and seal new values under a second
// key. Run by open_store before anything else reads or writes.
void require_known_data_keys(SqlConnection& db);

// Re-seals up to `limit` values of `c` not yet enc2 under the current key (and re-hashes them),
// each bound to its row; returns how many it changed, 0 when the column is done.
std::int64_t reseal_batch(SqlConnection& db, const SealedColumn& c, int limit);

}  // namespace motcua::store
