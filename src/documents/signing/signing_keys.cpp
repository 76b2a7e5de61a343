#include "documents/signing/signing_keys.hpp"

#include <fstream>

#include "documents/signing/pkcs12_signer.hpp"

namespace motcua::documents::signing {

namespace {

// Agency codes are like "000.00.01.H40": anything else could step out of the folder.
bool safe_code(const std::string& code) {
  if (code.empty() || code.size() > 64 || code.front() == '.') return false;
  for (const char c : code) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

SigningKeys::SigningKeys(std::filesystem::path dir) : dir_(std::move(dir)) {}

std::shared_ptr<const Signer> SigningKeys::for_agency(const std::string& code) {
  if (!configured() || !safe_code(code)) return nullptr;
  const auto p12 = dir_ / (code + ".p12");
  std::error_code error;
  const auto modified = std::filesystem::last_write_time(p12, error);
  if (error) return nullptr;
  std::lock_guard lock(mutex_);
  if (const auto found = cache_.find(code);
      found != cache_.end() && found->second.modified == modified)
    return found->second.signer;
  std::ifstream in(dir_ / (code + ".password"));
  if (!in) throw SigningError("no password file " + code + ".password beside " + p12.string());
  std::string password;
  std::getline(in, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  std::shared_ptr<const Signer> signer = Pkcs12Signer::load(p12, password);
  cache_[code] = Entry{modified, signer};
  return signer;
}

}  // namespace motcua::documents::signing
