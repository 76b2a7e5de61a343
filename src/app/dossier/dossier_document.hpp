// The JSON document kept in a dossier row: what the state machine does not model but the dossier
// needs (applicant details, the terms of the procedure version it was received under, papers).
#pragma once

#include <boost/json.hpp>
#include <string>

#include "app/dossier/dossier_history.hpp"
#include "app/dossier/dossier_service.hpp"

namespace motcua::app {

struct DossierDocument {
  ApplicantInfo applicant;
  std::string procedure_name;
  ClockTerms terms;
  dossier::Channel return_channel = dossier::Channel::online;
  boost::json::array papers;  // {paper_name, file_name, size, sha256}
};

boost::json::object to_json(const DossierDocument& d);
DossierDocument document_from_json(const std::string& text);

}  // namespace motcua::app
