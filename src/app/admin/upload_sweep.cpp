#include "app/admin/upload_sweep.hpp"

#include <set>

#include "app/dossier/dossier_history.hpp"
#include "store/audit_log.hpp"
#include "store/blob_references.hpp"
#include "store/file_blobs.hpp"

namespace motcua::app {

namespace {

// Names probed per read transaction: a folder of a million files is not a million transactions.
constexpr std::size_t kProbesPerRead = 500;

// Removes each of `names` that no row names and no upload used within `idle`.
UploadSweep sweep_unnamed(store::Store& store, const std::string& uploads_dir,
                          const std::vector<std::string>& names, std::chrono::seconds idle) {
  UploadSweep sweep;
  for (std::size_t from = 0; from < names.size(); from += kProbesPerRead) {
    const std::size_t to = std::min(names.size(), from + kProbesPerRead);
    std::vector<std::string> unnamed;
    store.read([&](store::SqlConnection& db) {
      for (std::size_t k = from; k < to; ++k) {
        if (store::blob_in_use(db, names[k])) {
          ++sweep.still_named;
        } else {
          unnamed.push_back(names[k]);
        }
      }
    });
    // Checked again at removal: the file moves aside before its age is read, so an upload that
    // reuses it from now on writes its own copy (store::remove_blob_if_idle).
    for (const auto& name : unnamed) {
      if (store::remove_blob_if_idle(uploads_dir, name, idle)) {
        ++sweep.removed;
      } else {
        ++sweep.recently_used;
      }
    }
  }
  return sweep;
}

void audit_removed(store::Store& store, Instant now, int offset, const char* action,
                   const char* object, const char* reason, const std::string& counts) {
  store.write([&](store::SqlConnection& db) {
    store::append_audit(db, {0, kSystemActor, to_iso(now, offset), action, object, reason, counts});
  });
}

}  // namespace

UploadSweep sweep_released_files(store::Store& store, const std::string& uploads_dir,
                                 const std::vector<std::string>& files, Instant now, int offset,
                                 std::chrono::seconds idle) {
  const std::set<std::string> distinct(files.begin(), files.end());
  const auto sweep = sweep_unnamed(
      store, uploads_dir, std::vector<std::string>(distinct.begin(), distinct.end()), idle);
  if (sweep.removed > 0) {
    audit_removed(store, now, offset, "retention.files_removed", "retention", "data/retention.json",
                  "{\"files\":" + std::to_string(sweep.removed) + "}");
  }
  return sweep;
}

OrphanSweep sweep_orphan_files(store::Store& store, const std::string& uploads_dir, Instant now,
                               int offset, std::chrono::seconds idle) {
  OrphanSweep out;
  const auto leftovers = store::tidy_crash_leftovers(uploads_dir, idle);
  out.put_back = leftovers.put_back;
  out.temporaries_removed = leftovers.temporaries_removed;
  const auto names = store::list_blobs(uploads_dir);
  out.scanned = static_cast<std::int64_t>(names.size());
  out.files = sweep_unnamed(store, uploads_dir, names, idle);
  if (out.files.removed + out.temporaries_removed + out.put_back > 0) {
    audit_removed(store, now, offset, "uploads.orphans_removed", "uploads", "files no row names",
                  "{\"files\":" + std::to_string(out.files.removed) +
                      ",\"temporaries\":" + std::to_string(out.temporaries_removed) +
                      ",\"put_back\":" + std::to_string(out.put_back) + "}");
  }
  return out;
}

}  // namespace motcua::app
