// Numbered schema migrations. The SQL lives in src/store/migrations/NNNN_name.sql; the build embeds
// the files into the binary (cmake/embed_migrations.cmake), so `motcua migrate` needs no data
// files.
#pragma once

#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
};

// Ordered by version.
const std::vector<Migration>& sqlite_migrations();

}  // namespace motcua::store
