// The steps of the process version a dossier was received under. A dossier's document names its
// process by {id, version} (codec/dossier_document.hpp, issue 17 "Storage per dossier"); every
// reader of `terms.process->steps` (the legal clock's step budgets, consultations, the control
// sheet, exchange plans, the views) gets them filled here when the document is read
// (app/dossier/dossier_document.hpp).
//
// A process version is one row that is inserted once and never updated or deleted (a save adds a
// version: app/admin/processes.hpp; nothing else writes the table), so its steps are cached by
// (id, version) in memory, shared by the writer and the readers. The key also holds the
// connection's epoch (store/connection_epoch.hpp): tests open many databases in one process, each
// with its own "p1 version 1", and a version read inside a write that rolled back is forgotten.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "codec/dossier_document.hpp"
#include "domain/clock/clock_terms.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// The steps of process `id` at `version`, or nullopt when the database has no such row (a
// database moved without it: the dossier then runs as if it had no process).
std::optional<std::vector<clock::ProcessStepTerms>> process_version_steps(store::SqlConnection& db,
                                                                          const std::string& id,
                                                                          std::int64_t version);

// Fills `document.terms.process->steps` when the document names its process by reference. A
// document that stored its steps (written before) keeps them as read; one whose process version
// is missing keeps {id, version} with no steps, which every reader treats as no process.
void fill_process_steps(store::SqlConnection& db, codec::DossierDocument& document);

// How many process versions the cache holds now (tests).
std::size_t cached_process_versions();

}  // namespace motcua::app
