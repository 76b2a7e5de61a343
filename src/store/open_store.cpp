#include "store/open_store.hpp"

#include <cctype>

#include "store/data_keys.hpp"
#include "store/personal_data.hpp"
#include "store/sqlite/bulk_store.hpp"

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

bool is_in_memory(const std::string& db) { return db == ":memory:"; }

namespace {

// Every opener goes through the data keys the same way: the key file's keys are in place before
// migrations may seal values, and a database holding values under a key the process lacks is
// refused before anything reads or writes.
template <typename Open>
std::unique_ptr<Store> open_with_data_keys(const std::string& db, Open open) {
  use_default_data_keys_for(db);
  auto store = open();
  // Each reader connection of an in-memory database would be a database of its own.
  if (is_in_memory(db)) return store;
  store->read(require_known_data_keys);
  // A key made for a database without a key file is written now, not before: a command run on a
  // copy whose values were sealed under another key was refused above and leaves no stray file.
  if (persist_new_data_key()) store->read(require_known_data_keys);
  return store;
}

}  // namespace

std::unique_ptr<Store> open_store(const std::string& db, int reader_connections) {
  return open_with_data_keys(db, [&] {
    return engine_of(db) == Engine::postgres ? open_postgres_store(db, reader_connections)
                                             : open_sqlite_store(db, reader_connections);
  });
}

std::unique_ptr<Store> open_store_for_bulk_load(const std::string& sqlite_path) {
  return open_with_data_keys(sqlite_path, [&] { return open_sqlite_bulk_store(sqlite_path); });
}

}  // namespace motcua::store
