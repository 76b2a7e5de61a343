// The newest version of every procedure with a word index of their folded names, read once per
// catalog stamp (store::catalog_stamp) and shared by every request on every thread: the
// typo-forgiving search and its "did you mean" answer from memory instead of reading and
// tokenizing every name per request (docs/performance.md "Procedure search (issue 17)").
#pragma once

#include <memory>
#include <vector>

#include "domain/text/name_index.hpp"
#include "store/catalog_repository.hpp"

namespace motcua::app {

struct ProcedureNames {
  std::vector<store::ProcedureVersionRow> rows;  // a row's position is its id in `index`
  text::NameIndex index;
};

// The names as the catalog stands in `db` now: from memory while the stamp is the one they were
// read under, else read again (and kept when no catalog write committed during the read).
std::shared_ptr<const ProcedureNames> procedure_names(store::SqlConnection& db);

}  // namespace motcua::app
