// The --db option of every subcommand that touches data (serve, migrate, demo, import, verify-log),
// with one documented default: $MOTCUA_DB if set, else var/motcua.db under the working folder.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace motcua::cli {

struct DbOption {
  std::string path;

  void add_to(CLI::App& command);
  std::string resolved() const;
  // Opens the SQLite store (creating the folder and the file if needed, applying migrations).
  std::unique_ptr<store::Store> open() const;
};

}  // namespace motcua::cli
