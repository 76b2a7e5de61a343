#include "store/user_repository.hpp"

#include "store/personal_data.hpp"

namespace motcua::store {

namespace {
// Never the password hash: these rows go to administrators' screens.
constexpr const char* kColumns =
    "SELECT id, username, kind, display_name, email, phone, disabled, version, created_at "
    "FROM users ";
constexpr const char* kListWhere =
    "WHERE kind = ? AND (? = '' OR lower(username) LIKE lower(?) ESCAPE '\\' "
    "OR lower(display_name) LIKE lower(?) ESCAPE '\\') ORDER BY username LIMIT ?";
constexpr const char* kGrants =
    "SELECT r.role, r.agency_id, COALESCE(a.name, '') FROM user_roles r "
    "LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.user_id = ? ORDER BY r.role, r.agency_id";
constexpr const char* kUpdate =
    "UPDATE users SET display_name = ?, disabled = ?, version = version + 1 "
    "WHERE id = ? AND version = ?";
constexpr const char* kBump = "UPDATE users SET version = version + 1 WHERE id = ?";
constexpr const char* kAddGrant =
    "INSERT INTO user_roles(user_id, role, agency_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
constexpr const char* kRemoveGrant =
    "DELETE FROM user_roles WHERE user_id = ? AND role = ? AND agency_id = ?";
constexpr const char* kDeleteSessions = "DELETE FROM sessions WHERE user_id = ?";

// "contains `text`" as a LIKE pattern both engines read alike (instr() is SQLite's own); the query
// lowers both sides. Wildcards in the text are literal.
std::string contains_pattern(const std::string& text) {
  std::string out = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

UserRow row_of(SqlConnection& db, const SqlRow& r) {
  UserRow u{r.text(0),         r.text(1),
            r.text(2),         r.text(3),
            r.text(4),         unseal(r.text(5), "users", "phone", r.text(0)),
            r.integer(6) != 0, r.integer(7),
            r.text(8),         {}};
  for (const auto& g : db.query(kGrants, {u.id})) {
    u.grants.push_back({g.text(0), g.text(1), g.text(2)});
  }
  return u;
}
}  // namespace

std::vector<UserRow> list_users(SqlConnection& db, const UserFilter& f) {
  std::vector<UserRow> out;
  const auto rows = db.query(std::string(kColumns) + kListWhere,
                             {f.kind, f.username_like, contains_pattern(f.username_like),
                              contains_pattern(f.username_like), std::int64_t{f.limit}});
  for (const auto& r : rows) out.push_back(row_of(db, r));
  return out;
}

std::optional<UserRow> find_user(SqlConnection& db, const std::string& id) {
  const auto r = db.query_one(std::string(kColumns) + "WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return row_of(db, *r);
}

bool update_user(SqlConnection& db, const std::string& id, const std::string& display_name,
                 bool disabled, std::int64_t expected_version) {
  return db.execute(kUpdate,
                    {display_name, std::int64_t{disabled ? 1 : 0}, id, expected_version}) == 1;
}

void bump_user_version(SqlConnection& db, const std::string& id) { db.execute(kBump, {id}); }

bool add_grant(SqlConnection& db, const std::string& user_id, const std::string& role,
               const std::string& agency_id) {
  return db.execute(kAddGrant, {user_id, role, agency_id}) == 1;
}

bool remove_grant(SqlConnection& db, const std::string& user_id, const std::string& role,
                  const std::string& agency_id) {
  return db.execute(kRemoveGrant, {user_id, role, agency_id}) == 1;
}

void delete_sessions_of(SqlConnection& db, const std::string& user_id) {
  db.execute(kDeleteSessions, {user_id});
}

namespace {
constexpr const char* kDisplayName = "SELECT display_name FROM users WHERE id = ?";
}  // namespace

std::optional<std::string> user_display_name(SqlConnection& db, const std::string& id) {
  const auto row = db.query_one(kDisplayName, {id});
  if (!row) return std::nullopt;
  return row->text(0);
}

}  // namespace motcua::store
