#include "app/accounts/password_change.hpp"

#include "app/accounts/accounts.hpp"
#include "app/admin/admin_users.hpp"
#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace {

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

AppError weak_new_password(const std::string& problem) {
  return {ErrorKind::invalid_input, "weak_password",
          "Mật khẩu mới (new_password) không đạt yêu cầu: 10-128 ký tự, không phổ biến.",
          "The new password (new_password) is too weak: 10-128 characters, not a common one.",
          "new_password: " + problem};
}

// 12 URL-safe base64 characters (72 random bits): easy to dictate, and changed at once anyway.
std::string generated_password() { return random_token(9); }

}  // namespace

AppResult<PreparedPasswordChange> prepare_password_change(store::SqlConnection& reader,
                                                          const Actor& actor,
                                                          const PasswordChange& change) {
  const auto stored = store::password_hash_of(reader, actor.user_id);
  if (!stored || !verify_password(*stored, change.current_password)) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "wrong_current_password",
                                   "Mật khẩu hiện tại (current_password) không đúng.",
                                   "The current password (current_password) is wrong.",
                                   "current_password"});
  }
  if (auto problem = password_problem(change.new_password); !problem.empty()) {
    return tl::unexpected(weak_new_password(problem));
  }
  if (change.new_password == change.current_password) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "same_password",
        "Mật khẩu mới (new_password) phải khác mật khẩu hiện tại.",
        "The new password (new_password) must differ from the current one.", "new_password"});
  }
  return PreparedPasswordChange{*stored, hash_password(change.new_password)};
}

AppResult<Session> change_own_password(store::SqlConnection& db, const Actor& actor,
                                       const PreparedPasswordChange& change, std::int64_t now_s,
                                       const std::string& now_iso) {
  if (store::password_hash_of(db, actor.user_id) != change.verified_hash) {
    return tl::unexpected(conflict("password_changed_meanwhile",
                                   "Mật khẩu vừa được thay đổi ở nơi khác; hãy đăng nhập lại.",
                                   "The password was changed meanwhile; log in again."));
  }
  store::set_password_hash(db, actor.user_id, change.new_hash, false);
  store::delete_sessions_of(db, actor.user_id);
  store::append_audit(db, {0, actor.user_id, now_iso, "user.password_changed", actor.user_id,
                           "changed by the user", "{}"});
  return open_session(db, actor, now_s, now_iso);
}

AppResult<PasswordReset> prepare_password_reset(std::string temporary_password,
                                                std::string reason) {
  PasswordReset reset;
  reset.generated = temporary_password.empty();
  reset.temporary_password = reset.generated ? generated_password() : std::move(temporary_password);
  if (auto problem = temporary_password_problem(reset.temporary_password)) {
    problem->detail = "temporary_password: " + problem->detail;
    return tl::unexpected(*problem);
  }
  if (blank(reason)) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "reason_required",
                                   "Cần ghi lý do thay đổi (reason).",
                                   "A reason for the change (reason) is required.", "reason"});
  }
  reset.reason = std::move(reason);
  reset.password_hash = hash_password(reset.temporary_password);
  return reset;
}

AppResult<PasswordResetView> reset_password(store::SqlConnection& db, const Actor& actor,
                                            const std::string& user_id, const PasswordReset& reset,
                                            const std::string& now_iso) {
  auto user = manageable_official(db, actor, user_id);
  if (!user) return tl::unexpected(user.error());
  store::set_password_hash(db, user_id, reset.password_hash, true);
  store::bump_user_version(db, user_id);
  // Whoever held the old password is logged out at once.
  store::delete_sessions_of(db, user_id);
  store::append_audit(db, {0, actor.user_id, now_iso, "user.password_reset", user_id, reset.reason,
                           reset.generated ? R"({"generated":true})" : R"({"generated":false})"});
  const auto u = *store::find_user(db, user_id);
  OfficialView official = official_view(u);
  return PasswordResetView{std::move(official), reset.temporary_password, reset.generated};
}

}  // namespace motcua::app
