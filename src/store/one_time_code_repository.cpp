#include "store/one_time_code_repository.hpp"

#include <sodium.h>

#include "store/personal_data.hpp"

namespace motcua::store {

namespace {
// Addresses are sealed, bound to the row's id, and found by their keyed hash under the current or
// the retiring key (store/personal_data.hpp; migration 0061).
constexpr const char* kRetire =
    "UPDATE one_time_codes SET used_at = ? WHERE purpose = ? AND address_hash IN (?, ?) AND "
    "used_at = ''";
constexpr const char* kInsert =
    "INSERT INTO one_time_codes(id, purpose, address, address_hash, user_id, code_hash, "
    "created_at, expires_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kCurrent =
    "SELECT id, purpose, address, user_id, code_hash, created_at, expires_s, wrong_tries "
    "FROM one_time_codes WHERE purpose = ? AND address_hash IN (?, ?) AND used_at = '' "
    "ORDER BY expires_s DESC LIMIT 1";
constexpr const char* kWrongTry =
    "UPDATE one_time_codes SET wrong_tries = wrong_tries + 1 WHERE id = ?";
constexpr const char* kUsed = "UPDATE one_time_codes SET used_at = ? WHERE id = ?";
constexpr const char* kDeletePending = "DELETE FROM pending_signups WHERE address_hash IN (?, ?)";
constexpr const char* kInsertPending =
    "INSERT INTO pending_signups(address_hash, id, address, display_name, password_hash, "
    "language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kFindPending =
    "SELECT id, address, display_name, password_hash, language, created_at FROM pending_signups "
    "WHERE address_hash IN (?, ?)";
// A citizen's phone user name is "phone:" + its hash (username_candidates).
constexpr const char* kApplicant =
    "SELECT id FROM users WHERE kind = 'applicant' AND disabled = 0 AND "
    "(username IN (?, ?, ?) OR email = ? OR phone_hash = ? OR phone_hash = ?) "
    "ORDER BY created_at LIMIT 1";
constexpr const char* kInUse =
    "SELECT 1 FROM users WHERE username IN (?, ?, ?) OR email = ? OR phone_hash = ? OR "
    "phone_hash = ? LIMIT 1";

std::string new_pending_id() {
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string("ps_") + hex;
}
}  // namespace

void insert_one_time_code(SqlConnection& db, const OneTimeCodeRow& r) {
  const auto [hash, old_hash] = lookup_hash_pair(r.address);
  db.execute(kRetire, {r.created_at, r.purpose, hash, old_hash});
  db.execute(kInsert, {r.id, r.purpose, seal(r.address, "one_time_codes", "address", r.id), hash,
                       r.user_id, r.code_hash, r.created_at, r.expires_s});
}

std::optional<OneTimeCodeRow> current_one_time_code(SqlConnection& db, const std::string& purpose,
                                                    const std::string& address) {
  const auto [hash, old_hash] = lookup_hash_pair(address);
  const auto row = db.query_one(kCurrent, {purpose, hash, old_hash});
  if (!row) return std::nullopt;
  return OneTimeCodeRow{row->text(0),
                        row->text(1),
                        unseal(row->text(2), "one_time_codes", "address", row->text(0)),
                        row->text(3),
                        row->text(4),
                        row->text(5),
                        row->integer(6),
                        row->integer(7)};
}

void count_wrong_code_try(SqlConnection& db, const std::string& id) { db.execute(kWrongTry, {id}); }

void mark_one_time_code_used(SqlConnection& db, const std::string& id, const std::string& now_iso) {
  db.execute(kUsed, {now_iso, id});
}

void save_pending_signup(SqlConnection& db, const PendingSignupRow& r) {
  const auto [hash, old_hash] = lookup_hash_pair(r.address);
  const std::string id = new_pending_id();
  db.execute(kDeletePending, {hash, old_hash});
  db.execute(kInsertPending, {hash, id, seal(r.address, "pending_signups", "address", id),
                              r.display_name, r.password_hash, r.language, r.created_at});
}

std::optional<PendingSignupRow> find_pending_signup(SqlConnection& db, const std::string& address) {
  const auto [hash, old_hash] = lookup_hash_pair(address);
  const auto row = db.query_one(kFindPending, {hash, old_hash});
  if (!row) return std::nullopt;
  return PendingSignupRow{unseal(row->text(1), "pending_signups", "address", row->text(0)),
                          row->text(2), row->text(3), row->text(4), row->text(5)};
}

void delete_pending_signup(SqlConnection& db, const std::string& address) {
  const auto [hash, old_hash] = lookup_hash_pair(address);
  db.execute(kDeletePending, {hash, old_hash});
}

std::optional<std::string> applicant_with_contact(SqlConnection& db, const std::string& address) {
  // The phone is sealed: found by its keyed hash, under the current or the retiring key.
  const auto [hash, old_hash] = lookup_hash_pair(address);
  const auto names = username_candidates(address);
  const auto row =
      db.query_one(kApplicant, {names[0], names[1], names[2], address, hash, old_hash});
  if (!row) return std::nullopt;
  return row->text(0);
}

bool contact_in_use(SqlConnection& db, const std::string& address) {
  const auto [hash, old_hash] = lookup_hash_pair(address);
  const auto names = username_candidates(address);
  return db.query_one(kInUse, {names[0], names[1], names[2], address, hash, old_hash}).has_value();
}

}  // namespace motcua::store
