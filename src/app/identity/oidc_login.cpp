#include "app/identity/oidc_login.hpp"

#include <sodium.h>

#include <cctype>

#include "app/accounts/passwords.hpp"
#include "codec/admin_audit_json.hpp"
#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/hashing.hpp"
#include "store/identity_repository.hpp"

namespace motcua::app::identity {

namespace {

std::string base64url_sha256(const std::string& text) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::string out(sodium_base64_ENCODED_LEN(sizeof hash, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), hash, sizeof hash,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

// RFC 3986 unreserved characters stay; everything else is %XX.
std::string query_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

AppError refused(const std::string& code, const std::string& vi, const std::string& en,
                 const std::string& detail) {
  return {ErrorKind::unauthenticated, code, vi, en, detail};
}

AppError restart(const std::string& code, const std::string& why_vi, const std::string& why_en,
                 const std::string& detail) {
  return refused(code, why_vi + " Vui lòng đăng nhập lại bằng định danh điện tử.",
                 why_en + " Please log in again with the electronic identity.", detail);
}

}  // namespace

std::string safe_return_path(const std::string& requested) {
  // "//host" and "/\host" are read by browsers as another site; control characters never belong.
  if (requested.empty() || requested[0] != '/' || requested.size() > 512) return "/";
  if (requested.size() > 1 && (requested[1] == '/' || requested[1] == '\\')) return "/";
  for (const unsigned char c : requested) {
    if (c < 0x20 || c == 0x7f || c == '\\') return "/";
  }
  return requested;
}

StartedLogin new_login(const std::string& return_path) {
  StartedLogin login;
  login.state = random_token();
  login.nonce = random_token();
  // 43 characters of [A-Za-z0-9-_]: a valid PKCE verifier (RFC 7636 section 4.1).
  login.code_verifier = random_token();
  login.code_challenge = base64url_sha256(login.code_verifier);
  login.return_path = safe_return_path(return_path);
  return login;
}

void record_attempt(store::SqlConnection& db, const StartedLogin& login, std::int64_t now_s,
                    const std::string& now_iso) {
  store::delete_expired_oidc_attempts(db, now_s);
  store::insert_oidc_attempt(
      db, {store::sha256_hex(login.state), login.nonce, store::sha256_hex(login.code_verifier),
           login.return_path, now_iso, now_s + kAttemptSeconds});
}

std::string authorization_url(const std::string& endpoint, const OidcSettings& settings,
                              const std::string& redirect_uri, const StartedLogin& login) {
  const char separator = endpoint.find('?') == std::string::npos ? '?' : '&';
  return endpoint + separator + "response_type=code&client_id=" + query_encode(settings.client_id) +
         "&redirect_uri=" + query_encode(redirect_uri) + "&scope=" + query_encode(settings.scope) +
         "&state=" + query_encode(login.state) + "&nonce=" + query_encode(login.nonce) +
         "&code_challenge=" + login.code_challenge + "&code_challenge_method=S256";
}

AppResult<PendingCallback> take_attempt(store::SqlConnection& db, const std::string& state,
                                        const std::string& verifier_cookie, std::int64_t now_s) {
  if (state.empty() || state.size() > 256) {
    return tl::unexpected(restart("oidc_state_unknown", "Phiên đăng nhập không hợp lệ.",
                                  "The login attempt is not valid.", "state: missing"));
  }
  const auto attempt = store::take_oidc_attempt(db, store::sha256_hex(state));
  if (!attempt) {
    return tl::unexpected(restart(
        "oidc_state_unknown", "Phiên đăng nhập không tồn tại hoặc đã được dùng.",
        "The login attempt is unknown or was already used.", "state: unknown or already used"));
  }
  if (attempt->expires_s < now_s) {
    return tl::unexpected(restart("oidc_attempt_expired", "Phiên đăng nhập đã hết hạn.",
                                  "The login attempt has expired.", "state: expired"));
  }
  if (verifier_cookie.empty() || store::sha256_hex(verifier_cookie) != attempt->verifier_hash) {
    return tl::unexpected(restart(
        "oidc_browser_mismatch", "Phiên đăng nhập được bắt đầu từ một trình duyệt khác.",
        "The login was started in another browser.", "cookie: the login's verifier is missing"));
  }
  return PendingCallback{attempt->nonce, verifier_cookie, attempt->return_path};
}

AppResult<Session> finish_login(store::SqlConnection& db, const VerifiedIdentity& identity,
                                const std::string& client_address, std::int64_t now_s,
                                const std::string& now_iso, OlderSessions older) {
  if (identity.id_number.empty()) {
    return tl::unexpected(refused(
        "oidc_id_number_missing", "Nhà cung cấp định danh không cho biết số định danh cá nhân.",
        "The identity provider gave no personal ID number.", "id_token: the ID-number claim"));
  }
  std::string user_id;
  if (const auto linked = store::find_identity(db, identity.issuer, identity.subject)) {
    user_id = linked->user_id;
    store::touch_identity(db, identity.issuer, identity.subject, identity.id_number, now_iso);
  } else {
    // A new account, never an existing one with the same ID number: that number was typed by
    // whoever created the local account, and linking to it would hand its dossiers to the
    // provider's citizen, or the citizen's to the account's creator.
    user_id =
        "u-oidc-" + store::sha256_hex(identity.issuer + "\n" + identity.subject).substr(0, 24);
    store::insert_user(db, {user_id, "oidc:" + user_id.substr(7), "applicant",
                            identity.name.empty() ? identity.id_number : identity.name,
                            identity.id_number, "", "", "", now_iso});
    store::insert_identity(db, {identity.issuer, identity.subject, user_id, identity.id_number},
                           now_iso);
    store::append_audit(db, {0, user_id, now_iso, "user.created_by_oidc", user_id, "",
                             codec::login_details(identity.issuer, client_address)});
  }
  auto actor = load_actor(db, user_id);
  if (!actor || !actor->applicant) {
    return tl::unexpected(refused("oidc_account_disabled", "Tài khoản này đã bị khoá.",
                                  "This account is disabled.", "user: disabled"));
  }
  audit_login_success(db, *actor, "oidc:" + identity.issuer, client_address, now_iso);
  return open_session(db, std::move(*actor), now_s, now_iso, older);
}

void audit_refusal(store::SqlConnection& db, const std::string& code,
                   const std::string& client_address, const std::string& now_iso) {
  store::append_audit(db, {0, "anonymous", now_iso, "session.oidc_refused", "session", code,
                           codec::login_details("oidc", client_address)});
}

AppError password_login_disabled() {
  return {ErrorKind::forbidden, "password_login_disabled",
          "Công dân đăng nhập bằng định danh điện tử (VNeID) qua Cổng Dịch vụ công; tài khoản "
          "công dân không dùng mật khẩu.",
          "Citizens log in with their electronic identity (VNeID) through the public-service "
          "portal; citizen accounts have no password.",
          "password: not used for citizens in this installation"};
}

}  // namespace motcua::app::identity
