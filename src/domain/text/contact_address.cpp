#include "domain/text/contact_address.hpp"

#include <algorithm>
#include <cctype>

namespace motcua::text {

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<ContactAddress> email(std::string_view s) {
  // One '@', something before it, a dot in the domain, no spaces or controls: enough to refuse a
  // typing slip; the code sent there proves the rest.
  const auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos)
    return std::nullopt;
  const auto domain = s.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == 0 || dot == std::string_view::npos || domain.back() == '.' || s.size() > 254)
    return std::nullopt;
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u == 0x7F || c == '<' || c == '>' || c == ',' || c == ';') return std::nullopt;
    out += static_cast<char>(std::tolower(u));
  }
  return ContactAddress{AddressKind::email, std::move(out)};
}

std::optional<ContactAddress> phone(std::string_view s) {
  std::string digits;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
    } else if (c == '+' && i == 0) {
      continue;
    } else if (c != ' ' && c != '.' && c != '-') {
      return std::nullopt;
    }
  }
  if (digits.size() == 11 && digits.starts_with("84")) digits = "0" + digits.substr(2);
  if (digits.size() != 10 || digits[0] != '0' || digits[1] == '0') return std::nullopt;
  return ContactAddress{AddressKind::phone, std::move(digits)};
}

}  // namespace

std::optional<ContactAddress> parse_contact_address(std::string_view text) {
  const auto s = trimmed(text);
  if (s.empty()) return std::nullopt;
  if (s.find('@') != std::string_view::npos) return email(s);
  return phone(s);
}

}  // namespace motcua::text
