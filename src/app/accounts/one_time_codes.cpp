#include "app/accounts/one_time_codes.hpp"

#include <sodium.h>

#include <cstdio>

#include "codec/admin_audit_json.hpp"
#include "codec/notice_payload.hpp"
#include "domain/text/contact_address.hpp"
#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/hashing.hpp"
#include "store/notification_preferences.hpp"
#include "store/one_time_code_repository.hpp"
#include "store/outbox.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace {

constexpr const char* kVerify = "account_verify";
constexpr const char* kReset = "password_reset";

// Both counts live in login_failures (store/login_failures.hpp) under scopes of their own.
const LoginThrottle& address_limit() {
  static const LoginThrottle t("otp.address", kCodesPerAddress, kCodeWindowSeconds);
  return t;
}
const LoginThrottle& client_limit() {
  static const LoginThrottle t("otp.client", kCodesPerClient, kCodeWindowSeconds);
  return t;
}

AppError field_error(const std::string& field, const std::string& code, const std::string& vi,
                     const std::string& en) {
  return AppError{ErrorKind::invalid_input, code, vi, en, field};
}

AppError bad_address() {
  return field_error("address", "address_invalid",
                     "Địa chỉ thư điện tử hoặc số điện thoại (address) không hợp lệ.",
                     "The address is neither a valid e-mail address nor a phone number.");
}

std::string six_digits() {
  char out[8];
  std::snprintf(out, sizeof out, "%06u", static_cast<unsigned>(randombytes_uniform(1'000'000)));
  return out;
}

std::string code_hash(const std::string& id, const std::string& code) {
  return store::sha256_hex(id + ":" + code);
}

// Checks the rates, and counts this request in both when it may go on.
CodeRequestOutcome check_and_count(store::SqlConnection& db, const std::string& address,
                                   const std::string& client, std::int64_t now_s) {
  CodeRequestOutcome out;
  if (const auto wait = address_limit().retry_after(db, address, now_s); wait > 0) {
    out.retry_after_s = wait;
    out.limited_by = "address";
  } else if (const auto w = client_limit().retry_after(db, client, now_s); w > 0) {
    out.retry_after_s = w;
    out.limited_by = "client";
  } else {
    address_limit().record_failure(db, address, now_s);
    client_limit().record_failure(db, client, now_s);
  }
  return out;
}

// Stores a new code (retiring the address's earlier ones) and, with `send`, writes its message to
// the outbox. Without `send` the row is one nobody knows the code of: the reset of an unknown
// address then behaves like any other, wrong tries included.
void issue_code(store::SqlConnection& db, const char* purpose, const text::ContactAddress& address,
                const std::string& user_id, const std::string& language, bool send,
                std::int64_t now_s, const std::string& now_iso) {
  const std::string id = "otp_" + random_token(12);
  const std::string code = six_digits();
  store::insert_one_time_code(db, {id, purpose, address.value, user_id, code_hash(id, code),
                                   now_iso, now_s + kCodeSeconds});
  if (!send) return;
  codec::NoticePayload payload;
  payload.to = address.value;
  payload.lang = language == "en" ? "en" : "vi";
  payload.template_key = purpose;
  payload.required = true;  // asked for by the person it goes to: no preference stops it
  payload.params = {{"code", code}, {"minutes", std::to_string(kCodeSeconds / 60)}};
  const std::string topic = address.kind == text::AddressKind::email ? "mail" : "sms";
  store::enqueue_outbox(db, topic, "otp:" + id, codec::notice_payload_to_text(payload), now_iso,
                        now_s);
}

