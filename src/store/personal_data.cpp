#include "store/personal_data.hpp"

#include <stdexcept>

#include "store/data_keys.hpp"

namespace motcua::store {

const std::vector<SealedColumn>& sealed_columns() {
  static const std::vector<SealedColumn> columns{
      {"users", "id", "id_number", "id_number_hash", "id"},
      {"users", "id", "phone", "phone_hash", "id", true},
      {"dossier_applicant_ids", "dossier_id", "id_number", "id_number_hash", "dossier_id"},
      {"dossier_postal", "dossier_id", "phone", "", "dossier_id"},
      {"dossier_postal", "dossier_id", "address", "", "dossier_id"},
      // The primary key is (issuer, subject); user_id is unique too, never changes and is what
      // every reader of the row has at hand.
      {"user_identities", "user_id", "id_number", "", "user_id"},
      {"feedback", "id", "contact", "contact_hash", "id"},
      {"open311_requests", "feedback_id", "address_string", "", "feedback_id"},
      {"open311_requests", "feedback_id", "email", "", "feedback_id"},
      {"open311_requests", "feedback_id", "phone", "", "feedback_id"},
      // Notices (recipient, text), webhook and portal messages waiting to be delivered. The id is
      // assigned by the database on insert, so the payload is bound to the idempotency key
      // (unique, given by the writer, never changed).
      {"outbox", "id", "payload", "", "idempotency_key"},
      // The whole application form: the applicant's ID number, phone and address are in it.
      // As bytes from migration 0064 (issue 17: a third of the row was base64).
      {"dossiers", "id", "document", "", "id", false, 53, 64},
      // The e-mail address or phone a one-time code went to (migration 0061).
      {"one_time_codes", "id", "address", "address_hash", "id", false, 61},
      // A sign-up waiting for its code: keyed by the address's hash; the sealed address is bound
      // to the row's id, which a re-hash does not change.
      {"pending_signups", "address_hash", "address", "address_hash", "id", false, 61},
  };
  return columns;
}

std::string seal_context(std::string_view table, std::string_view column,
                         std::string_view row_key) {
  bool listed = false;
  for (const auto& c : sealed_columns()) {
    if (table == c.table && column == c.column) listed = true;
  }
  if (!listed) {
    throw std::logic_error("sealed column " + std::string(table) + "." + std::string(column) +
                           " is not in sealed_columns()");
  }
  std::string context;
  context.reserve(table.size() + column.size() + row_key.size() + 2);
  context.append(table).append(".").append(column).append("|").append(row_key);
  return context;
}

std::string seal(std::string_view clear, std::string_view table, std::string_view column,
                 std::string_view row_key) {
  return data_keys().encrypt(clear, seal_context(table, column, row_key));
}

std::string unseal(std::string_view stored, std::string_view table, std::string_view column,
                   std::string_view row_key) {
  return data_keys().decrypt(stored, seal_context(table, column, row_key));
}

SqlValue seal_bytes(std::string_view clear, std::string_view table, std::string_view column,
                    std::string_view row_key) {
  // The one binary column is the application form: packed when that makes it smaller.
  return Bytes{data_keys().encrypt_binary(clear, seal_context(table, column, row_key), true)};
}

std::string unseal_stored(const SqlValue& stored, std::string_view table, std::string_view column,
                          std::string_view row_key) {
  if (const auto* text = std::get_if<std::string>(&stored)) {
    return unseal(*text, table, column, row_key);
  }
  const auto* bytes = std::get_if<Bytes>(&stored);
  if (bytes == nullptr || bytes->data.empty()) return {};
  // A text form kept in a binary column (PostgreSQL converts the column's type first) starts with
  // "enc"; the binary form never does.
  if (!DataKeys::is_binary(bytes->data)) return unseal(bytes->data, table, column, row_key);
  return data_keys().decrypt_binary(bytes->data, seal_context(table, column, row_key));
}

std::string key_id_of_stored(const SqlValue& stored) {
  if (const auto* text = std::get_if<std::string>(&stored)) return DataKeys::key_id_of(*text);
  const auto* bytes = std::get_if<Bytes>(&stored);
  if (bytes == nullptr) return {};
  if (DataKeys::is_binary(bytes->data)) return DataKeys::key_id_of_binary(bytes->data);
  return DataKeys::key_id_of(bytes->data);
}

std::int64_t convert_sealed_documents_to_bytes(SqlConnection& db) {
  // The text forms: SQLite kept the column's type (a TEXT column holds a BLOB as it is), so they
  // are its text values; PostgreSQL's column became bytea holding the text's bytes.
  const std::string select =
      db.dialect() == Dialect::postgres
          ? "SELECT id, document FROM dossiers WHERE id > ? AND substr(document, 1, 5) IN "
            "('enc1:'::bytea, 'enc2:'::bytea) ORDER BY id LIMIT ?"
          : "SELECT id, document FROM dossiers WHERE id > ? AND typeof(document) = 'text' AND "
            "(document LIKE 'enc1:%' OR document LIKE 'enc2:%') ORDER BY id LIMIT ?";
  constexpr std::int64_t kPage = 5000;
  std::string after;
  std::int64_t converted = 0;
  for (;;) {
    const auto rows = db.query(select, {after, kPage});
    for (const auto& row : rows) {
      after = row.text(0);
      const auto& stored = row.values.at(1);
      const std::string text = std::holds_alternative<Bytes>(stored)
                                   ? std::get<Bytes>(stored).data
                                   : std::get<std::string>(stored);
      std::string binary;
      try {
        // Opened and sealed again, packed and bound to the row (an enc1 form was bound to none).
        binary = std::get<Bytes>(seal_bytes(unseal(text, "dossiers", "document", after), "dossiers",
                                            "document", after))
                     .data;
      } catch (const DataKeyError&) {
        // Under a key the process lacks (a database opened without its key file, which
        // require_known_data_keys refuses next), or a form moved from another row: an enc2 form
        // is repacked without being opened (the same key, nonce and box; it opens where it did
        // and nowhere else), an enc1 form stays as it is.
        binary = DataKeys::binary_of_bound_text(text);
      }
      if (binary.empty()) continue;
      // Not the text of rewrite()'s statement, prepared on this connection with a text
      // parameter when migration 0053 sealed the clear forms (PostgreSQL keeps that type).
      db.execute("UPDATE dossiers SET document = ? WHERE id = ? /* bytes */",
                 {Bytes{std::move(binary)}, after});
      ++converted;
    }
    if (static_cast<std::int64_t>(rows.size()) < kPage) break;
  }
  return converted;
}

std::string lookup_hash(std::string_view clear) { return data_keys().lookup_hash(clear); }

std::pair<std::string, std::string> lookup_hash_pair(std::string_view clear) {
  const auto hashes = data_keys().lookup_hashes(clear);
  if (hashes.empty()) return {"", ""};
  return {hashes.front(), hashes.back()};
}

bool is_normalised_phone(std::string_view name) {
  if (name.size() != 10 || name.front() != '0') return false;
  for (const char ch : name)
    if (ch < '0' || ch > '9') return false;
  return true;
}

std::string stored_username(std::string_view username, std::string_view phone) {
  if (username != phone || !is_normalised_phone(username)) return std::string(username);
  return std::string(kPhoneUsernamePrefix) + lookup_hash(username);
}

std::array<std::string, 3> username_candidates(std::string_view username) {
  if (!is_normalised_phone(username)) {
    const std::string name(username);
    return {name, name, name};
  }
  const auto [hash, old_hash] = lookup_hash_pair(username);
  const std::string prefix(kPhoneUsernamePrefix);
  return {std::string(username), prefix + hash, prefix + old_hash};
}

namespace {

// Rewrites the rows `select` finds (key, stored value, the key the value is bound to) with
// `clear_of(stored, row key)` giving each clear value, sealed again bound to its row.
template <typename ClearOf>
std::int64_t rewrite(SqlConnection& db, const SealedColumn& c, const std::string& select,
                     const std::vector<SqlValue>& params, bool binary, ClearOf clear_of) {
  const std::string table = c.table;
  const std::string update =
      std::string("UPDATE ") + table + " SET " + c.column + " = ?" +
      (*c.hash != '\0' ? std::string(", ") + c.hash + " = ?" : std::string()) +
      (c.renames_phone_accounts
           ? ", username = CASE WHEN username LIKE 'phone:%' THEN ? ELSE username END"
           : "") +
      " WHERE " + c.key + " = ?" +
      // A statement of its own for bytes: PostgreSQL keeps the parameter types a statement was
      // prepared with, and the text form's (prepared on this connection by the sealing after
      // migration 0053) would take the bytes for text.
      (binary ? " /* bytes */" : "");
  std::int64_t changed = 0;
  for (const auto& row : db.query(select, params)) {
    const std::string clear = clear_of(row.values.at(1), row.text(2));
    std::vector<SqlValue> values{binary ? seal_bytes(clear, c.table, c.column, row.text(2))
                                        : SqlValue(seal(clear, c.table, c.column, row.text(2)))};
    if (*c.hash != '\0') values.emplace_back(lookup_hash(clear));
    // Only names already "phone:" + a hash of this phone are replaced (the CASE above).
    if (c.renames_phone_accounts)
      values.emplace_back(std::string(kPhoneUsernamePrefix) + lookup_hash(clear));
    values.emplace_back(row.text(0));
    db.execute(update, values);
    ++changed;
  }
  return changed;
}

}  // namespace

std::int64_t seal_clear_personal_data(SqlConnection& db, int upto_migration) {
  std::int64_t sealed = 0;
  for (const auto& c : sealed_columns()) {
    if (c.migration > upto_migration) continue;
    // A binary column holds no clear value: every value written since it became one was sealed,
    // and the LIKE below would take its bytes for clear text.
    if (c.binary_from != 0 && upto_migration >= c.binary_from) continue;
    const std::string select = std::string("SELECT ") + c.key + ", " + c.column + ", " +
                               c.bound_to + " FROM " + c.table + " WHERE " + c.column +
                               " <> '' AND " + c.column + " NOT LIKE 'enc1:%' AND " + c.column +
                               " NOT LIKE 'enc2:%'";
    sealed += rewrite(db, c, select, {}, false, [](const SqlValue& v, const std::string&) {
      return std::get<std::string>(v);
    });
  }
  return sealed;
}

std::int64_t seal_contact_addresses(SqlConnection& db) {
  seal_clear_personal_data(db, 61);
  // An account is renamed only when its user name is the phone it holds (a citizen who signed up
  // with it): rotate-key derives the new name from that phone. A phone-like user name without
  // the same phone beside it (none is made by MotCua) stays as it is.
  std::int64_t renamed = 0;
  for (const auto& row : db.query("SELECT id, username, phone_hash FROM users WHERE phone_hash <> "
                                  "'' AND username NOT LIKE "
                                  "'phone:%'",
                                  {})) {
    const std::string name = row.text(1);
    if (!is_normalised_phone(name)) continue;
    const auto hashes = data_keys().lookup_hashes(name);
    bool same = false;
    for (const auto& h : hashes) same = same || h == row.text(2);
    if (!same) continue;
    db.execute("UPDATE users SET username = ? WHERE id = ?",
               {std::string(kPhoneUsernamePrefix) + row.text(2), row.text(0)});
    ++renamed;
  }
  return renamed;
}

void require_known_data_keys(SqlConnection& db) {
  const auto& keys = data_keys().keys();
  const auto known = [&](const std::string& id) {
    for (const auto& k : keys)
      if (k.id == id) return true;
    return false;
  };
  for (const auto& c : sealed_columns()) {
    // The first and last sealed rows by key: a database restored or moved without its key file
    // has every value under the missing key, so two rows tell, and along the primary key they are
    // found at once even among millions of dossiers (a full check is what rotate-key does).
    const std::string col = c.column;
    std::string sealed_only = "(" + col + " LIKE 'enc1:%' OR " + col + " LIKE 'enc2:%')";
    // A binary column: its binary forms too (SQLite: any blob; PostgreSQL: the format byte), and
    // the text forms kept as bytes (PostgreSQL).
    if (c.binary_from != 0) {
      sealed_only = db.dialect() == Dialect::postgres
                        ? "(substr(" + col +
                              ", 1, 1) IN ('\\x01'::bytea, '\\x02'::bytea) OR substr(" + col +
                              ", 1, 5) IN ('enc1:'::bytea, 'enc2:'::bytea))"
                        : "((typeof(" + col + ") = 'blob' AND length(" + col + ") > 0) OR " +
                              sealed_only + ")";
    }
    for (const char* order : {" ASC", " DESC"}) {
      const auto row =
          db.query_one(std::string("SELECT ") + c.column + " FROM " + c.table + " WHERE " +
                       sealed_only + " ORDER BY " + c.key + order + " LIMIT 1");
      if (!row) break;
      const auto id = key_id_of_stored(row->values.at(0));
      if (known(id)) continue;
      std::string ids;
      for (const auto& k : keys) ids += (ids.empty() ? "" : ", ") + k.id;
      throw DataKeyError(
          std::string("Dữ liệu cá nhân trong cơ sở dữ liệu được mã hóa bằng khóa ") + id +
          " mà tệp khóa không có. / The database holds personal data sealed under key " + id +
          " (" + c.table + "." + c.column + "), but the data key file holds only " + ids +
          ": start with --data-key-file (MOTCUA_DATA_KEY_FILE) naming the key file kept with this "
          "database's backup (docs/operations.md, \"Keep the data key apart from the database\").");
    }
  }
}

std::int64_t reseal_batch(SqlConnection& db, const SealedColumn& c, int limit) {
  const auto clear_of = [&c](const SqlValue& v, const std::string& row_key) {
    return unseal_stored(v, c.table, c.column, row_key);
  };
  if (c.binary_from != 0) {
    // Everything not yet binary under the current key: binary values under an old key, and text
    // forms (whose bytes from the second on are never a length byte and a key id; on SQLite a
    // text is never equal to a blob).
    const std::string head = data_keys().binary_key_head();
    const std::string select =
        std::string("SELECT ") + c.key + ", " + c.column + ", " + c.bound_to + " FROM " + c.table +
        " WHERE length(" + c.column + ") > 0 AND substr(" + c.column + ", 2, " +
        std::to_string(head.size()) + ") <> ? ORDER BY " + c.key + " LIMIT ?";
    return rewrite(db, c, select, {Bytes{head}, std::int64_t{limit}}, true, clear_of);
  }
  // Everything not yet enc2 under the current key: values under an old key, and enc1 values under
  // any key (bound to their row from now on).
  const std::string select = std::string("SELECT ") + c.key + ", " + c.column + ", " + c.bound_to +
                             " FROM " + c.table + " WHERE " + c.column + " <> '' AND " + c.column +
                             " NOT LIKE ? ORDER BY " + c.key + " LIMIT ?";
  const std::string current = "enc2:" + data_keys().current_id() + ":%";
  return rewrite(db, c, select, {current, std::int64_t{limit}}, false, clear_of);
}

}  // namespace motcua::store
