// The files of retired papers (issue 18 point 6, docs/rules.md section 24): when the retention
// rules delete a draft's paper rows (app/admin/retention.hpp), the uploaded files those rows named
// go too, unless another row still names the same content (files are shared by content,
// store/file_blobs.hpp) or an upload found or wrote that file in the last hour (its row may not be
// committed yet). Run after the retention's transaction has committed, never inside it: a
// rolled-back retirement must find its files still there. One audit row `retention.files_removed`
// with the count (never the names) when any went.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/calendar/date.hpp"
#include "store/store.hpp"

namespace motcua::app {

// An upload's row is committed within seconds of its file; an hour is a wide margin.
inline constexpr std::chrono::seconds kUploadIdleBeforeSweep{60 * 60};

struct UploadSweep {
  std::int64_t removed = 0;
  std::int64_t still_named = 0;    // another row names the same content
  std::int64_t recently_used = 0;  // touched within the idle period, left for the next run
};

UploadSweep sweep_released_files(store::Store& store, const std::string& uploads_dir,
                                 const std::vector<std::string>& files, Instant now,
                                 int utc_offset_minutes,
                                 std::chrono::seconds idle = kUploadIdleBeforeSweep);

// The whole folder, for files no row names whatever way they lost their row: an upload whose
// transaction failed or never committed (a crash between the file and its row), rows removed by
// hand. A day of idleness is asked, not an hour: a file named only by a message still on its
// way to a partner (the outbox is not probed) has a day to go out. Crash leftovers are tidied
// first (store::tidy_crash_leftovers). Once a day in `motcua serve` and by `motcua sweep-uploads`;
// audited as `uploads.orphans_removed` (counts only) when anything went.
inline constexpr std::chrono::seconds kOrphanIdleBeforeSweep{24 * 60 * 60};

struct OrphanSweep {
  std::int64_t scanned = 0;  // content files in the folder
  UploadSweep files;
  std::int64_t put_back = 0;             // moved aside by an interrupted sweep, restored
  std::int64_t temporaries_removed = 0;  // partial uploads a crash left
};

OrphanSweep sweep_orphan_files(store::Store& store, const std::string& uploads_dir, Instant now,
                               int utc_offset_minutes,
                               std::chrono::seconds idle = kOrphanIdleBeforeSweep);

}  // namespace motcua::app
