// The signer interface: whatever holds an agency's private key produces a detached CMS signature
// (CAdES, SHA-256) over the bytes it is given. The PAdES writer (pades.hpp) only needs this, so a
// key in a PKCS#12 file (pkcs12_signer.hpp), a PKCS#11 token or a remote signing service each plug
// in as one implementation of it.
#pragma once

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

namespace motcua::documents::signing {

// A key that cannot be loaded, a PDF that cannot be updated, a signature that does not fit.
class SigningError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Signer {
 public:
  virtual ~Signer() = default;
  // The DER of a CMS SignedData over `data`, detached (the data is not inside), with the signer's
  // certificate (and its chain, when known) embedded and the signed attributes PAdES asks for:
  // content-type, message-digest, ESS signing-certificate-v2 and signing-time `at`.
  virtual std::string sign_detached(std::string_view data,
                                    std::chrono::system_clock::time_point at) const = 0;
  // The signer certificate's subject as one line (RFC 2253) and its common name.
  virtual std::string subject() const = 0;
  virtual std::string common_name() const = 0;
};

}  // namespace motcua::documents::signing
