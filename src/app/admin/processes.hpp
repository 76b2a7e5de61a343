// Internal processes (quy trình nội bộ) as administrators edit them: reading, checking and saving
// versioned definitions, and the terms of the process in force that a new dossier names.
//
// Saving never rewrites a version: it adds one (the latest plus one, whatever the body says) and
// an audit_log row "process.saved" in the same transaction. Saving a definition equal to the
// latest version adds nothing, so a repeated PUT is harmless. Only an administrator whose grant
// covers the process's agency (a grant on it or on an ancestor) may save, and a process keeps its
// procedure and agency for life: another pair is another process.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/admin/process_views.hpp"
#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/dossier/dossier_history.hpp"
#include "domain/process/process.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// A process as an editor sent it, checked. Besides process::validate's codes, `problems` can hold
// malformed_process (the body does not have the shape of a process; `definition` is then empty),
// id_mismatch, unknown_procedure and unknown_agency.
struct ProcessDraft {
  std::optional<process::ProcessDefinition> definition;
  std::vector<ProcessProblem> problems;
  std::string reason;  // the optional `reason` member, taken out of the definition
};

// A draft whose definition is parsed (src/api/json/admin_json.cpp reads the body in
// codec/process_json.hpp's format); adds process::validate's problems and, when `expected_id` is
// not empty and differs from the definition's id, id_mismatch.
ProcessDraft draft_of(std::optional<process::ProcessDefinition> definition, std::string reason,
                      const std::string& expected_id);
// A draft that is not a process at all: one malformed_process problem saying `why`.
ProcessDraft malformed_draft(const std::string& why);

// Adds unknown_procedure and unknown_agency when the draft names a procedure or agency that does
// not exist, and the problems of process::check_against_procedure against the time limits of the
// procedure in force on `today` (the latest version when empty) at the process's agency; run
// again inside the write transaction, as the catalog may change meanwhile.
ProcessDraft check_process_references(store::SqlConnection& db, ProcessDraft draft,
                                      const std::string& today = {});

// 403 unless the actor holds an administrator grant at all: checked before anything is read
// from the body, so officials without it learn nothing from the answer.
AppResult<void> require_some_administrator(const Actor& actor);

// Saves a valid draft as the next version of process `id` and returns it. Refusals: 403
// (not an administrator over the agency), 409 process_identity_changed (the procedure or agency
// differs from the stored process), 422 invalid_process (the draft has problems).
AppResult<process::ProcessDefinition> save_process(store::SqlConnection& db, const Actor& actor,
                                                   const std::string& id, const ProcessDraft& draft,
                                                   const std::string& reason,
                                                   const std::string& now_iso);

// The latest version of a process, or the given one; 404 when missing.
AppResult<process::ProcessDefinition> find_process(
    store::SqlConnection& db, const std::string& id,
    std::optional<std::int64_t> version = std::nullopt);

// Summaries of the latest version of each process, filtered when the arguments are not empty.
std::vector<ProcessSummary> list_processes(store::SqlConnection& db,
                                           const std::string& procedure_code,
                                           const std::string& agency_id);

// The terms of the process in force for a procedure at an agency, for a new dossier.
std::optional<ProcessTerms> process_terms_in_force(store::SqlConnection& db,
                                                   const std::string& procedure_code,
                                                   const std::string& agency_id);

}  // namespace motcua::app
