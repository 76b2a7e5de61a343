// Signed anchors of the two hash-chained logs (dossier events, audit). A chain alone shows an edit
// in the middle, but not a cut at the end: whoever deletes the last rows leaves a shorter chain
// that still holds. An anchor records each log's head (last seq and hash) and row count at one
// instant, signed with the instance's Ed25519 key (libsodium crypto_sign); it is kept in the
// database table log_anchors and appended to a JSON-lines file next to it. `motcua verify-log`
// checks every anchor's signature and that both logs still hold the anchored heads and at least
// the anchored counts. The key file is created on first use with mode 0600 and never leaves the
// machine (docs/operations.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/log_anchors.hpp"
#include "store/store.hpp"

namespace motcua::cli {

struct AnchorPaths {
  std::string key_file;
  std::string anchors_file;
};

// Defaults beside a SQLite file (<db>.anchor-key, <db>.anchors.jsonl); for a PostgreSQL URL, under
// var/ in the working folder. Non-empty overrides win.
AnchorPaths anchor_paths(const std::string& resolved_db, const std::string& key_override,
                         const std::string& anchors_override);

// Writes one anchor now (table, then file after the commit). Throws std::runtime_error on a key or
// file problem, store::StoreError on a database one.
store::LogAnchor write_anchor(store::Store& store, const AnchorPaths& paths);

struct AnchorCheck {
  std::int64_t anchors_checked = 0;
  std::vector<std::string> problems;  // empty when every anchor holds
};

// Checks the anchors of the file and of the table against the logs as they are now.
AnchorCheck verify_anchors(store::Store& store, const AnchorPaths& paths);

}  // namespace motcua::cli
