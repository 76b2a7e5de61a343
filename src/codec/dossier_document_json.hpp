// The parts of a dossier document as JSON: the stored document's own shape, reused by the API's
// dossier view ("applicant" and "papers" appear there exactly as stored; "terms" too, except that
// the view's process always lists its steps while the stored one names only its version).
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "codec/dossier_document.hpp"

namespace motcua::codec {

boost::json::object applicant_to_json(const ApplicantInfo& applicant);
// The terms as the API shows them: the process with its steps.
boost::json::object clock_terms_to_json(const clock::ClockTerms& terms);
boost::json::object document_paper_to_json(const DocumentPaper& paper);
boost::json::array document_papers_to_json(const std::vector<DocumentPaper>& papers);
boost::json::object dossier_document_to_json(const DossierDocument& document);

}  // namespace motcua::codec
