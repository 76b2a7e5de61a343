#include "store/stale_outcomes.hpp"

namespace motcua::store {

bool take_stale_outcome(SqlConnection& db, const std::string& dossier_id) {
  return db.execute("DELETE FROM dossier_outcomes_dirty WHERE dossier_id = ?", {dossier_id}) == 1;
}

}  // namespace motcua::store
