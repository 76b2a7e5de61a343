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
  // A `paper_reused` fact: the applicant's stored paper it came from (no upload took place).
  std::string reused_from = {};
};

// {"paper_id", "name", "file_name", "content_type", "size", "sha256"} as JSON text, with
// "reused_from" for a paper taken from the applicant's store.
std::string paper_attached_to_text(const PaperAttached& fact);

}  // namespace motcua::codec

namespace motcua::codec {

// The details of an audit row about the applicant's paper store (app/paper_store):
// {"name", "sha256", "source_dossier_id"} as JSON text.
std::string stored_paper_details(const std::string& name, const std::string& sha256,
                                 const std::string& source_dossier_id);

}  // namespace motcua::codec
