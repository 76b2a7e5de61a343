#include "app/accounts/accounts.hpp"

#include "store/hashing.hpp"

namespace motcua::app {

namespace {

constexpr const char* kInsertUser =
    "INSERT INTO users(id, username, kind, display_name, id_number, email, phone, password_hash, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertGrant =
    "INSERT INTO user_roles(user_id, role, agency_id) VALUES (?, ?, ?)";
constexpr const char* kUserById =
    "SELECT id, kind, display_name FROM users WHERE id = ? AND disabled = 0";
constexpr const char* kUserByName =
    "SELECT id, password_hash FROM users WHERE username = ? AND disabled = 0";
constexpr const char* kGrants =
    "SELECT role, agency_id FROM user_roles WHERE user_id = ? ORDER BY role";
constexpr const char* kInsertSession =
    "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_s) VALUES (?, ?, ?, "
    "?, ?)";
constexpr const char* kSessionByHash =
    "SELECT user_id, csrf_token, expires_s FROM sessions WHERE token_hash = ?";
constexpr const char* kDeleteSession = "DELETE FROM sessions WHERE token_hash = ?";
constexpr const char* kDeleteExpired = "DELETE FROM sessions WHERE expires_s < ?";

// Any well-formed Argon2id string: verifying against it costs as much as a real one, so an unknown
// username takes as long to refuse as a wrong password.
const std::string& dummy_hash() {
  static const std::string hash = hash_password("motcua-dummy-password");
  return hash;
}

AppError unauthorized() {
  return {ErrorKind::unauthenticated,
          "invalid_credentials",
          "Tên đăng nhập hoặc mật khẩu không đúng.",
          "Wrong username or password.",
          {}};
}

}  // namespace

AppResult<void> create_user(store::SqlConnection& db, const NewUser& u, const std::string& now_iso,
                            PasswordCost cost, const std::string& password_hash) {
  if (u.username.empty() || u.display_name.empty()) {
    return tl::unexpected(invalid_input("username and display name are required"));
  }
  if (auto problem = password_problem(u.password); password_hash.empty() && !problem.empty()) {
    return tl::unexpected(invalid_input(problem));
  }
  if (db.query_one("SELECT 1 FROM users WHERE username = ?", {u.username})) {
    return tl::unexpected(conflict("username_taken", "Tên đăng nhập đã được dùng.",
                                   "The username is already taken.", u.username));
  }
  db.execute(kInsertUser,
             {u.id, u.username, std::string(u.applicant ? "applicant" : "official"), u.display_name,
              u.id_number, u.email, u.phone,
              password_hash.empty() ? hash_password(u.password, cost) : password_hash, now_iso});
  for (const auto& g : u.grants) {
    db.execute(kInsertGrant, {u.id, std::string(dossier::to_string(g.role)), g.agency_id});
  }
  return {};
}

std::optional<Actor> load_actor(store::SqlConnection& db, const std::string& user_id) {
  const auto row = db.query_one(kUserById, {user_id});
  if (!row) return std::nullopt;
  Actor actor{row->text(0), row->text(2), row->text(1) == "applicant", {}};
  for (const auto& g : db.query(kGrants, {user_id})) {
    if (auto role = dossier::parse_role(g.text(0))) actor.grants.push_back({*role, g.text(1)});
  }
  return actor;
}

AppResult<Session> login(store::SqlConnection& db, const std::string& username,
                         const std::string& password, std::int64_t now_s,
                         const std::string& now_iso) {
  const auto row = db.query_one(kUserByName, {username});
  if (!row) {
    (void)verify_password(dummy_hash(), password);
    return tl::unexpected(unauthorized());
  }
  if (!verify_password(row->text(1), password)) return tl::unexpected(unauthorized());
  auto actor = load_actor(db, row->text(0));
  if (!actor) return tl::unexpected(unauthorized());
  Session s{random_token(), random_token(), std::move(*actor), now_s + kSessionSeconds};
  db.execute(kDeleteExpired, {now_s});
  db.execute(kInsertSession,
             {store::sha256_hex(s.token), s.actor.user_id, s.csrf_token, now_iso, s.expires_s});
  return s;
}

std::optional<Session> find_session(store::SqlConnection& db, const std::string& token,
                                    std::int64_t now_s) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const auto row = db.query_one(kSessionByHash, {store::sha256_hex(token)});
  if (!row || row->integer(2) < now_s) return std::nullopt;
  auto actor = load_actor(db, row->text(0));
  if (!actor) return std::nullopt;
  return Session{{}, row->text(1), std::move(*actor), row->integer(2)};
}

void logout(store::SqlConnection& db, const std::string& token) {
  db.execute(kDeleteSession, {store::sha256_hex(token)});
}

std::int64_t LoginThrottle::retry_after(const std::string& key, std::int64_t now_s) {
  std::lock_guard lock(mu_);
  const auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  if (now_s - it->second.window_start >= window_s_) {
    entries_.erase(it);
    return 0;
  }
  if (it->second.failures < max_failures_) return 0;
  return it->second.window_start + window_s_ - now_s;
}

void LoginThrottle::record_failure(const std::string& key, std::int64_t now_s) {
  std::lock_guard lock(mu_);
  auto& e = entries_[key];
  if (e.failures == 0 || now_s - e.window_start >= window_s_) e = Entry{0, now_s};
  ++e.failures;
}

void LoginThrottle::record_success(const std::string& key) {
  std::lock_guard lock(mu_);
  entries_.erase(key);
}

}  // namespace motcua::app
