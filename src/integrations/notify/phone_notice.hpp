// An outbox row of the "sms" and "zalo" topics, read: the payload of the topic contract
// (docs/integrations.md: to, lang, template, required, dossier_id, params) with the recipient's
// phone number normalised to the international form the gateways take (84 + subscriber digits).
// A row that cannot be read or whose number is not a Vietnamese mobile number is a permanent
// failure: the adapter answers "dead" with the reason, never retries it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "integrations/notify/template_text.hpp"

namespace motcua::integrations {

// How Vietnamese mobile numbers are written (data/notifications/vn-mobile-numbering.json).
struct MobileNumbering {
  std::string country_code = "84";
  int subscriber_digits = 9;
  std::string mobile_leading_digits = "35789";
};

tl::expected<MobileNumbering, std::string> load_mobile_numbering(const std::filesystem::path& file);

// "0912 345 678", "+84 912.345.678", "84912345678" -> "84912345678". Spaces, dots, dashes and
// parentheses are ignored; anything else, a wrong length or a non-mobile number is an error that
// says which.
tl::expected<std::string, std::string> normalize_mobile(std::string_view raw,
                                                        const MobileNumbering& numbering);

struct PhoneNotice {
  std::string phone;  // 84 + subscriber digits
  std::string lang;   // "vi" or "en"
  std::string template_key;
  bool required = false;
  std::string dossier_id;
  TemplateParams params;
};

tl::expected<PhoneNotice, std::string> parse_phone_notice(std::string_view payload_json,
                                                          const MobileNumbering& numbering);

}  // namespace motcua::integrations
