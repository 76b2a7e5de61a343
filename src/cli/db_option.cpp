#include "cli/db_option.hpp"

#include <cstdlib>
#include <filesystem>

#include "store/data_keys.hpp"
#include "store/open_store.hpp"

namespace motcua::cli {

namespace {
// "" when `db` names an engine; else why not (CLI11 prints it and the binary exits 2).
std::string engine_problem(const std::string& db) {
  try {
    store::engine_of(db);
    return {};
  } catch (const store::UnsupportedDatabaseUrl& e) {
    return e.what();
  }
}
}  // namespace

void DbOption::add_to(CLI::App& command) {
  // envname: $MOTCUA_DB goes through the same check as --db.
  command
      .add_option("--db", path,
                  "SQLite database file, or a postgresql://user@host:port/database URL "
                  "(default: $MOTCUA_DB or var/motcua.db)")
      ->envname("MOTCUA_DB")
      ->check(CLI::Validator(engine_problem, "DATABASE", "database"));
  command
      .add_option("--data-key-file", data_key_file,
                  "Key file sealing ID numbers, phones and addresses at rest (default: "
                  "<db>.data-key beside a SQLite file, var/motcua.data-key for PostgreSQL); "
                  "created with mode 0600; keep it and its backups apart from the database")
      ->envname("MOTCUA_DATA_KEY_FILE");
}

std::string DbOption::resolved_data_key_file() const {
  if (!data_key_file.empty()) return data_key_file;
  if (const char* env = std::getenv("MOTCUA_DATA_KEY_FILE"); env != nullptr && *env != '\0') {
    return env;
  }
  return store::default_data_key_path(resolved());
}

std::string DbOption::resolved() const {
  if (!path.empty()) return path;
  if (const char* env = std::getenv("MOTCUA_DB"); env != nullptr && *env != '\0') return env;
  return "var/motcua.db";
}

std::unique_ptr<store::Store> DbOption::open() const {
  const std::string db = resolved();
  if (store::engine_of(db) == store::Engine::sqlite) {
    const std::filesystem::path file = db;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  }
  // A key file named on the command line or in the environment; the default one beside the
  // database is open_store's to load, as for every other opener (an in-memory database has none).
  if (const auto key_file = resolved_data_key_file();
      key_file != store::default_data_key_path(db)) {
    store::load_or_create_data_keys(key_file);
  }
  return store::open_store(db);
}

}  // namespace motcua::cli
