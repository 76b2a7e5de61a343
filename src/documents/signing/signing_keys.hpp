// The agencies' signing keys: a folder (`motcua serve --signing-dir DIR`, MOTCUA_SIGNING_DIR)
// holding one PKCS#12 file per agency, named by the agency's code, with its password beside it:
//   DIR/<agency-code>.p12       the key and certificate the CA issued (Decree 130/2018)
//   DIR/<agency-code>.password  the PKCS#12 password on its first line
// No key is ever in the database or the repository. A file is opened the first time its agency
// signs and kept open (PKCS#12 decryption is deliberately slow); a replaced file is read again
// when its modification time changes, so a renewed certificate needs no restart.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "documents/signing/signer.hpp"

namespace motcua::documents::signing {

class SigningKeys {
 public:
  // An empty `dir`: no agency has a key, and nothing is signed.
  explicit SigningKeys(std::filesystem::path dir);

  bool configured() const { return !dir_.empty(); }
  // The signer of the agency `code`, or nullptr when the folder has no key for it. Throws
  // SigningError when the file is there but cannot be opened (wrong password, damaged file): an
  // operator's mistake to report, not a reason to hand out an unsigned result silently.
  std::shared_ptr<const Signer> for_agency(const std::string& code);

 private:
  struct Entry {
    std::filesystem::file_time_type modified;
    std::shared_ptr<const Signer> signer;
  };
  std::filesystem::path dir_;
  std::mutex mutex_;
  std::map<std::string, Entry> cache_;
};

}  // namespace motcua::documents::signing
