#include "app/exchange/partners.hpp"

#include <sstream>

#include "app/admin/admin_users.hpp"
#include "app/exchange/partner_account.hpp"
#include "codec/iso_time.hpp"
#include "store/audit_log.hpp"
#include "store/exchange_repository.hpp"

namespace motcua::app::exchange {

namespace {

AppError field(const std::string& name, const std::string& vi, const std::string& en) {
  return AppError{ErrorKind::invalid_input, "invalid_input", name + ": " + vi, name + ": " + en,
                  name};
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Instance ids and agency codes: what a header line and a URL path segment can carry unchanged.
bool plain_code(const std::string& s) {
  if (s.empty() || s.size() > 100) return false;
  for (const char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

AppResult<void> check_key(const PartnerKeyInput& k, const std::string& prefix) {
  if (from_base64(k.public_key).size() != 32)
    return tl::unexpected(field(prefix + "public_key",
                                "cần khóa công khai Ed25519 (base64, 32 byte)",
                                "must be an Ed25519 public key (base64 of 32 bytes)"));
  if (!codec::parse_iso_instant(k.valid_from, 420))
    return tl::unexpected(
        field(prefix + "valid_from", "cần thời điểm ISO 8601", "must be an ISO 8601 time"));
  if (!k.valid_to.empty()) {
    const auto to = codec::parse_iso_instant(k.valid_to, 420);
    if (!to || !(*codec::parse_iso_instant(k.valid_from, 420) < *to))
      return tl::unexpected(field(prefix + "valid_to", "cần thời điểm ISO 8601 sau valid_from",
                                  "must be an ISO 8601 time after valid_from"));
  }
  return {};
}

PartnerView view_of(store::SqlConnection& db, const store::ExchangePartnerRow& r) {
  PartnerView v{r.id, r.name, r.base_url, split(r.agency_codes), {}, r.created_by, r.created_at};
  for (const auto& k : store::exchange_keys_of(db, r.id))
    v.keys.push_back({k.public_key, k.valid_from, k.valid_to, k.added_by, k.added_at});
  return v;
}

std::string key_details(const PartnerKeyInput& k) {
  // Plain JSON text of values already checked (base64 and ISO times need no escaping).
  return R"({"public_key":")" + k.public_key + R"(","valid_from":")" + k.valid_from +
         R"(","valid_to":")" + k.valid_to + R"("})";
}

}  // namespace

AppResult<PartnerView> register_partner(store::SqlConnection& db, const Actor& actor,
                                        const PartnerInput& in, const std::string& self_id,
                                        const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (!plain_code(in.id))
    return tl::unexpected(field("id", "cần mã hệ thống: chữ, số, '-', '_', '.'",
                                "must be an instance id of letters, digits, '-', '_', '.'"));
  if (in.id == self_id)
    return tl::unexpected(
        field("id", "là mã của chính hệ thống này", "is the id of this instance itself"));
  if (in.name.empty() || in.name.size() > 200)
    return tl::unexpected(
        field("name", "bắt buộc (tối đa 200 ký tự)", "is required (at most 200)"));
  const bool http = in.base_url.rfind("http://", 0) == 0 || in.base_url.rfind("https://", 0) == 0;
  if (!http || in.base_url.size() > 500 ||
      in.base_url.find_first_of(" \t\r\n\"\\<>") != std::string::npos)
    return tl::unexpected(field("base_url", "cần địa chỉ http:// hoặc https://",
                                "must be an http:// or https:// URL"));
  if (in.agency_codes.empty())
    return tl::unexpected(field("agency_codes", "cần ít nhất một mã cơ quan",
                                "at least one agency code is required"));
  std::string codes;
  for (const auto& c : in.agency_codes) {
    if (!plain_code(c))
      return tl::unexpected(
          field("agency_codes", "mã cơ quan không hợp lệ: " + c, "invalid agency code: " + c));
    if (const auto other = partner_serving(db, c))
      return tl::unexpected(field("agency_codes",
                                  "cơ quan " + c + " đã thuộc hệ thống " + other->id,
                                  "agency " + c + " is served by partner " + other->id));
    codes += (codes.empty() ? "" : " ") + c;
  }
  if (in.keys.empty())
    return tl::unexpected(
        field("keys", "cần ít nhất một khóa công khai", "at least one public key is required"));
  for (std::size_t i = 0; i < in.keys.size(); ++i) {
    if (auto ok = check_key(in.keys[i], "keys[" + std::to_string(i) + "]."); !ok)
      return tl::unexpected(ok.error());
  }
  if (store::find_exchange_partner(db, in.id))
    return tl::unexpected(conflict("partner_exists", "Hệ thống liên thông này đã được đăng ký.",
                                   "This partner instance is registered already.", in.id));
  store::insert_exchange_partner(db, {in.id, in.name, in.base_url, codes, actor.user_id, now_iso});
  // The account that holds the partner's steps and acts for it here (partner_account.hpp).
  ensure_partner_account(db, in.id, in.name, now_iso);
  for (const auto& k : in.keys) {
    store::insert_exchange_key(
        db, {in.id, k.public_key, k.valid_from, k.valid_to, actor.user_id, now_iso});
  }
  store::append_audit(
      db, {0, actor.user_id, now_iso, "exchange.partner_registered", in.id, in.reason,
           R"({"base_url":")" + in.base_url + R"(","agency_codes":")" + codes + R"("})"});
  return view_of(db, *store::find_exchange_partner(db, in.id));
}

AppResult<std::vector<PartnerView>> list_partners(store::SqlConnection& db, const Actor& actor) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  std::vector<PartnerView> out;
  for (const auto& r : store::list_exchange_partners(db)) out.push_back(view_of(db, r));
  return out;
}

AppResult<PartnerView> add_partner_key(store::SqlConnection& db, const Actor& actor,
                                       const std::string& partner_id, const PartnerKeyInput& in,
                                       const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  const auto partner = store::find_exchange_partner(db, partner_id);
  if (!partner) return tl::unexpected(not_found("exchange partner " + partner_id));
  if (auto ok = check_key(in, ""); !ok) return tl::unexpected(ok.error());
  for (const auto& k : store::exchange_keys_of(db, partner_id)) {
    if (k.public_key == in.public_key)
      return tl::unexpected(conflict("key_exists", "Khóa này đã được đăng ký cho hệ thống này.",
                                     "This key is registered for this partner already."));
  }
  store::insert_exchange_key(
      db, {partner_id, in.public_key, in.valid_from, in.valid_to, actor.user_id, now_iso});
  store::append_audit(db, {0, actor.user_id, now_iso, "exchange.key_added", partner_id, in.reason,
                           key_details(in)});
  return view_of(db, *partner);
}

AppResult<IdentityView> instance_identity(const InstanceIdentity& self) {
  if (self.id.empty())
    return tl::unexpected(conflict("exchange_not_configured",
                                   "Hệ thống này chưa cấu hình liên thông (--instance-id).",
                                   "Exchange is not configured on this instance (--instance-id)."));
  return IdentityView{self.id, {{self.public_key, self.key_since, ""}}};
}

std::optional<PartnerView> partner_serving(store::SqlConnection& db,
                                           const std::string& agency_code) {
  for (const auto& r : store::list_exchange_partners(db)) {
    for (const auto& c : split(r.agency_codes))
      if (c == agency_code) return view_of(db, r);
  }
  return std::nullopt;
}

}  // namespace motcua::app::exchange
