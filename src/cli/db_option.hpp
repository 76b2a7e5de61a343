// The --db option of every subcommand that touches data (serve, migrate, demo, import, verify-log),
// with one documented default: $MOTCUA_DB if set, else var/motcua.db under the working folder.
// A postgresql:// or postgres:// URL selects PostgreSQL; any other scheme:// is refused at parse
// time (exit 2) rather than taken for a SQLite file name (store/open_store.hpp).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace motcua::cli {

struct DbOption {
  std::string path;
  // The key file that seals personal data (store/data_keys.hpp); created 0600 if missing.
  std::string data_key_file;

  void add_to(CLI::App& command);
  std::string resolved() const;
  std::string resolved_data_key_file() const;
  // Opens the store the option names: for SQLite, creating the folder and the file if needed;
  // migrations are applied either way. The data keys are loaded (or made) first.
  std::unique_ptr<store::Store> open() const;
};

}  // namespace motcua::cli
