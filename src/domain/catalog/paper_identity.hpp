// A paper's identity within one procedure version. Uploads, the counter checklist and the
// dossier's list of received papers name a paper by this id rather than by its text: catalog names
// run to 700 bytes, repeat across cases, and are corrected by later imports.
#pragma once

#include <string>
#include <string_view>

#include "domain/catalog/procedure.hpp"

namespace motcua::catalog {

// "p" + 12 hex digits of a 64-bit FNV-1a hash of the case name, the paper's kind and its name,
// so the same paper keeps its id across re-imports of an unchanged record.
std::string paper_id(std::string_view case_name, PaperKind kind, std::string_view paper_name);

// Gives every paper of `p` its id; a repeat within the procedure gets "-2", "-3" ... appended.
void assign_paper_ids(Procedure& p);

}  // namespace motcua::catalog
