#include "app/admin/admin_users.hpp"

#include <algorithm>
#include <cctype>

#include "app/accounts/accounts.hpp"
#include "app/accounts/passwords.hpp"
#include "app/dossier/dossier_access.hpp"
#include "store/audit_log.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

constexpr const char* kAgencyExists = "SELECT 1 FROM agencies WHERE id = ?";
constexpr std::size_t kMaxName = 200;

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

AppError reason_required() {
  return {ErrorKind::invalid_input, "reason_required", "Cần ghi lý do thay đổi.",
          "A reason for the change is required.", ""};
}

bool valid_username(const std::string& u) {
  if (u.size() < 3 || u.size() > 64) return false;
  return std::all_of(u.begin(), u.end(), [](unsigned char c) {
    return std::islower(c) != 0 || std::isdigit(c) != 0 || c == '.' || c == '_' || c == '-';
  });
}

std::string string_member(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string{};
}

json::object view(const store::UserRow& u) {
  json::array grants;
  for (const auto& g : u.grants) {
    grants.push_back(
        json::object{{"role", g.role}, {"agency_id", g.agency_id}, {"agency_name", g.agency_name}});
  }
  return {{"id", u.id},           {"username", u.username},     {"display_name", u.display_name},
          {"email", u.email},     {"phone", u.phone},           {"disabled", u.disabled},
          {"version", u.version}, {"created_at", u.created_at}, {"grants", std::move(grants)}};
}

bool in_scope(const std::vector<std::string>& scope, const std::string& agency) {
  return std::find(scope.begin(), scope.end(), agency) != scope.end();
}

// The actor may manage `user` when every agency the user holds a role at lies in the actor's
// administrator scope, so a commune's administrator cannot disable a provincial official.
AppResult<store::UserRow> manageable(store::SqlConnection& db, const Actor& actor,
                                     const std::string& user_id) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  auto user = store::find_user(db, user_id);
  if (!user || user->kind != "official") return tl::unexpected(not_found("official " + user_id));
  const auto scope = scoped_agencies(db, actor, dossier::Role::administrator);
  for (const auto& g : user->grants) {
    if (!in_scope(scope, g.agency_id)) {
      return tl::unexpected(
          forbidden_action("the official holds a role at " + g.agency_id + ", outside your scope"));
    }
  }
  return std::move(*user);
}

std::string random_user_id() { return "u_" + random_token(12); }

}  // namespace

AppResult<void> require_administrator(const Actor& actor) {
  if (actor.applicant || !actor.has_role(dossier::Role::administrator)) {
    return tl::unexpected(forbidden_action("only administrators manage officials"));
  }
  return {};
}

AppResult<json::array> list_officials(store::SqlConnection& db, const Actor& actor,
                                      const std::string& query) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  store::UserFilter filter;
  filter.username_like = query;
  json::array out;
  for (const auto& u : store::list_users(db, filter)) out.push_back(view(u));
  return out;
}

AppResult<NewOfficial> read_new_official(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  NewOfficial n;
  n.username = string_member(o, "username");
  n.display_name = string_member(o, "display_name");
  n.email = string_member(o, "email");
  n.phone = string_member(o, "phone");
  n.reason = string_member(o, "reason");
  if (!valid_username(n.username)) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "invalid_username",
        "Tên đăng nhập gồm 3-64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.",
        "A username has 3-64 characters: lowercase letters, digits, '.', '_' and '-'.",
        n.username});
  }
  if (blank(n.display_name) || n.display_name.size() > kMaxName) {
    return tl::unexpected(invalid_input("'display_name' is required (at most 200 characters)"));
  }
  if (n.email.size() > kMaxName || n.phone.size() > 40) {
    return tl::unexpected(invalid_input("'email' or 'phone' is too long"));
  }
  const auto* grants = o.if_contains("grants");
  if (grants != nullptr && !grants->is_array()) {
    return tl::unexpected(invalid_input("'grants' must be an array of {role, agency_id}"));
  }
  if (grants != nullptr) {
    for (const auto& g : grants->as_array()) {
      if (!g.is_object()) return tl::unexpected(invalid_input("a grant must be an object"));
      const auto role = dossier::parse_role(string_member(g.as_object(), "role"));
      if (!role || *role == dossier::Role::applicant) {
        return tl::unexpected(invalid_input("unknown role in grants"));
      }
      n.grants.push_back({*role, string_member(g.as_object(), "agency_id")});
    }
  }
  if (blank(n.reason)) return tl::unexpected(reason_required());
  const std::string password = string_member(o, "temporary_password");
  if (auto problem = password_problem(password); !problem.empty()) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "weak_password",
                                   "Mật khẩu tạm không đạt yêu cầu (10-128 ký tự, không phổ biến).",
                                   "The temporary password is too weak (10-128 characters, not "
                                   "a common one).",
                                   problem});
  }
  n.password_hash = hash_password(password);
  return n;
}

