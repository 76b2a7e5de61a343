// Which engine a database name selects, in one place for every subcommand and test: a
// postgresql:// or postgres:// URL is PostgreSQL, anything else that looks like a URL is refused
// (a mistyped scheme must never become a SQLite file named "mysql:"), and the rest is a SQLite
// file.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "store/store.hpp"

namespace motcua::store {

enum class Engine { sqlite, postgres };

// Thrown for a URL of a scheme MotCua does not speak.
class UnsupportedDatabaseUrl : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// The engine `db` names; throws UnsupportedDatabaseUrl for another scheme://.
Engine engine_of(const std::string& db);

// SQLite's ":memory:": a database that lives and dies with the process (and with each connection),
// so it has no key file and nothing in it was sealed under another key.
bool is_in_memory(const std::string& db);

// Opens `db` with the engine it names (SQLite: the file, created if missing; PostgreSQL: the
// database, which must exist). Migrations are applied either way.
std::unique_ptr<Store> open_store(const std::string& db, int reader_connections = 4);

// A SQLite file opened for a one-off bulk load (store/sqlite/bulk_store.hpp), with the same data
// keys as open_store gives it.
std::unique_ptr<Store> open_store_for_bulk_load(const std::string& sqlite_path);

}  // namespace motcua::store
