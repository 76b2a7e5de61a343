// A signer whose key and X.509 certificate come from a PKCS#12 file, as Vietnamese certification
// authorities deliver an organisation's certificate (Decree 130/2018). OpenSSL 3 does the
// cryptography; the key stays in memory of this process only.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "documents/signing/signer.hpp"

namespace motcua::documents::signing {

class Pkcs12Signer : public Signer {
 public:
  // Throws SigningError when the file cannot be read, the password is wrong, or the file holds no
  // key with its certificate.
  static std::unique_ptr<Pkcs12Signer> load(const std::filesystem::path& file,
                                            const std::string& password);
  ~Pkcs12Signer() override;

  std::string sign_detached(std::string_view data,
                            std::chrono::system_clock::time_point at) const override;
  std::string subject() const override;
  std::string common_name() const override;

 private:
  struct Keys;
  explicit Pkcs12Signer(std::unique_ptr<Keys> keys);
  std::unique_ptr<Keys> keys_;
};

}  // namespace motcua::documents::signing
