// The document kept in a dossier row: what the state machine does not model but the dossier needs
// (applicant details, the terms of the procedure version it was received under, papers). Its
// types and stored format are in codec/dossier_document.hpp; the use cases read and write it here.
#pragma once

#include <string>

#include "codec/dossier_document.hpp"
#include "store/sql.hpp"

namespace motcua::app {

using ApplicantInfo = codec::ApplicantInfo;
using DocumentPaper = codec::DocumentPaper;
using DossierDocument = codec::DossierDocument;

// The stored text as a document, the steps of its process filled from the process version it
// names (app/dossier/process_steps.hpp), so that every use case sees them whatever the form it
// was stored in. A row that is not a document is a StoreError (the job fails).
DossierDocument document_from_json(store::SqlConnection& db, const std::string& text);
// The document as stored text (the process by reference, unless it was read with its steps).
std::string document_text(const DossierDocument& document);

}  // namespace motcua::app