AppResult<json::object> create_official(store::SqlConnection& db, const Actor& actor,
                                        const NewOfficial& n, const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const auto scope = scoped_agencies(db, actor, dossier::Role::administrator);
  for (const auto& g : n.grants) {
    if (!db.query_one(kAgencyExists, {g.agency_id})) {
      return tl::unexpected(invalid_input("unknown agency '" + g.agency_id + "'"));
    }
    if (!in_scope(scope, g.agency_id)) {
      return tl::unexpected(forbidden_action("agency " + g.agency_id + " is outside your scope"));
    }
  }
  NewUser user;
  user.id = random_user_id();
  user.username = n.username;
  user.applicant = false;
  user.display_name = n.display_name;
  user.email = n.email;
  user.phone = n.phone;
  user.grants = n.grants;
  if (auto ok = create_user(db, user, now_iso, PasswordCost::interactive, n.password_hash); !ok)
    return tl::unexpected(ok.error());
  json::array grants;
  for (const auto& g : n.grants) {
    grants.push_back(
        json::object{{"role", dossier::to_string(g.role)}, {"agency_id", g.agency_id}});
  }
  store::append_audit(db, {0, actor.user_id, now_iso, "user.created", user.id, n.reason,
                           json::serialize(json::object{{"username", n.username},
                                                        {"display_name", n.display_name},
                                                        {"grants", std::move(grants)}})});
  return view(*store::find_user(db, user.id));
}

AppResult<json::object> update_official(store::SqlConnection& db, const Actor& actor,
                                        const std::string& user_id, const json::value& body,
                                        const std::string& now_iso) {
  auto user = manageable(db, actor, user_id);
  if (!user) return tl::unexpected(user.error());
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  std::string name = user->display_name;
  bool disabled = user->disabled;
  if (const auto* v = o.if_contains("display_name")) {
    if (!v->is_string() || blank(std::string(v->as_string())) || v->as_string().size() > kMaxName) {
      return tl::unexpected(invalid_input("'display_name' must be a non-empty string"));
    }
    name = std::string(v->as_string());
  }
  if (const auto* v = o.if_contains("disabled")) {
    if (!v->is_bool()) return tl::unexpected(invalid_input("'disabled' must be true or false"));
    disabled = v->as_bool();
  }
  const auto* version = o.if_contains("expected_version");
  if (version == nullptr || !version->is_int64()) {
    return tl::unexpected(invalid_input("'expected_version' (the version you read) is required"));
  }
  const std::string reason = string_member(o, "reason");
  if (blank(reason)) return tl::unexpected(reason_required());
  if (disabled && user_id == actor.user_id) {
    return tl::unexpected(conflict("cannot_disable_self", "Không thể tự khóa tài khoản của mình.",
                                   "You cannot disable your own account."));
  }
  if (!store::update_user(db, user_id, name, disabled, version->as_int64())) {
    return tl::unexpected(conflict("user_version_mismatch",
                                   "Tài khoản vừa được người khác thay đổi; hãy tải lại.",
                                   "The official was changed by someone else; reload and retry.",
                                   "stored version " + std::to_string(user->version)));
  }
  // A disabled official is logged out at once, not at the end of their session.
  if (disabled) store::delete_sessions_of(db, user_id);
  const json::object details{
      {"before", json::object{{"display_name", user->display_name}, {"disabled", user->disabled}}},
      {"after", json::object{{"display_name", name}, {"disabled", disabled}}}};
  store::append_audit(
      db, {0, actor.user_id, now_iso, "user.updated", user_id, reason, json::serialize(details)});
  return view(*store::find_user(db, user_id));
}

AppResult<json::object> change_grant(store::SqlConnection& db, const Actor& actor,
                                     const std::string& user_id, const std::string& role_text,
                                     const std::string& agency_id, bool grant,
                                     const std::string& reason, const std::string& now_iso) {
  auto user = manageable(db, actor, user_id);
  if (!user) return tl::unexpected(user.error());
  const auto role = dossier::parse_role(role_text);
  if (!role || *role == dossier::Role::applicant) {
    return tl::unexpected(invalid_input("unknown role '" + role_text +
                                        "' (reception, processing, leader, administrator)"));
  }
  if (!db.query_one(kAgencyExists, {agency_id})) {
    return tl::unexpected(not_found("agency " + agency_id));
  }
  const auto scope = scoped_agencies(db, actor, dossier::Role::administrator);
  if (!in_scope(scope, agency_id)) {
    return tl::unexpected(forbidden_action("agency " + agency_id + " is outside your scope"));
  }
  if (blank(reason)) return tl::unexpected(reason_required());
  if (!grant && user_id == actor.user_id && *role == dossier::Role::administrator) {
    return tl::unexpected(conflict("cannot_revoke_own_administrator",
                                   "Không thể tự thu hồi quyền quản trị của mình.",
                                   "You cannot revoke your own administrator role."));
  }
  const std::string role_name(dossier::to_string(*role));
  const bool changed = grant ? store::add_grant(db, user_id, role_name, agency_id)
                             : store::remove_grant(db, user_id, role_name, agency_id);
  if (changed) {
    store::bump_user_version(db, user_id);
    store::append_audit(
        db, {0, actor.user_id, now_iso, grant ? "user.role_granted" : "user.role_revoked", user_id,
             reason, json::serialize(json::object{{"role", role_name}, {"agency_id", agency_id}})});
  }
  return view(*store::find_user(db, user_id));
}

}  // namespace motcua::app
