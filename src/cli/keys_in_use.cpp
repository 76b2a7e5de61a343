#include "cli/keys_in_use.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/hashing.hpp"

namespace motcua::cli {
namespace {

namespace fs = std::filesystem;

void add(std::vector<app::KeyInUse>& out, const std::string& name, const fs::path& file) {
  std::error_code ec;
  if (file.empty() || !fs::is_regular_file(file, ec)) return;
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // 64 bits of SHA-256: enough to tell keys apart, nothing to learn about one.
  out.push_back({name, in.bad() ? std::string() : store::sha256_hex(bytes).substr(0, 16)});
}

}  // namespace

std::vector<app::KeyInUse> keys_in_use(const KeyFiles& files) {
  std::vector<app::KeyInUse> out;
  add(out, "anchor", files.anchor_key);
  add(out, "webhook_seal", files.webhook_key);
  add(out, "second_factor_seal", files.second_factor_key);
  add(out, "instance", files.instance_key);
  add(out, "tls.certificate", files.tls_certificate);
  add(out, "tls.key", files.tls_key);
  std::error_code ec;
  if (!files.signing_dir.empty() && fs::is_directory(files.signing_dir, ec)) {
    for (const auto& entry : fs::directory_iterator(files.signing_dir, ec)) {
      if (entry.path().extension() == ".p12") {
        add(out, "signing." + entry.path().stem().string(), entry.path());
      }
    }
  }
  return out;
}

}  // namespace motcua::cli
