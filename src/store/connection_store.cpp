#include "store/connection_store.hpp"

namespace motcua::store {

int ConnectionStore::schema_version() {
  int version = 0;
  read([&](SqlConnection& db) {
    version =
        static_cast<int>(db.query_one("SELECT MAX(version) FROM schema_migrations")->integer(0));
  });
  return version;
}

}  // namespace motcua::store
