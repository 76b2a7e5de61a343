// PAdES signing of a PDF (ETSI EN 319 142-1, baseline B): an incremental update appended to the
// unchanged original adds a signature field whose dictionary (/Type /Sig, /Filter /Adobe.PPKLite,
// /SubFilter /ETSI.CAdES.detached, /M) carries in /Contents a detached CMS signature over the whole
// file except that /Contents value (/ByteRange). The update is written with a classic xref section
// pointing back (/Prev) at the original's; the original must itself use xref tables (cairo does,
// so do most office suites), since objects inside compressed object streams cannot be read here.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "documents/signing/signer.hpp"

namespace motcua::documents::signing {

struct SignatureDetails {
  std::chrono::system_clock::time_point at;  // /M and the CMS signing-time
  std::string reason;    // /Reason, e.g. "Kết quả giải quyết hồ sơ ..."
  std::string location;  // /Location: the agency's place
};

// The bytes of `pdf` followed by the signed update. Throws SigningError when the PDF's structure
// is not one this writer can update (xref streams, an existing form) or the signature is larger
// than the space reserved for it.
std::string sign_pdf(std::string_view pdf, const Signer& signer, const SignatureDetails& details);

// Whether `pdf` already carries a signature dictionary (a quick byte check, not a verification).
bool looks_signed(std::string_view pdf);

}  // namespace motcua::documents::signing
