#include "app/admin/upload_sweep.hpp"

#include <set>

#include "app/dossier/dossier_history.hpp"
#include "store/audit_log.hpp"
#include "store/blob_references.hpp"
#include "store/file_blobs.hpp"

namespace motcua::app {

UploadSweep sweep_released_files(store::Store& store, const std::string& uploads_dir,
                                 const std::vector<std::string>& files, Instant now, int offset,
                                 std::chrono::seconds idle) {
  UploadSweep sweep;
  const std::set<std::string> distinct(files.begin(), files.end());
  for (const auto& name : distinct) {
    bool named = false;
    store.read([&](store::SqlConnection& db) { named = store::blob_in_use(db, name); });
    if (named) {
      ++sweep.still_named;
      continue;
    }
    if (store::remove_blob_if_idle(uploads_dir, name, idle)) {
      ++sweep.removed;
    } else {
      ++sweep.recently_used;
    }
  }
  if (sweep.removed > 0) {
    store.write([&](store::SqlConnection& db) {
      store::append_audit(
          db, {0, kSystemActor, to_iso(now, offset), "retention.files_removed", "retention",
               "data/retention.json", "{\"files\":" + std::to_string(sweep.removed) + "}"});
    });
  }
  return sweep;
}

}  // namespace motcua::app
