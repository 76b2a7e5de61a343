// Bringing stored procedure documents to the current shape when the way the catalog is read
// changes. Documents imported before the catalog's headings were read as the law writes them
// (docs/catalog-import.md) have cases named "* Giấy tờ phải nộp:", notes among the papers and no
// kinds or conditions; the wizard, the counter checklist and the printed forms would go on showing
// them. `motcua migrate` and `motcua serve` run this after the schema migrations.
#pragma once

#include <cstddef>

#include "store/sql.hpp"

namespace motcua::app {

// The shape the importers write now; raise it when the reading of stored documents changes.
// Recorded in installation_settings as "procedure_document_shape".
inline constexpr int kProcedureDocumentShape = 2;

struct DocumentUpgrade {
  bool ran = false;           // false when the database was already at the current shape
  std::size_t checked = 0;    // procedure versions read
  std::size_t rewritten = 0;  // documents whose structure changed
};

// Re-structures every stored procedure version in place (same version: the content is the same,
// only read better) and records the shape. Idempotent.
DocumentUpgrade upgrade_procedure_documents(store::SqlConnection& db);

}  // namespace motcua::app
