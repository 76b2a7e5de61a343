// The papers a dossier's chosen case asks for, read from the procedure version the dossier was
// created under (not the newest one: a later import must not change what an open dossier needs).
// Uploads are checked against it, and an online dossier is not submitted while a mandatory paper
// to hand in is missing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/app_error.hpp"
#include "codec/dossier_document.hpp"
#include "codec/procedure_cases.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

struct CasePapers {
  std::vector<codec::ProcedureCase> cases;
  // The case the dossier's variant names; nullopt when the variant names none and the procedure
  // has several (then no case's list can be required).
  std::optional<std::size_t> chosen;
};

CasePapers case_papers(store::SqlConnection& db, const store::DossierRecord& record);

// The paper `paper_id` of the chosen case (of any case when none is chosen), or nullptr.
const codec::CasePaper* find_case_paper(const CasePapers& papers, const std::string& paper_id);

// The names of the chosen case's mandatory papers to hand in that no upload in `attached` is for
// (by id, or by name for uploads made before papers had ids).
std::vector<std::string> missing_mandatory_papers(
    const CasePapers& papers, const std::vector<codec::DocumentPaper>& attached);

// invalid_input `missing_papers` naming the field `papers` and the missing papers, vi and en;
// success when nothing is missing.
AppResult<void> require_mandatory_papers(store::SqlConnection& db,
                                         const store::DossierRecord& record,
                                         const std::vector<codec::DocumentPaper>& attached);

}  // namespace motcua::app
