#include "store/personal_data.hpp"

#include <stdexcept>

#include "store/data_keys.hpp"

namespace motcua::store {

const std::vector<SealedColumn>& sealed_columns() {
  static const std::vector<SealedColumn> columns{
      {"users", "id", "id_number", "id_number_hash", "id"},
      {"users", "id", "phone", "phone_hash", "id"},
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
      {"dossiers", "id", "document", "", "id"},
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

std::string lookup_hash(std::string_view clear) { return data_keys().lookup_hash(clear); }

std::pair<std::string, std::string> lookup_hash_pair(std::string_view clear) {
  const auto hashes = data_keys().lookup_hashes(clear);
  if (hashes.empty()) return {"", ""};
  return {hashes.front(), hashes.back()};
}

namespace {

// Rewrites the rows `select` finds (key, stored value, the key the value is bound to) with
// `clear_of(stored, row key)` giving each clear value, sealed again bound to its row.
template <typename ClearOf>
std::int64_t rewrite(SqlConnection& db, const SealedColumn& c, const std::string& select,
                     const std::vector<SqlValue>& params, ClearOf clear_of) {
  const std::string table = c.table;
  const std::string update =
      std::string("UPDATE ") + table + " SET " + c.column + " = ?" +
      (*c.hash != '\0' ? std::string(", ") + c.hash + " = ?" : std::string()) + " WHERE " + c.key +
      " = ?";
  std::int64_t changed = 0;
  for (const auto& row : db.query(select, params)) {
    const std::string clear = clear_of(row.text(1), row.text(2));
    std::vector<SqlValue> values{seal(clear, c.table, c.column, row.text(2))};
    if (*c.hash != '\0') values.emplace_back(lookup_hash(clear));
    values.emplace_back(row.text(0));
    db.execute(update, values);
    ++changed;
  }
  return changed;
}

}  // namespace

std::int64_t seal_clear_personal_data(SqlConnection& db) {
  std::int64_t sealed = 0;
  for (const auto& c : sealed_columns()) {
    const std::string select = std::string("SELECT ") + c.key + ", " + c.column + ", " +
                               c.bound_to + " FROM " + c.table + " WHERE " + c.column +
                               " <> '' AND " + c.column + " NOT LIKE 'enc1:%' AND " + c.column +
                               " NOT LIKE 'enc2:%'";
    sealed +=
        rewrite(db, c, select, {}, [](const std::string& v, const std::string&) { return v; });
  }
  return sealed;
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
    for (const char* order : {" ASC", " DESC"}) {
      const auto row = db.query_one(std::string("SELECT ") + c.column + " FROM " + c.table +
                                    " WHERE " + "(" + c.column + " LIKE 'enc1:%' OR " + c.column +
                                    " LIKE 'enc2:%') ORDER BY " + c.key + order + " LIMIT 1");
      if (!row) break;
      const auto id = DataKeys::key_id_of(row->text(0));
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
  // Everything not yet enc2 under the current key: values under an old key, and enc1 values under
  // any key (bound to their row from now on).
  const std::string select = std::string("SELECT ") + c.key + ", " + c.column + ", " + c.bound_to +
                             " FROM " + c.table + " WHERE " + c.column + " <> '' AND " + c.column +
                             " NOT LIKE ? ORDER BY " + c.key + " LIMIT ?";
  const std::string current = "enc2:" + data_keys().current_id() + ":%";
  return rewrite(db, c, select, {current, std::int64_t{limit}},
                 [&c](const std::string& v, const std::string& row_key) {
                   return unseal(v, c.table, c.column, row_key);
                 });
}

}  // namespace motcua::store
