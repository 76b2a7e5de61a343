#include "store/database_url.hpp"

namespace motcua::store {

namespace {

constexpr const char* kMask = "***";

// Masks the value of every password= parameter in the query part (from `from` on).
void mask_password_parameters(std::string& url, std::size_t from) {
  std::size_t pos = from;
  while ((pos = url.find("password=", pos)) != std::string::npos) {
    // Only a whole parameter name: after ? or &.
    if (pos == 0 || (url[pos - 1] != '?' && url[pos - 1] != '&')) {
      ++pos;
      continue;
    }
    const std::size_t value = pos + 9;
    std::size_t end = url.find('&', value);
    if (end == std::string::npos) end = url.size();
    url.replace(value, end - value, kMask);
    pos = value + 3;
  }
}

}  // namespace

std::string printable_database(const std::string& db) {
  const auto scheme_end = db.find("://");
  if (scheme_end == std::string::npos) return db;
  std::string url = db;
  const std::size_t authority = scheme_end + 3;
  const std::size_t query = url.find('?', authority);
  // The user information ends at the last @ before the query: a password may hold a / or an @
  // that its writer forgot to percent-encode, and it must be masked all the same.
  const std::size_t at = url.rfind('@', query == std::string::npos ? std::string::npos : query);
  if (at != std::string::npos && at >= authority) {
    const std::size_t colon = url.find(':', authority);
    if (colon != std::string::npos && colon < at) {
      url.replace(colon + 1, at - colon - 1, kMask);
    }
  }
  const std::size_t masked_query = url.find('?', authority);
  if (masked_query != std::string::npos) mask_password_parameters(url, masked_query + 1);
  return url;
}

}  // namespace motcua::store
