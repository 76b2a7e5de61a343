#include "integrations/notify/phone_notice.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

namespace motcua::integrations {

namespace json = boost::json;

namespace {

tl::unexpected<std::string> fail(std::string message) { return tl::unexpected(std::move(message)); }

std::string string_field(const json::object& o, const char* name) {
  const auto* v = o.if_contains(name);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

tl::expected<MobileNumbering, std::string> load_mobile_numbering(
    const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return fail("cannot read " + file.string());
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  const auto value = json::parse(text.str(), ec);
  if (ec || !value.is_object()) return fail(file.string() + ": not a JSON object");
  const auto& o = value.as_object();
  MobileNumbering numbering;
  numbering.country_code = string_field(o, "country_code");
  const auto* digits = o.if_contains("subscriber_digits");
  const auto* leading = o.if_contains("mobile_leading_digits");
  if (numbering.country_code.empty() || !digits || !digits->is_int64() || !leading ||
      !leading->is_array())
    return fail(file.string() +
                ": needs country_code, subscriber_digits and mobile_leading_digits");
  numbering.subscriber_digits = static_cast<int>(digits->as_int64());
  numbering.mobile_leading_digits.clear();
  for (const auto& d : leading->as_array()) {
    if (!d.is_string() || d.as_string().size() != 1)
      return fail(file.string() + ": each mobile leading digit is one character");
    numbering.mobile_leading_digits += d.as_string()[0];
  }
  return numbering;
}

tl::expected<std::string, std::string> normalize_mobile(std::string_view raw,
                                                        const MobileNumbering& numbering) {
  std::string digits;
  bool plus = false;
  for (const char c : raw) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
      return fail("phone number '" + std::string(raw) + "' has a character that is not a digit");
    }
  }
  const auto n = static_cast<std::size_t>(numbering.subscriber_digits);
  const std::string& cc = numbering.country_code;
  std::string subscriber;
  if (!plus && digits.size() == n + 1 && digits[0] == '0') {
    subscriber = digits.substr(1);
  } else if (digits.size() == cc.size() + n && digits.compare(0, cc.size(), cc) == 0) {
    subscriber = digits.substr(cc.size());
  } else if (plus) {
    return fail("phone number '" + std::string(raw) + "' is not a Vietnamese number (+" + cc +
                " and " + std::to_string(n) + " digits)");
  } else {
    return fail("phone number '" + std::string(raw) + "' has a wrong length (0 and " +
                std::to_string(n) + " digits, or " + cc + " and " + std::to_string(n) + " digits)");
  }
  if (numbering.mobile_leading_digits.find(subscriber[0]) == std::string::npos)
    return fail("phone number '" + std::string(raw) +
                "' is not a mobile number (a landline cannot take SMS or Zalo)");
  return cc + subscriber;
}

tl::expected<PhoneNotice, std::string> parse_phone_notice(std::string_view payload_json,
                                                          const MobileNumbering& numbering) {
  boost::system::error_code ec;
  const auto value = json::parse(payload_json, ec);
  if (ec || !value.is_object()) return fail("payload is not a JSON object");
  const auto& o = value.as_object();
  PhoneNotice notice;
  auto phone = normalize_mobile(string_field(o, "to"), numbering);
  if (!phone) return fail(phone.error());
  notice.phone = std::move(*phone);
  notice.lang = string_field(o, "lang") == "en" ? "en" : "vi";
  notice.template_key = string_field(o, "template");
  if (notice.template_key.empty()) return fail("payload has no template key");
  if (const auto* r = o.if_contains("required"); r && r->is_bool()) notice.required = r->as_bool();
  notice.dossier_id = string_field(o, "dossier_id");
  if (const auto* p = o.if_contains("params"); p && p->is_object()) {
    for (const auto& [name, v] : p->as_object()) {
      if (v.is_string()) {
        notice.params.text[std::string(name)] = std::string(v.as_string());
      } else if (v.is_array()) {
        auto& list = notice.params.lists[std::string(name)];
        for (const auto& item : v.as_array())
          if (item.is_string()) list.emplace_back(item.as_string());
      } else if (v.is_int64()) {
        notice.params.text[std::string(name)] = std::to_string(v.as_int64());
      }
    }
  }
  return notice;
}

}  // namespace motcua::integrations
