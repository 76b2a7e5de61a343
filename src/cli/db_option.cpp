#include "cli/db_option.hpp"

#include <cstdlib>
#include <filesystem>

namespace motcua::cli {

void DbOption::add_to(CLI::App& command) {
  command.add_option("--db", path, "SQLite database file (default: $MOTCUA_DB or var/motcua.db)");
}

std::string DbOption::resolved() const {
  if (!path.empty()) return path;
  if (const char* env = std::getenv("MOTCUA_DB"); env != nullptr && *env != '\0') return env;
  return "var/motcua.db";
}

std::unique_ptr<store::Store> DbOption::open() const {
  const std::filesystem::path file = resolved();
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  return store::open_sqlite_store(file.string());
}

}  // namespace motcua::cli
