#include "store/account_repository.hpp"

#include "store/personal_data.hpp"

namespace motcua::store {

namespace {
// A citizen's phone user name is stored as "phone:" + its hash (store/personal_data.hpp).
constexpr const char* kUsernameTaken = "SELECT 1 FROM users WHERE username IN (?, ?, ?)";
constexpr const char* kInsertUser =
    "INSERT INTO users(id, username, kind, display_name, id_number, id_number_hash, email, phone, "
    "phone_hash, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertGrant =
    "INSERT INTO user_roles(user_id, role, agency_id) VALUES (?, ?, ?)";
constexpr const char* kUserById =
    "SELECT id, kind, display_name, must_change_password FROM users WHERE id = ? AND disabled = 0";
constexpr const char* kHashById = "SELECT password_hash FROM users WHERE id = ? AND disabled = 0";
constexpr const char* kSetHash =
    "UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?";
constexpr const char* kUserByName =
    "SELECT id, password_hash FROM users WHERE username IN (?, ?, ?) AND disabled = 0";
constexpr const char* kGrants =
    "SELECT role, agency_id FROM user_roles WHERE user_id = ? ORDER BY role";
}  // namespace

bool username_taken(SqlConnection& db, const std::string& username) {
  const auto names = username_candidates(username);
  return db.query_one(kUsernameTaken, {names[0], names[1], names[2]}).has_value();
}

void insert_user(SqlConnection& db, const NewUserRow& r) {
  // ID number and phone sealed, each with its lookup hash (store/personal_data.hpp).
  db.execute(kInsertUser, {r.id, stored_username(r.username, r.phone), r.kind, r.display_name,
                           seal(r.id_number, "users", "id_number", r.id), lookup_hash(r.id_number),
                           r.email, seal(r.phone, "users", "phone", r.id), lookup_hash(r.phone),
                           r.password_hash, r.created_at});
}

void insert_user_grant(SqlConnection& db, const std::string& user_id, const std::string& role,
                       const std::string& agency_id) {
  db.execute(kInsertGrant, {user_id, role, agency_id});
}

std::optional<ActiveUserRow> find_active_user(SqlConnection& db, const std::string& id) {
  const auto row = db.query_one(kUserById, {id});
  if (!row) return std::nullopt;
  return ActiveUserRow{row->text(0), row->text(1), row->text(2), row->integer(3) != 0};
}

std::optional<CredentialRow> credentials_of(SqlConnection& db, const std::string& username) {
  const auto names = username_candidates(username);
  const auto row = db.query_one(kUserByName, {names[0], names[1], names[2]});
  if (!row) return std::nullopt;
  return CredentialRow{row->text(0), row->text(1)};
}

std::optional<std::string> password_hash_of(SqlConnection& db, const std::string& user_id) {
  const auto row = db.query_one(kHashById, {user_id});
  if (!row) return std::nullopt;
  return row->text(0);
}

void set_password_hash(SqlConnection& db, const std::string& user_id,
                       const std::string& password_hash, bool must_change) {
  db.execute(kSetHash, {password_hash, std::int64_t{must_change ? 1 : 0}, user_id});
}

std::vector<GrantRow> grants_of(SqlConnection& db, const std::string& user_id) {
  std::vector<GrantRow> out;
  for (const auto& g : db.query(kGrants, {user_id})) out.push_back({g.text(0), g.text(1)});
  return out;
}

}  // namespace motcua::store
