#include "store/key_rotation.hpp"

#include <memory>
#include <vector>

#include "store/audit_log.hpp"
#include "store/data_keys.hpp"
#include "store/file_blobs.hpp"
#include "store/personal_data.hpp"

namespace motcua::store {

KeyRotation rotate_data_key(Store& store, const std::string& key_file, const std::string& actor_id,
                            const std::string& now_iso, const std::string& reason, int batch_size,
                            const std::string& uploads_dir) {
  const DataKeys before = DataKeys::read_file(key_file);
  const DataKey fresh = DataKeys::generate();
  KeyRotation result{before.current_id(), fresh.id, 0};

  // The old keys stay in the file until every value is re-sealed: a crash midway leaves a file
  // that still opens everything, and running rotate-key again finishes the work.
  std::vector<DataKey> during{fresh};
  for (const auto& k : before.keys()) during.push_back(k);
  const DataKeys both(during);
  both.write_file(key_file);
  install_data_keys(std::make_shared<const DataKeys>(both));

  for (const auto& column : sealed_columns()) {
    for (;;) {
      std::int64_t changed = 0;
      store.write([&](SqlConnection& db) { changed = reseal_batch(db, column, batch_size); });
      result.values += changed;
      if (changed == 0) break;
    }
  }
  // The uploaded papers too: each file re-sealed (or sealed, if stored before papers were).
  if (!uploads_dir.empty()) result.files = reseal_blobs(uploads_dir);

  store.write([&](SqlConnection& db) {
    append_audit(
        db, {0, actor_id, now_iso, "data_key.rotated", "data_key", reason,
             "{\"old_key_id\":\"" + result.old_key_id + "\",\"new_key_id\":\"" + result.new_key_id +
                 "\",\"values_resealed\":" + std::to_string(result.values) +
                 ",\"files_resealed\":" + std::to_string(result.files) + "}"});
  });

  const DataKeys after({fresh});
  after.write_file(key_file);
  install_data_keys(std::make_shared<const DataKeys>(after));
  return result;
}

}  // namespace motcua::store
