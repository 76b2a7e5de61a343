#include "codec/retention_rules.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace {

// A whole number of days, 1 to 3650: a zero would delete what is still in use, and ten years is
// beyond any period the rules could mean.
bool read_days(const boost::json::object& o, const char* section, const char* key, int& out) {
  const auto* s = o.if_contains(section);
  if (!s || !s->is_object()) return false;
  const auto* v = s->as_object().if_contains(key);
  if (!v || !v->is_int64()) return false;
  const auto days = v->as_int64();
  if (days < 1 || days > 3650) return false;
  out = static_cast<int>(days);
  return true;
}

}  // namespace

tl::expected<RetentionRules, std::string> parse_retention_rules(std::string_view text) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  if (ec || !doc.is_object()) return tl::unexpected(std::string("not a JSON object"));
  const auto& o = doc.as_object();
  RetentionRules r;
  if (!read_days(o, "drafts", "days_since_last_change", r.draft_days))
    return tl::unexpected(std::string("drafts.days_since_last_change is missing or not 1..3650"));
  if (!read_days(o, "sign_in_secrets", "days_after_expiry", r.sign_in_secret_days))
    return tl::unexpected(
        std::string("sign_in_secrets.days_after_expiry is missing or not 1..3650"));
  return r;
}

}  // namespace motcua::codec
