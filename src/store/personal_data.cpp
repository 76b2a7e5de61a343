#include "store/personal_data.hpp"

#include "store/data_keys.hpp"

namespace motcua::store {

const std::vector<SealedColumn>& sealed_columns() {
  static const std::vector<SealedColumn> columns{
      {"users", "id", "id_number", "id_number_hash"},
      {"users", "id", "phone", "phone_hash"},
      {"dossier_applicant_ids", "dossier_id", "id_number", "id_number_hash"},
      {"dossier_postal", "dossier_id", "phone", ""},
      {"dossier_postal", "dossier_id", "address", ""},
      {"user_identities", "user_id", "id_number", ""},
      {"feedback", "id", "contact", "contact_hash"},
      {"open311_requests", "feedback_id", "address_string", ""},
      {"open311_requests", "feedback_id", "email", ""},
      {"open311_requests", "feedback_id", "phone", ""},
      // Notices (recipient, text), webhook and portal messages waiting to be delivered.
      {"outbox", "id", "payload", ""},
      // The whole application form: the applicant's ID number, phone and address are in it.
      {"dossiers", "id", "document", ""},
  };
  return columns;
}

std::string seal(std::string_view clear) { return data_keys().encrypt(clear); }

std::string unseal(std::string_view stored) { return data_keys().decrypt(stored); }

std::string lookup_hash(std::string_view clear) { return data_keys().lookup_hash(clear); }

std::pair<std::string, std::string> lookup_hash_pair(std::string_view clear) {
  const auto hashes = data_keys().lookup_hashes(clear);
  if (hashes.empty()) return {"", ""};
  return {hashes.front(), hashes.back()};
}

namespace {

// Rewrites the rows `select` finds (key, stored value) with `clear_of` giving each clear value.
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
    const std::string clear = clear_of(row.text(1));
    std::vector<SqlValue> values{seal(clear)};
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
    const std::string select = std::string("SELECT ") + c.key + ", " + c.column + " FROM " +
                               c.table + " WHERE " + c.column + " <> '' AND " + c.column +
                               " NOT LIKE 'enc1:%'";
    sealed += rewrite(db, c, select, {}, [](const std::string& v) { return v; });
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
      const auto row =
          db.query_one(std::string("SELECT ") + c.column + " FROM " + c.table + " WHERE " +
                       c.column + " LIKE 'enc1:%' ORDER BY " + c.key + order + " LIMIT 1");
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
  const std::string select = std::string("SELECT ") + c.key + ", " + c.column + " FROM " + c.table +
                             " WHERE " + c.column + " <> '' AND " + c.column +
                             " NOT LIKE ? ORDER BY " + c.key + " LIMIT ?";
  const std::string current = "enc1:" + data_keys().current_id() + ":%";
  return rewrite(db, c, select, {current, std::int64_t{limit}},
                 [](const std::string& v) { return unseal(v); });
}

}  // namespace motcua::store
