#include "cli/db_option.hpp"

#include <cstdlib>
#include <filesystem>

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
  return store::open_store(db);
}

}  // namespace motcua::cli
