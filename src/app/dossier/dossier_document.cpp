#include "app/dossier/dossier_document.hpp"

#include "store/sql.hpp"

namespace motcua::app {

DossierDocument document_from_json(const std::string& text) {
  auto document = codec::dossier_document_from_text(text);
  if (!document) throw store::StoreError(document.error());
  return std::move(*document);
}

std::string document_text(const DossierDocument& document) {
  return codec::dossier_document_to_text(document);
}

}  // namespace motcua::app
