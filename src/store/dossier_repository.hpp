// Rows of the `dossiers` table and the daily sequence of dossier codes. The domain state is not
// stored here as such: it is rebuilt from the event log; these columns are what queries need.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct DossierRecord {
  std::string id;
  std::optional<std::string> code;
  std::string procedure_code;
  std::int64_t procedure_version = 1;
  std::string variant;
  std::optional<std::string> receiving_unit_id;
  std::string agency_id;
  std::optional<std::string> applicant_id;
  std::string applicant_name;
  std::string applicant_folded;
  std::string channel;
  std::string status;
  std::optional<std::string> assignee_id;
  std::string current_step;
  std::optional<std::string> submitted_at;
  std::optional<std::string> received_at;
  std::optional<std::int64_t> due_s;
  std::optional<std::int64_t> due_766_s;
  std::optional<std::string> finished_at;
  std::int64_t version = 0;
  std::string document;  // JSON: applicant details, terms, papers
  std::string created_at;
  std::string updated_at;
};

void insert_dossier(SqlConnection& db, const DossierRecord& r);
// What update_dossier does with the application form (`document`).
enum class FormWrite {
  seal,  // packs and seals r.document and writes it
  keep,  // leaves the stored form as it is: r.document is the form that was read (most changes
         // of state do not touch it; packing and sealing were ~6% of the writer's time)
};
// Writes `r` if the stored version is `r.version - 1`; throws ConstraintError otherwise, so two
// writers can never both change the same dossier from the same state.
void update_dossier(SqlConnection& db, const DossierRecord& r, FormWrite form = FormWrite::seal);
std::optional<DossierRecord> find_dossier(SqlConnection& db, const std::string& id);
std::optional<DossierRecord> find_dossier_by_code(SqlConnection& db, const std::string& code);

// The next number of the day for an agency code (starts at 1).
std::int64_t next_daily_sequence(SqlConnection& db, const std::string& agency_code,
                                 const std::string& local_day);

// Bounds on a dossier's due time (due_s), both inclusive; without either, any due time. A dossier
// without a due time passes only when `or_no_due` is set.
struct DueBounds {
  std::optional<std::int64_t> at_least;
  std::optional<std::int64_t> at_most;
  bool or_no_due = false;
};

struct DossierFilter {
  std::vector<std::string> agency_ids;  // empty: any (callers always scope)
  std::optional<std::string> applicant_id;
  std::optional<std::string> assignee_id;
  std::vector<std::string> statuses;           // empty: any
  std::vector<std::string> excluded_statuses;  // none of these
  std::optional<DueBounds> due;                // empty: any due time, or none
  std::string applicant_folded_like;           // accent-insensitive name search, empty: any
  std::string procedure_code;                  // one procedure only, empty: any
  int limit = 200;
};
// Ordered by due time (no due date last), then creation.
std::vector<DossierRecord> list_dossiers(SqlConnection& db, const DossierFilter& filter);

// A line of a list (work queue, own dossiers, approvals): the dossier without its application
// form, and the procedure's name from the catalogue version it was filed under. Lists never open
// the form, which is sealed (store/personal_data.hpp); only a dossier whose catalogue version is
// missing carries its form, to take the name from.
struct DossierListRow {
  DossierRecord record;        // document "" unless procedure_name is
  std::string procedure_name;  // "" when the catalogue has no such version
};
std::vector<DossierListRow> list_dossier_rows(SqlConnection& db, const DossierFilter& filter);
// One dossier by its code, read as a list line (the public tracking page: the form stays closed).
std::optional<DossierListRow> find_dossier_row_by_code(SqlConnection& db, const std::string& code);

// The applicant's ID number of a dossier, as the lookup of one's own dossiers finds it
// (migration 0013); an empty number removes the dossier from that lookup.
void set_dossier_applicant_id(SqlConnection& db, const std::string& dossier_id,
                              const std::string& id_number);
// The dossiers whose applicant gave this ID number, newest first, at most `limit`.
std::vector<DossierRecord> dossiers_of_applicant_id(SqlConnection& db, const std::string& id_number,
                                                    int limit);

// Every agency id in the subtree under `root` (root included).
std::vector<std::string> agency_subtree(SqlConnection& db, const std::string& root);

}  // namespace motcua::store
