// The terms a dossier is received under: the procedure version in force, its time limit for the
// channel and the deadline rule. Read from the catalog's stored document (see
// store/catalog_repository.hpp for its shape: "limits" by channel and "rule").
#pragma once

#include <string>

#include "app/app_error.hpp"
#include "app/dossier_history.hpp"
#include "store/sql.hpp"

namespace motcua::app {

struct ProcedureTerms {
  std::string code;
  std::int64_t version = 1;
  std::string name;
  ClockTerms clock;
};

AppResult<ProcedureTerms> load_procedure_terms(store::SqlConnection& db, const std::string& code,
                                               clock::Channel channel, const std::string& today);

}  // namespace motcua::app
