#include "app/admin/admin_users.hpp"

#include <algorithm>
#include <cctype>

#include "app/accounts/accounts.hpp"
#include "app/accounts/passwords.hpp"
#include "app/admin/grantable_role.hpp"
#include "app/dossier/dossier_access.hpp"
#include "codec/admin_audit_json.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

AppError reason_required() {
  return {ErrorKind::invalid_input, "reason_required", "Cần ghi lý do thay đổi.",
          "A reason for the change is required.", ""};
}

bool in_scope(const std::vector<std::string>& scope, const std::string& agency) {
  return std::find(scope.begin(), scope.end(), agency) != scope.end();
}

std::string random_user_id() { return "u_" + random_token(12); }

}  // namespace

OfficialView official_view(const store::UserRow& u) {
  // A citizen named by their phone is stored as "phone:" + its hash: shown as the phone, masked.
  OfficialView v{u.id,
                 shown_username(u.username, u.phone),
                 u.display_name,
                 u.email,
                 u.phone,
                 u.disabled,
                 u.version,
                 u.created_at,
                 {}};
  for (const auto& g : u.grants) v.grants.push_back({g.role, g.agency_id, g.agency_name});
  return v;
}

bool valid_username(const std::string& u) {
  if (u.size() < 3 || u.size() > 64) return false;
  return std::all_of(u.begin(), u.end(), [](unsigned char c) {
    return std::islower(c) != 0 || std::isdigit(c) != 0 || c == '.' || c == '_' || c == '-';
  });
}

std::optional<AppError> username_problem(const std::string& username) {
  if (valid_username(username)) return std::nullopt;
  return AppError{
      ErrorKind::invalid_input, "invalid_username",
      "Tên đăng nhập gồm 3-64 ký tự: chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang.",
      "A username has 3-64 characters: lowercase letters, digits, '.', '_' and '-'.", username};
}

std::optional<AppError> temporary_password_problem(const std::string& password) {
  auto problem = password_problem(password);
  if (problem.empty()) return std::nullopt;
  return AppError{ErrorKind::invalid_input, "weak_password",
                  "Mật khẩu tạm không đạt yêu cầu (10-128 ký tự, không phổ biến).",
                  "The temporary password is too weak (10-128 characters, not a common one).",
                  std::move(problem)};
}

AppResult<void> require_administrator(const Actor& actor) {
  if (actor.applicant || !actor.has_role(dossier::Role::administrator)) {
    return tl::unexpected(forbidden_action("only administrators manage officials"));
  }
  return {};
}

// The actor may manage `user` when every agency the user holds a role at lies in the actor's
// administrator scope, so a commune's administrator cannot disable a provincial official.
AppResult<store::UserRow> manageable_official(store::SqlConnection& db, const Actor& actor,
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

AppResult<std::vector<OfficialView>> list_officials(store::SqlConnection& db, const Actor& actor,
                                                    const std::string& query) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  store::UserFilter filter;
  filter.username_like = query;
  std::vector<OfficialView> out;
  for (const auto& u : store::list_users(db, filter)) out.push_back(official_view(u));
  return out;
}

AppResult<OfficialView> create_official(store::SqlConnection& db, const Actor& actor,
                                        const NewOfficial& n, const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const auto scope = scoped_agencies(db, actor, dossier::Role::administrator);
  for (const auto& g : n.grants) {
    if (auto ok = grantable_role(std::string(dossier::to_string(g.role))); !ok)
      return tl::unexpected(ok.error());
    if (!store::agency_exists(db, g.agency_id)) {
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
  std::vector<codec::AuditGrant> grants;
  for (const auto& g : n.grants) {
    grants.push_back({std::string(dossier::to_string(g.role)), g.agency_id});
  }
  store::append_audit(db, {0, actor.user_id, now_iso, "user.created", user.id, n.reason,
                           codec::official_created_details(n.username, n.display_name, grants)});
  return official_view(*store::find_user(db, user.id));
}

AppResult<OfficialView> update_official(store::SqlConnection& db, const Actor& actor,
                                        const std::string& user_id, const OfficialEdit& edit,
                                        const std::string& now_iso) {
  auto user = manageable_official(db, actor, user_id);
  if (!user) return tl::unexpected(user.error());
  if (edit.field_error) return tl::unexpected(*edit.field_error);
  const std::string name = edit.display_name.value_or(user->display_name);
  const bool disabled = edit.disabled.value_or(user->disabled);
  const std::string& reason = edit.reason;
  if (blank(reason)) return tl::unexpected(reason_required());
  if (disabled && user_id == actor.user_id) {
    return tl::unexpected(conflict("cannot_disable_self", "Không thể tự khóa tài khoản của mình.",
                                   "You cannot disable your own account."));
  }
  if (!store::update_user(db, user_id, name, disabled, edit.expected_version)) {
    return tl::unexpected(conflict("user_version_mismatch",
                                   "Tài khoản vừa được người khác thay đổi; hãy tải lại.",
                                   "The official was changed by someone else; reload and retry.",
                                   "stored version " + std::to_string(user->version)));
  }
  // A disabled official is logged out at once, not at the end of their session.
  if (disabled) store::delete_sessions_of(db, user_id);
  store::append_audit(
      db, {0, actor.user_id, now_iso, "user.updated", user_id, reason,
           codec::official_change_details(user->display_name, user->disabled, name, disabled)});
  return official_view(*store::find_user(db, user_id));
}

AppResult<OfficialView> change_grant(store::SqlConnection& db, const Actor& actor,
                                     const std::string& user_id, const std::string& role_text,
                                     const std::string& agency_id, bool grant,
                                     const std::string& reason, const std::string& now_iso) {
  auto user = manageable_official(db, actor, user_id);
  if (!user) return tl::unexpected(user.error());
  const auto role = grantable_role(role_text);
  if (!role) return tl::unexpected(role.error());
  if (!store::agency_exists(db, agency_id)) {
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
             reason, codec::grant_details({role_name, agency_id})});
  }
  return official_view(*store::find_user(db, user_id));
}

}  // namespace motcua::app
