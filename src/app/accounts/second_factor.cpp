#include "app/accounts/second_factor.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "app/accounts/accounts.hpp"
#include "app/accounts/passwords.hpp"
#include "app/accounts/totp.hpp"
#include "app/admin/admin_users.hpp"
#include "app/webhooks/webhook_secrets.hpp"
#include "store/audit_log.hpp"
#include "store/hashing.hpp"
#include "store/second_factor_repository.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace {

AppError unavailable() {
  return conflict(
      "second_factor_unavailable",
      "Máy chủ chưa được cấu hình khóa bảo vệ xác thực hai lớp (--second-factor-key-file).",
      "The server has no key for second factors (--second-factor-key-file).");
}

AppError code_problem(const std::string& code, const std::string& vi, const std::string& en) {
  return AppError{ErrorKind::unauthenticated, code, vi, en, "code"};
}

// "ABCD-EFGH" from 5 random bytes; compared without case, dashes or spaces.
std::string new_recovery_code() {
  unsigned char raw[5];
  randombytes_buf(raw, sizeof raw);
  const auto b32 = totp::base32(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
  return b32.substr(0, 4) + "-" + b32.substr(4, 4);
}

std::string recovery_hash(std::string_view code) {
  std::string normal;
  for (const char c : code) {
    if (c == '-' || c == ' ') continue;
    normal += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return store::sha256_hex("recovery:" + normal);
}

bool six_digits(const std::string& code) {
  return code.size() == 6 && std::all_of(code.begin(), code.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) != 0;
         });
}

}  // namespace

SecondFactorStatus second_factor_status(store::SqlConnection& db, const Actor& actor) {
  SecondFactorStatus s;
  const auto factor = store::find_totp_factor(db, actor.user_id);
  s.enrolled = factor && !factor->confirmed_at.empty();
  const auto roles = store::second_factor_roles(db);
  for (const auto& g : actor.grants) {
    if (std::find(roles.begin(), roles.end(), dossier::to_string(g.role)) != roles.end())
      s.required = true;
  }
  s.recovery_codes_left = s.enrolled ? store::recovery_codes_left(db, actor.user_id) : 0;
  return s;
}

AppResult<TotpEnrolment> begin_totp_enrolment(store::SqlConnection& db, const Actor& actor,
                                              const std::string& key, const std::string& now_iso) {
  if (actor.applicant) {
    return tl::unexpected(forbidden_action("a second factor is for officials' accounts"));
  }
  if (key.empty()) return tl::unexpected(unavailable());
  if (const auto f = store::find_totp_factor(db, actor.user_id); f && !f->confirmed_at.empty()) {
    return tl::unexpected(conflict(
        "second_factor_enrolled", "Tài khoản đã có xác thực hai lớp; nhờ quản trị viên đặt lại.",
        "The account already has a second factor; an administrator can reset it."));
  }
  unsigned char raw[20];  // 160 bits, the HMAC-SHA-1 key length RFC 4226 recommends
  randombytes_buf(raw, sizeof raw);
  const std::string secret(reinterpret_cast<const char*>(raw), sizeof raw);
  store::begin_totp_factor(db, actor.user_id, seal_webhook_secret(key, secret), now_iso);
  const auto user = store::find_user(db, actor.user_id);
  return TotpEnrolment{
      totp::base32(secret),
      totp::otpauth_uri(
          kTotpIssuer, user ? shown_username(user->username, user->phone) : actor.user_id, secret)};
}

AppResult<std::vector<std::string>> confirm_totp_enrolment(
    store::SqlConnection& db, const Actor& actor, const std::string& key, const std::string& code,
    std::int64_t now_s, const std::string& now_iso) {
  if (key.empty()) return tl::unexpected(unavailable());
  const auto factor = store::find_totp_factor(db, actor.user_id);
  if (!factor || !factor->confirmed_at.empty()) {
    return tl::unexpected(conflict("no_enrolment_pending", "Chưa bắt đầu đăng ký xác thực hai lớp.",
                                   "No second factor enrolment is waiting for a code."));
  }
  const auto secret = open_webhook_secret(key, factor->secret_sealed);
  const auto step = secret ? totp::matching_step(*secret, code, now_s, 0) : std::nullopt;
  if (!step) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "second_factor_wrong",
                                   "Mã xác thực (code) không đúng; kiểm tra giờ trên điện thoại.",
                                   "Wrong code (code); check the phone's clock.", "code"});
  }
  store::confirm_totp_factor(db, actor.user_id, *step, now_iso);
  std::vector<std::string> codes;
  for (int i = 0; i < kRecoveryCodes; ++i) {
    codes.push_back(new_recovery_code());
    store::insert_recovery_code(db, actor.user_id, recovery_hash(codes.back()));
  }
  store::append_audit(db, {0, actor.user_id, now_iso, "user.second_factor_enrolled", actor.user_id,
                           "TOTP confirmed by its first code", "{}"});
  return codes;
}

