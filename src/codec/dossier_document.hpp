// The JSON document kept in a dossier row (`dossiers.document`): what the state machine does not
// model but the dossier needs (applicant details, the terms of the procedure version it was
// received under, the papers attached). The use cases see only these types; the stored text is
// read and written here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/clock/clock_terms.hpp"
#include "domain/dossier/commands.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

struct ApplicantInfo {
  std::string name;
  std::string id_number;  // CCCD or tax code
  std::string address;
  std::string phone;
  std::string email;
};

// A paper as listed in the document (the `papers` row holds the same, plus the dossier id).
struct DocumentPaper {
  std::string id;
  std::string paper_name;
  std::string file_name;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::string uploaded_by;
  std::string uploaded_at;
  std::string paper_id;  // the catalog paper (catalog/paper_identity.hpp); empty for free text
  // The applicant's stored paper it was taken from (app/paper_store); empty for an upload, and
  // then absent from the JSON, so documents stored before keep their bytes.
  std::string reused_from = {};
};

struct DossierDocument {
  ApplicantInfo applicant;
  std::string procedure_name;
  clock::ClockTerms terms;
  dossier::Channel return_channel = dossier::Channel::online;
  std::vector<DocumentPaper> papers;
  // Whether the stored text holds the steps of `terms.process` itself. Documents written before
  // issue 17's storage work copied {id, version, steps} at intake; newer ones keep only
  // {id, version}, and the use cases fill the steps from that process version
  // (app/dossier/process_steps.hpp). A document read with its steps is written back with them, so
  // an old dossier keeps working as it did, even on a database that lost the process row.
  bool process_steps_stored = false;
};

// The stored text. `terms.process` is written as {id, version} (its steps only when
// `process_steps_stored`): a process version is never rewritten, so the pair names its steps.
std::string dossier_document_to_text(const DossierDocument& document);
// An error when the text is not a JSON object (a row written by another version, or corrupted);
// fields missing or of the wrong type take their defaults. A process given by reference has no
// steps yet (see `process_steps_stored`).
tl::expected<DossierDocument, std::string> dossier_document_from_text(const std::string& text);

}  // namespace motcua::codec