// The newest code of the address, checked against `code`: a wrong one is counted.
AppResult<store::OneTimeCodeRow> take_code(store::SqlConnection& db, const char* purpose,
                                           const std::string& address, const std::string& code,
                                           std::int64_t now_s, const std::string& now_iso) {
  const auto row = store::current_one_time_code(db, purpose, address);
  if (!row || row->expires_s <= now_s || row->wrong_tries >= kMaxWrongCodeTries) {
    return tl::unexpected(field_error(
        "code", "code_expired",
        "Mã xác minh (code) đã hết hạn, đã dùng hoặc bị nhập sai quá nhiều lần; hãy yêu cầu mã "
        "mới.",
        "The code has expired, was used, or was mistyped too often; ask for a new one."));
  }
  const std::string given = code_hash(row->id, code);
  if (given.size() != row->code_hash.size() ||
      sodium_memcmp(given.data(), row->code_hash.data(), given.size()) != 0) {
    store::count_wrong_code_try(db, row->id);
    const auto left = kMaxWrongCodeTries - row->wrong_tries - 1;
    return tl::unexpected(
        field_error("code", "code_wrong",
                    "Mã xác minh (code) không đúng; còn " + std::to_string(left) + " lần thử.",
                    "Wrong code (code); " + std::to_string(left) + " tries left."));
  }
  store::mark_one_time_code_used(db, row->id, now_iso);
  return *row;
}

std::optional<text::ContactAddress> address_of(const std::string& text) {
  return text::parse_contact_address(text);
}

}  // namespace

AppResult<PreparedSignUp> prepare_sign_up(const std::string& display_name,
                                          const std::string& address, const std::string& password,
                                          const std::string& language) {
  const auto parsed = address_of(address);
  if (!parsed) return tl::unexpected(bad_address());
  if (display_name.find_first_not_of(" \t") == std::string::npos || display_name.size() > 200) {
    return tl::unexpected(field_error("display_name", "display_name_required",
                                      "Cần ghi họ và tên (display_name), tối đa 200 ký tự.",
                                      "A name (display_name) of at most 200 bytes is required."));
  }
  if (language != "vi" && language != "en") {
    return tl::unexpected(field_error("language", "language_invalid",
                                      "Ngôn ngữ (language) phải là vi hoặc en.",
                                      "The language must be vi or en."));
  }
  if (const auto problem = password_problem(password); !problem.empty()) {
    return tl::unexpected(
        field_error("password", "password_weak",
                    "Mật khẩu (password) cần từ 10 đến 128 ký tự và không phải mật khẩu phổ biến.",
                    "The password is too weak: " + problem));
  }
  return PreparedSignUp{parsed->value, parsed->kind == text::AddressKind::phone, display_name,
                        hash_password(password), language};
}

CodeRequestOutcome request_sign_up(store::SqlConnection& db, const PreparedSignUp& s,
                                   const std::string& client, std::int64_t now_s,
                                   const std::string& now_iso) {
  auto out = check_and_count(db, s.address, client, now_s);
  const text::ContactAddress address{s.phone ? text::AddressKind::phone : text::AddressKind::email,
                                     s.address};
  out.channel = s.phone ? "sms" : "mail";
  if (out.retry_after_s > 0) return out;
  // An address already in use gets no code (and no pending sign-up), but the same answer.
  const bool taken = store::contact_in_use(db, s.address);
  if (!taken)
    store::save_pending_signup(db,
                               {s.address, s.display_name, s.password_hash, s.language, now_iso});
  issue_code(db, kVerify, address, "", s.language, !taken, now_s, now_iso);
  // A phone is masked in the audit log (store/personal_data.hpp: phones are kept only sealed).
  store::append_audit(
      db, {0, "anonymous", now_iso, "account.signup_requested", audited_name(s.address), "",
           codec::login_details(audited_name(s.address), client)});
  return out;
}

