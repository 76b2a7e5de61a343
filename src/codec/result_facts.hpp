// The payload of a `result_attached` fact in the event log: the signed result file of a dossier,
// by the hash of its bytes, so the hash-chained log vouches for the file handed over.
#pragma once

#include <cstdint>
#include <string>

namespace motcua::codec {

struct ResultAttached {
  std::string file_name;
  std::int64_t size = 0;
  std::string sha256;
  std::string source;  // uploaded | generated
  std::string signer_subject;
  std::string signed_at;
};

// {"file_name", "size", "sha256", "source", "signer_subject", "signed_at"} as JSON text.
std::string result_attached_to_text(const ResultAttached& fact);

}  // namespace motcua::codec
