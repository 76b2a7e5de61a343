#include "app/accounts/accounts.hpp"

#include "app/admin/grantable_role.hpp"
#include "codec/admin_audit_json.hpp"
#include "domain/text/contact_address.hpp"
#include "domain/text/mask.hpp"
#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/hashing.hpp"
#include "store/login_failures.hpp"
#include "store/second_factor_repository.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace {

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
  if (store::username_taken(db, u.username)) {
    return tl::unexpected(conflict("username_taken", "Tên đăng nhập đã được dùng.",
                                   "The username is already taken.", u.username));
  }
  store::insert_user(
      db, {u.id, u.username, u.applicant ? "applicant" : "official", u.display_name, u.id_number,
           u.email, u.phone,
           password_hash.empty() ? hash_password(u.password, cost) : password_hash, now_iso});
  for (const auto& g : u.grants) {
    store::insert_user_grant(db, u.id, std::string(dossier::to_string(g.role)), g.agency_id);
  }
  return {};
}

std::optional<Actor> load_actor(store::SqlConnection& db, const std::string& user_id) {
  const auto user = store::find_active_user(db, user_id);
  if (!user) return std::nullopt;
  Actor actor{user->id, user->display_name, user->kind == "applicant", {}};
  for (const auto& g : store::grants_of(db, user_id)) {
    // A `system` grant stored for a person (before such grants were refused) is ignored: the
    // system actor is internal only (app/admin/grantable_role.hpp).
    const auto role = dossier::parse_role(g.role);
    if (role && grant_counts_for_person(*role)) actor.grants.push_back({*role, g.agency_id});
  }
  return actor;
}

std::string login_name(const std::string& typed) {
  const auto parsed = text::parse_contact_address(typed);
  if (parsed && parsed->kind == text::AddressKind::phone) return parsed->value;
  return typed;
}

std::string audited_name(const std::string& name) {
  const auto parsed = text::parse_contact_address(name);
  if (parsed && parsed->kind == text::AddressKind::phone)
    return text::mask_identifier(parsed->value);
  return name;
}

std::string shown_username(const std::string& stored, const std::string& phone) {
  if (stored.rfind("phone:", 0) != 0) return stored;
  return text::mask_identifier(phone);
}

AppResult<Actor> authenticate(store::SqlConnection& db, const std::string& username,
                              const std::string& password) {
  const auto credentials = store::credentials_of(db, login_name(username));
  if (!credentials) {
    (void)verify_password(dummy_hash(), password);
    return tl::unexpected(unauthorized());
  }
  if (!verify_password(credentials->password_hash, password)) {
    return tl::unexpected(unauthorized());
  }
  auto actor = load_actor(db, credentials->user_id);
  if (!actor) return tl::unexpected(unauthorized());
  return std::move(*actor);
}

void audit_login_failure(store::SqlConnection& db, const std::string& username,
                         const std::string& client_address, const std::string& now_iso) {
  store::append_audit(db, {0, "anonymous", now_iso, "session.login_failed", "session", "",
                           codec::login_details(audited_name(username), client_address)});
}

void audit_login_success(store::SqlConnection& db, const Actor& actor, const std::string& username,
                         const std::string& client_address, const std::string& now_iso) {
  store::append_audit(db, {0, actor.user_id, now_iso, "session.logged_in", "session", "",
                           codec::login_details(audited_name(username), client_address)});
}

Session open_session(store::SqlConnection& db, Actor actor, std::int64_t now_s,
                     const std::string& now_iso, OlderSessions older) {
  const auto user = store::find_active_user(db, actor.user_id);
  const bool enrolment_due = store::second_factor_enrolment_due(db, actor.user_id);
  Session s{random_token(),
            random_token(),
            std::move(actor),
            now_s + kSessionSeconds,
            user && user->must_change_password,
            enrolment_due};
  store::delete_expired_sessions(db, now_s);
  if (older == OlderSessions::ended) store::delete_sessions_of(db, s.actor.user_id);
  store::insert_session(
      db, {store::sha256_hex(s.token), s.actor.user_id, s.csrf_token, now_iso, s.expires_s});
  return s;
}

AppResult<Session> login(store::SqlConnection& db, const std::string& username,
                         const std::string& password, std::int64_t now_s,
                         const std::string& now_iso) {
  auto actor = authenticate(db, username, password);
  if (!actor) return tl::unexpected(actor.error());
  return open_session(db, std::move(*actor), now_s, now_iso);
}

std::optional<Session> find_session(store::SqlConnection& db, const std::string& token,
                                    std::int64_t now_s) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  const auto row = store::find_session_by_hash(db, store::sha256_hex(token));
  if (!row || row->expires_s < now_s) return std::nullopt;
  const auto user = store::find_active_user(db, row->user_id);
  auto actor = load_actor(db, row->user_id);
  if (!user || !actor) return std::nullopt;
  return Session{{},
                 row->csrf_token,
                 std::move(*actor),
                 row->expires_s,
                 user->must_change_password,
                 store::second_factor_enrolment_due(db, row->user_id)};
}

void logout(store::SqlConnection& db, const std::string& token) {
  store::delete_session(db, store::sha256_hex(token));
}

std::int64_t LoginThrottle::retry_after(store::SqlConnection& db, const std::string& key,
                                        std::int64_t now_s) const {
  const auto window = store::find_login_failures(db, scope_, key);
  if (!window || now_s - window->window_start >= window_s_) return 0;
  if (window->failures < max_failures_) return 0;
  return window->window_start + window_s_ - now_s;
}

void LoginThrottle::record_failure(store::SqlConnection& db, const std::string& key,
                                   std::int64_t now_s) const {
  store::add_login_failure(db, scope_, key, now_s, window_s_);
}

void LoginThrottle::record_success(store::SqlConnection& db, const std::string& key) const {
  store::clear_login_failures(db, scope_, key);
}

}  // namespace motcua::app