AppResult<void> verify_sign_up(store::SqlConnection& db, const std::string& address,
                               const std::string& code, std::int64_t now_s,
                               const std::string& now_iso) {
  const auto parsed = address_of(address);
  if (!parsed) return tl::unexpected(bad_address());
  const auto taken = take_code(db, kVerify, parsed->value, code, now_s, now_iso);
  if (!taken) return tl::unexpected(taken.error());
  const auto pending = store::find_pending_signup(db, parsed->value);
  if (!pending) {
    return tl::unexpected(conflict("signup_missing",
                                   "Không còn yêu cầu đăng ký nào cho địa chỉ này.",
                                   "No sign-up is waiting for this address.", "address"));
  }
  const bool phone = parsed->kind == text::AddressKind::phone;
  NewUser user{"u_" + random_token(12),
               parsed->value,
               true,
               pending->display_name,
               "",
               "",
               phone ? "" : parsed->value,
               phone ? parsed->value : "",
               {}};
  if (auto made = create_user(db, user, now_iso, PasswordCost::interactive, pending->password_hash);
      !made) {
    return made;
  }
  store::delete_pending_signup(db, parsed->value);
  store::NotificationPreferencesRow prefs;
  prefs.user_id = user.id;
  prefs.mail = !phone;
  prefs.sms = phone;
  prefs.language = pending->language;
  prefs.updated_by = user.id;
  prefs.updated_at = now_iso;
  store::save_notification_preferences(db, prefs);
  store::append_audit(
      db, {0, user.id, now_iso, "account.signed_up", user.id, "address verified by a one-time code",
           codec::login_details(audited_name(parsed->value), "")});
  return {};
}

AppResult<CodeRequestOutcome> request_password_reset(store::SqlConnection& db,
                                                     const std::string& address,
                                                     const std::string& language,
                                                     const std::string& client, std::int64_t now_s,
                                                     const std::string& now_iso) {
  const auto parsed = address_of(address);
  if (!parsed) return tl::unexpected(bad_address());
  auto out = check_and_count(db, parsed->value, client, now_s);
  out.channel = parsed->kind == text::AddressKind::phone ? "sms" : "mail";
  if (out.retry_after_s > 0) return out;
  const auto user_id = store::applicant_with_contact(db, parsed->value);
  issue_code(db, kReset, *parsed, user_id.value_or(""), language, user_id.has_value(), now_s,
             now_iso);
  store::append_audit(
      db, {0, "anonymous", now_iso, "account.password_reset_requested", user_id.value_or(""), "",
           codec::login_details(audited_name(parsed->value), client)});
  return out;
}

AppResult<PreparedCodeReset> prepare_code_reset(const std::string& address, const std::string& code,
                                                const std::string& new_password) {
  const auto parsed = address_of(address);
  if (!parsed) return tl::unexpected(bad_address());
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) {
    return tl::unexpected(field_error("code", "code_format", "Mã xác minh (code) gồm 6 chữ số.",
                                      "The code (code) is 6 digits."));
  }
  if (const auto problem = password_problem(new_password); !problem.empty()) {
    return tl::unexpected(field_error(
        "new_password", "password_weak",
        "Mật khẩu mới (new_password) cần từ 10 đến 128 ký tự và không phải mật khẩu phổ biến.",
        "The new password is too weak: " + problem));
  }
  return PreparedCodeReset{parsed->value, code, hash_password(new_password)};
}

AppResult<void> confirm_password_reset(store::SqlConnection& db, const PreparedCodeReset& reset,
                                       std::int64_t now_s, const std::string& now_iso) {
  const auto taken = take_code(db, kReset, reset.address, reset.code, now_s, now_iso);
  if (!taken) return tl::unexpected(taken.error());
  // A row of an unknown address has no account: told apart from a wrong code by nobody, since
  // nobody can know its code (1 in a million still lands here).
  if (taken->user_id.empty() || !store::find_active_user(db, taken->user_id)) {
    return tl::unexpected(
        field_error("code", "code_wrong", "Mã xác minh (code) không đúng.", "Wrong code (code)."));
  }
  store::set_password_hash(db, taken->user_id, reset.password_hash, false);
  store::delete_sessions_of(db, taken->user_id);
  store::append_audit(db, {0, taken->user_id, now_iso, "user.password_reset_by_code",
                           taken->user_id, "confirmed by a one-time code", "{}"});
  return {};
}

}  // namespace motcua::app
