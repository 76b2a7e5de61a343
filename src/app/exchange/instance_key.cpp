#include "app/exchange/instance_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace motcua::app::exchange {

namespace {

AppError key_error(const std::string& detail) {
  return AppError{ErrorKind::conflict, "instance_key_unusable",
                  "Không dùng được tệp khóa của hệ thống (--instance-key).",
                  "The instance key file cannot be used (--instance-key).", detail};
}

std::string hex_of(const std::string& raw) {
  std::string out(raw.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  out.pop_back();
  return out;
}

std::string utc_iso(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

AppResult<InstanceIdentity> load_or_create_instance_key(const std::string& path,
                                                        const std::string& instance_id) {
  if (!std::filesystem::exists(path)) {
    const auto parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    auto pair = new_key_pair();
    const std::string text = hex_of(pair.secret_key) + "\n";
    sodium_memzero(pair.secret_key.data(), pair.secret_key.size());
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      const bool written =
          ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
      ::fsync(fd);
      ::close(fd);
      if (!written) return tl::unexpected(key_error("cannot write " + path));
    } else if (errno != EEXIST) {
      return tl::unexpected(key_error("cannot create " + path));
    }
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return tl::unexpected(key_error("cannot read " + path));
  // As ssh does with its keys: a key others can read proves nothing.
  if ((st.st_mode & 077) != 0)
    return tl::unexpected(key_error(path + " is readable by others; chmod 600 it"));
  std::ifstream in(path);
  std::string hex;
  std::getline(in, hex);
  std::string secret(crypto_sign_SECRETKEYBYTES, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(secret.data()), secret.size(), hex.data(),
                     hex.size(), nullptr, &len, nullptr) != 0 ||
      len != crypto_sign_SECRETKEYBYTES) {
    return tl::unexpected(key_error(path + " does not hold an Ed25519 secret key"));
  }
  return InstanceIdentity{instance_id, secret, public_key_of(secret), utc_iso(st.st_mtime)};
}

}  // namespace motcua::app::exchange
