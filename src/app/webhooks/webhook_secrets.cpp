#include "app/webhooks/webhook_secrets.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "app/common/hmac_sha256.hpp"

namespace motcua::app {

namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

std::optional<std::vector<unsigned char>> from_hex(const std::string& hex) {
  std::vector<unsigned char> bin(hex.size() / 2 + 1);
  std::size_t len = 0;
  if (sodium_hex2bin(bin.data(), bin.size(), hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len * 2 != hex.size())
    return std::nullopt;
  bin.resize(len);
  return bin;
}

AppError key_error(const std::string& detail) {
  return AppError{ErrorKind::conflict, "webhook_key_unusable",
                  "Không đọc được khóa bảo vệ webhook.", "The webhook key file cannot be used.",
                  detail};
}

}  // namespace

AppResult<std::string> load_or_create_webhook_key(const std::string& path) {
  ensure_sodium();
  if (!std::filesystem::exists(path)) {
    unsigned char key[crypto_secretbox_KEYBYTES];
    randombytes_buf(key, sizeof key);
    {
      std::ofstream out(path, std::ios::trunc);
      if (!out) return tl::unexpected(key_error("cannot create " + path));
      out << to_hex(key, sizeof key) << '\n';
    }
    ::chmod(path.c_str(), 0600);
  }
  std::ifstream in(path);
  std::string hex;
  in >> hex;
  const auto key = from_hex(hex);
  if (!key || key->size() != crypto_secretbox_KEYBYTES)
    return tl::unexpected(key_error(path + " does not hold 64 hex characters"));
  return std::string(key->begin(), key->end());
}

std::string new_webhook_secret() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return "whsec_" + to_hex(bytes, sizeof bytes);
}

std::string seal_webhook_secret(const std::string& key, const std::string& secret) {
  ensure_sodium();
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 secret.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(secret.data()), secret.size(),
                        out.data(), reinterpret_cast<const unsigned char*>(key.data()));
  return to_hex(out.data(), out.size());
}

std::optional<std::string> open_webhook_secret(const std::string& key, const std::string& sealed) {
  ensure_sodium();
  if (key.size() != crypto_secretbox_KEYBYTES) return std::nullopt;
  const auto bin = from_hex(sealed);
  if (!bin || bin->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return std::nullopt;
  const std::size_t cipher = bin->size() - crypto_secretbox_NONCEBYTES;
  std::string secret(cipher - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(secret.data()),
                                 bin->data() + crypto_secretbox_NONCEBYTES, cipher, bin->data(),
                                 reinterpret_cast<const unsigned char*>(key.data())) != 0)
    return std::nullopt;
  return secret;
}

std::string webhook_signature(const std::string& secret, const std::string& timestamp,
                              const std::string& body) {
  return "sha256=" + hmac_sha256_hex(secret, timestamp + "." + body);
}

}  // namespace motcua::app
