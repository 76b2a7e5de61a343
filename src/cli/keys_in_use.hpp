// The key files `motcua serve` works with, fingerprinted for the key register
// (app/admin/key_register.hpp): read at start-up, so that a key swapped on disk between two starts
// is audited.
#pragma once

#include <string>
#include <vector>

#include "app/admin/key_register.hpp"

namespace motcua::cli {

struct KeyFiles {
  std::string anchor_key;
  std::string webhook_key;
  std::string second_factor_key;
  std::string instance_key;
  std::string tls_certificate;
  std::string tls_key;
  std::string signing_dir;  // every <agency-code>.p12 in it
};

// One entry per configured file that exists (an unset option or a key not yet created is not in
// use); a file that exists but cannot be read gets an empty fingerprint.
std::vector<app::KeyInUse> keys_in_use(const KeyFiles& files);

}  // namespace motcua::cli
