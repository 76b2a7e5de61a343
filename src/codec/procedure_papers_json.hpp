// The papers part of a stored procedure document (procedures.document: "cases" and "notes", the
// shape of codec/procedure_json.hpp), for the use cases that must not handle JSON: the case names
// a dossier's variant is checked against, and the upgrade that re-reads documents stored in an
// older shape (cases named after the catalog's headings, no kinds, conditions or notes).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace motcua::codec {

// The names of the document's cases, in order; empty when the document has none or is not JSON.
std::vector<std::string> document_case_names(const std::string& document);

// The document with its cases and notes passed through the catalog's paper structure
// (domain/catalog/paper_structure.hpp) and its paper ids assigned again; std::nullopt when that
// changes nothing or the document is not a JSON object. Every other member is kept as stored.
std::optional<std::string> restructured_document(const std::string& document);

}  // namespace motcua::codec
