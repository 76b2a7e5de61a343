// Versions of a procedure. The catalog changes when a ministry publishes a new decision; a dossier
// keeps the version it was received under (its papers, fee and time limit do not change under
// it), so versions are never edited, only closed and succeeded.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/catalog/procedure.hpp"
#include "tl/expected.hpp"

namespace motcua::catalog {

struct ProcedureVersion {
  std::int32_t number = 1;              // 1, 2, ... per procedure code
  Date effective_from;                  // ngày hiệu lực: first day in force
  std::optional<Date> effective_until;  // first day no longer in force; empty while in force
  Procedure content;
  friend bool operator==(const ProcedureVersion&, const ProcedureVersion&) = default;
};

// What a dossier stores to find its version again.
struct ProcedureRef {
  std::string code;
  std::int32_t version = 1;
  friend bool operator==(const ProcedureRef&, const ProcedureRef&) = default;
};

// The version in force on `day`, or nullptr (before the first, or after the last was closed).
const ProcedureVersion* version_in_force(std::span<const ProcedureVersion> versions, Date day);

enum class ChangeKind { added, unchanged, updated };
std::string_view to_string(ChangeKind kind);

// How an imported procedure relates to the current version (nullptr: none yet). Compares
// canonical_text, so any content change, raw texts included, is an update.
ChangeKind classify_change(const ProcedureVersion* current, const Procedure& incoming);

// Appends `content` as a new version in force from `from`, closing the latest version on that
// day. `versions` must be in number order. Fails when `from` is not after the latest version's
// start (history is not rewritten) or the codes differ.
tl::expected<std::int32_t, std::string> add_version(std::vector<ProcedureVersion>& versions,
                                                    Procedure content, Date from);

}  // namespace motcua::catalog
