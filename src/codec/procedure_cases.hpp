// The cases and papers of a stored procedure document (procedures.document, codec/procedure_json's
// shape), for the use cases that check an upload or a submission against what the procedure asks:
// only the fields they act on, read without the rest of the document.
#pragma once

#include <string>
#include <vector>

namespace motcua::codec {

struct CasePaper {
  std::string id;  // catalog/paper_identity.hpp
  std::string name;
  bool mandatory = true;
  bool present = false;   // shown at the counter (xuất trình), not handed in nor uploaded
  std::string condition;  // empty when every applicant of the case provides it
};

struct ProcedureCase {
  std::string name;
  std::vector<CasePaper> papers;
};

// The cases of `document`; empty when it is not a JSON object or has no cases.
std::vector<ProcedureCase> procedure_cases(const std::string& document);

}  // namespace motcua::codec
