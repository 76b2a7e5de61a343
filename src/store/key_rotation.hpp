// `motcua rotate-key`: a new data key replaces the current one. The key file first holds both (the
// new one current), so every value stays readable by any process that reloads it while the
// values are re-sealed and re-hashed in batches, one commit per batch; only when every sealed
// column is done does the file keep the new key alone. The audit log records the change (key ids
// and counts, never key material).
#pragma once

#include <cstdint>
#include <string>

#include "store/store.hpp"

namespace motcua::store {

struct KeyRotation {
  std::string old_key_id;
  std::string new_key_id;
  std::int64_t values = 0;  // values re-sealed
  std::int64_t files = 0;   // uploaded papers re-sealed
};

// Rotates the key in `key_file` over every sealed column (store/personal_data.hpp); `actor_id` and
// `now_iso` go into the audit row `data_key.rotated`. The files of `uploads_dir` (none when empty)
// are re-sealed as well, before the old key leaves the file.
KeyRotation rotate_data_key(Store& store, const std::string& key_file, const std::string& actor_id,
                            const std::string& now_iso, const std::string& reason,
                            int batch_size = 500, const std::string& uploads_dir = {});

}  // namespace motcua::store
