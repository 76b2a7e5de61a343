// Importing public data into the store: the national procedure catalog (versioned by content hash)
// and the administrative units (agencies: provinces and communes, with validity dates).
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

#include "codec/catalog_import.hpp"
#include "store/store.hpp"

namespace motcua::app {

// Who imports and when, for the audit row each import leaves (actor "cli" from the command line).
struct ImportActor {
  std::string actor_id;
  std::string now_iso;
};

struct CatalogImportOutcome {
  codec::ImportSummary summary;
  std::size_t imported = 0;   // new procedures
  std::size_t updated = 0;    // a new version of a known procedure
  std::size_t unchanged = 0;  // same content as the latest version
};

// Reads a jsonl or jsonl.gz catalog file; writes one report line per record with warnings or a
// rejection to `report` (when given); `today` (YYYY-MM-DD) is when new versions take effect.
tl::expected<CatalogImportOutcome, std::string> import_catalog(
    store::Store& store, const std::filesystem::path& file, std::ostream* report,
    const std::string& today, const ImportActor& who,
    const std::function<void(std::size_t lines)>& progress = {});

struct UnitsImportOutcome {
  std::size_t editions = 0;
  std::size_t provinces = 0;
  std::size_t communes = 0;
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t changes_recorded = 0;  // new rows of the units' dated history (store/unit_history)
};

// Reads every edition in `dir` (vn-provinces-YYYY-MM-DD.csv with its vn-wards-YYYY-MM-DD.csv) and
// writes the agency tree: ids "province-NN" and "commune-NNNNN". An agency's code (used in dossier
// codes) is set on insert only, so a locally assigned code survives later imports. Renamings and
// other changes between editions are kept, dated, in the units' history.
tl::expected<UnitsImportOutcome, std::string> import_units(store::Store& store,
                                                           const std::filesystem::path& dir,
                                                           const ImportActor& who);

}  // namespace motcua::app
