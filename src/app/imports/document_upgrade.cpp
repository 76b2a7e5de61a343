#include "app/imports/document_upgrade.hpp"

#include <string>

#include "codec/procedure_papers_json.hpp"
#include "store/catalog_repository.hpp"
#include "store/installation_settings.hpp"

namespace motcua::app {

namespace {
constexpr const char* kShapeSetting = "procedure_document_shape";
}  // namespace

DocumentUpgrade upgrade_procedure_documents(store::SqlConnection& db) {
  DocumentUpgrade out;
  const std::string current = std::to_string(kProcedureDocumentShape);
  if (store::installation_setting(db, kShapeSetting) == current) return out;
  out.ran = true;
  for (const auto& stored : store::procedure_documents(db)) {
    ++out.checked;
    if (auto document = codec::restructured_document(stored.document)) {
      store::replace_procedure_document(db, stored.code, stored.version, *document);
      ++out.rewritten;
    }
  }
  // An empty database is left unmarked: it stays "empty" for `motcua migrate-db`, and the first
  // start after an import checks the (already current) documents once and marks them then.
  if (out.checked > 0) store::set_installation_setting(db, kShapeSetting, current);
  return out;
}

}  // namespace motcua::app
