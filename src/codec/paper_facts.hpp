// The payload of a `paper_attached` fact in the event log: which paper was uploaded (the bytes are
// in the file folder under their sha256).
#pragma once

#include <cstdint>
#include <string>

namespace motcua::codec {

struct PaperAttached {
  std::string paper_id;
  std::string name;
  std::string file_name;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
};

// {"paper_id", "name", "file_name", "content_type", "size", "sha256"} as JSON text.
std::string paper_attached_to_text(const PaperAttached& fact);

}  // namespace motcua::codec