AppResult<void> check_second_factor(store::SqlConnection& db, const std::string& user_id,
                                    const std::string& key, const std::string& code,
                                    std::int64_t now_s, const std::string& now_iso) {
  const auto factor = store::find_totp_factor(db, user_id);
  if (!factor || factor->confirmed_at.empty()) return {};
  if (code.empty()) {
    return tl::unexpected(code_problem("second_factor_required",
                                       "Nhập mã xác thực (code) từ ứng dụng trên điện thoại.",
                                       "Enter the code (code) from the authenticator app."));
  }
  const auto wrong =
      code_problem("second_factor_wrong", "Mã xác thực (code) không đúng.", "Wrong code (code).");
  if (six_digits(code)) {
    const auto secret =
        key.empty() ? std::nullopt : open_webhook_secret(key, factor->secret_sealed);
    const auto step =
        secret ? totp::matching_step(*secret, code, now_s, factor->last_step) : std::nullopt;
    // The conditional update refuses a step a concurrent login just used.
    if (!step || !store::advance_totp_step(db, user_id, *step)) return tl::unexpected(wrong);
    return {};
  }
  if (!store::use_recovery_code(db, user_id, recovery_hash(code), now_iso)) {
    return tl::unexpected(wrong);
  }
  store::append_audit(
      db, {0, user_id, now_iso, "user.recovery_code_used", user_id, "",
           "{\"left\":" + std::to_string(store::recovery_codes_left(db, user_id)) + "}"});
  return {};
}

AppResult<SecondFactorRoles> second_factor_roles(store::SqlConnection& db, const Actor& actor) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  return SecondFactorRoles{store::second_factor_roles(db)};
}

AppResult<SecondFactorRoles> require_second_factor(store::SqlConnection& db, const Actor& actor,
                                                   const std::string& role, bool required,
                                                   const std::string& reason,
                                                   const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const auto parsed = dossier::parse_role(role);
  if (!parsed || *parsed == dossier::Role::system || *parsed == dossier::Role::applicant) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "role_unknown",
                                   "Vai trò (role) không tồn tại.", "Unknown role (role).",
                                   "role"});
  }
  if (reason.find_first_not_of(" \t") == std::string::npos) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "reason_required",
                                   "Cần ghi lý do thay đổi (reason).",
                                   "A reason for the change (reason) is required.", "reason"});
  }
  store::set_second_factor_role(db, role, required, actor.user_id, now_iso);
  store::append_audit(db, {0, actor.user_id, now_iso,
                           required ? "second_factor.role_required" : "second_factor.role_released",
                           role, reason, "{}"});
  return SecondFactorRoles{store::second_factor_roles(db)};
}

AppResult<SecondFactorReset> reset_second_factor(store::SqlConnection& db, const Actor& actor,
                                                 const std::string& user_id,
                                                 const std::string& reason,
                                                 const std::string& now_iso) {
  auto user = manageable_official(db, actor, user_id);
  if (!user) return tl::unexpected(user.error());
  if (reason.find_first_not_of(" \t") == std::string::npos) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "reason_required",
                                   "Cần ghi lý do thay đổi (reason).",
                                   "A reason for the change (reason) is required.", "reason"});
  }
  store::delete_totp_factor(db, user_id);
  store::delete_sessions_of(db, user_id);
  store::append_audit(
      db, {0, actor.user_id, now_iso, "user.second_factor_reset", user_id, reason, "{}"});
  return SecondFactorReset{user_id};
}

}  // namespace motcua::app
