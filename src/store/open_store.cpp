#include "store/open_store.hpp"

#include <cctype>

namespace motcua::store {

Engine engine_of(const std::string& db) {
  const auto colon = db.find("://");
  if (colon == std::string::npos) return Engine::sqlite;
  const std::string scheme = db.substr(0, colon);
  // A Windows-like "C://x" or a folder named "a://b" is not worth supporting: any letters-only
  // scheme before :// is a URL.
  bool is_scheme = !scheme.empty();
  for (const char c : scheme) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      is_scheme = false;
    }
  }
  if (!is_scheme) return Engine::sqlite;
  if (scheme == "postgresql" || scheme == "postgres") return Engine::postgres;
  throw UnsupportedDatabaseUrl("unsupported database URL scheme '" + scheme +
                               "://': use postgresql://... for PostgreSQL or a file path for "
                               "SQLite");
}

std::unique_ptr<Store> open_store(const std::string& db, int reader_connections) {
  if (engine_of(db) == Engine::postgres) return open_postgres_store(db, reader_connections);
  return open_sqlite_store(db, reader_connections);
}

}  // namespace motcua::store
