#include "app/dossier/dossier_document.hpp"

#include "app/dossier/process_steps.hpp"

namespace motcua::app {

DossierDocument document_from_json(store::SqlConnection& db, const std::string& text) {
  auto document = codec::dossier_document_from_text(text);
  if (!document) throw store::StoreError(document.error());
  fill_process_steps(db, *document);
  return std::move(*document);
}

std::string document_text(const DossierDocument& document) {
  return codec::dossier_document_to_text(document);
}

}  // namespace motcua::app
