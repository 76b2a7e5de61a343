#include "domain/dossier/tracking_secret.hpp"

namespace motcua::dossier {

std::string normalize_tracking_secret(std::string_view typed) {
  std::string out;
  out.reserve(typed.size());
  for (const char raw : typed) {
    if (raw == ' ' || raw == '-' || raw == '\t') continue;
    char c = raw >= 'a' && raw <= 'z' ? static_cast<char>(raw - 'a' + 'A') : raw;
    // Crockford's decoding: the letters a reader takes for digits are the digits.
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    out.push_back(c);
  }
  return out;
}

bool tracking_secret_matches(std::string_view stored, std::string_view typed) {
  if (stored.empty()) return false;
  const std::string given = normalize_tracking_secret(typed);
  if (given.size() != stored.size()) return false;
  // No early exit: the time taken tells nothing about how much of a guess was right.
  unsigned char difference = 0;
  for (std::size_t i = 0; i < stored.size(); ++i)
    difference |= static_cast<unsigned char>(stored[i] ^ given[i]);
  return difference == 0;
}

}  // namespace motcua::dossier
