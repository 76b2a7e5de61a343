#include "domain/text/mask.hpp"

namespace motcua::text {

namespace {
constexpr std::size_t kShortestIdentifier = 9;  // a 9-digit CMND
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::string mask_identifier(std::string_view value) {
  if (value.size() <= 3) return std::string(value.size(), '*');
  std::string out(value);
  for (std::size_t i = 1; i + 2 < out.size(); ++i) out[i] = '*';
  return out;
}

std::string mask_identifiers_in(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_digit(text[end])) ++end;
    const std::string_view run = text.substr(i, end - i);
    out += run.size() >= kShortestIdentifier ? mask_identifier(run) : std::string(run);
    i = end;
  }
  return out;
}

}  // namespace motcua::text
