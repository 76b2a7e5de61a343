// The rows the nine-index evaluation (domain/evaluation) is scored from: the dossiers received in
// the period with their outcome and rating, their control-sheet steps, the feedback on their
// procedures and the procedures their agencies handle. One scan per table over the statistics read
// model (migration 0006), as index_766_queries.hpp does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"
#include "store/statistics_queries.hpp"

namespace motcua::store {

struct EvaluationRating {
  int contacts = 0;
  int bodies = 0;
  int attitude = 0;
};

struct EvaluationDossierRow {
  std::string id;
  std::string code;
  std::string agency_id;
  std::string procedure_code;
  std::string received_month;
  std::string outcome;  // early | on_time | late | open
  bool online = false;
  bool late_or_overdue = false;   // finished late, or open and overdue at now_s
  bool through_one_stop = false;  // a receiving one-stop unit, or submitted online or by post
  bool in_catalog = false;
  bool decision_known = false;  // the newest catalogue version names its announcing decision
  std::optional<EvaluationRating> rating;
};
// Dossiers received in the scope's months at its agencies.
std::vector<EvaluationDossierRow> evaluation_dossiers(SqlConnection& db, const OutcomeScope& scope,
                                                      std::int64_t now_s);
// One dossier (nullopt: no outcome row, i.e. not received yet).
std::optional<EvaluationDossierRow> evaluation_dossier(SqlConnection& db,
                                                       const std::string& dossier_id,
                                                       std::int64_t now_s);

struct EvaluationStepRow {
  std::string dossier_id;
  std::string party;
  std::string result;
};
// Closed control-sheet steps of the dossiers in scope.
std::vector<EvaluationStepRow> evaluation_steps(SqlConnection& db, const OutcomeScope& scope);

struct EvaluationFeedbackRow {
  std::string agency_id;
  std::string procedure_code;
  std::string answer_due;
  std::optional<std::string> answered_at;
};
// Feedback addressed to the scope's agencies, received in its months (local time).
std::vector<EvaluationFeedbackRow> evaluation_feedback(SqlConnection& db,
                                                       const OutcomeScope& scope);

struct EvaluationProcedureRow {
  std::string agency_id;
  std::string code;
  bool offered_online = false;
};
// Procedures with a process at the scope's agencies.
std::vector<EvaluationProcedureRow> evaluation_procedures(SqlConnection& db,
                                                          const OutcomeScope& scope);

}  // namespace motcua::store
