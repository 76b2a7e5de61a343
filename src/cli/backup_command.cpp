// motcua backup --to FILE [--db ...]: a checked copy of the whole database (store/backup.hpp).
// Exit 0 when the copy is whole and its event chain verifies, 3 when a check fails.
#include <boost/json.hpp>
#include <filesystem>

#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "store/backup.hpp"
#include "store/database_url.hpp"

namespace motcua::cli {

namespace {

constexpr int kExitIntegrity = 3;

struct BackupArgs {
  DbOption db;
  std::string to;
};

boost::json::value optional_number(const std::optional<std::int64_t>& n) {
  return n ? boost::json::value(*n) : boost::json::value(nullptr);
}

int run_backup(const BackupArgs& args) {
  // Never overwrite: yesterday's good backup must not be replaced by a failed one by mistake.
  if (std::filesystem::exists(args.to)) return bad_input("--to " + args.to + " exists already");
  const std::string db = args.db.resolved();
  store::BackupSummary s;
  try {
    if (store::is_postgres_url(db)) {
      s = store::backup_postgres(db, args.to);
    } else if (db.find("://") != std::string::npos) {
      return bad_input("--db " + store::printable_database(db) +
                       ": not a PostgreSQL URL nor a file name");
    } else {
      s = store::backup_sqlite(db, args.to);
    }
  } catch (const store::BackupRefused& e) {
    return bad_input(e.what());
  }
  boost::json::object out{{"engine", s.engine},
                          {"file", s.file},
                          {"bytes", s.bytes},
                          {"tables", s.tables},
                          {"dossiers", optional_number(s.dossiers)},
                          {"events", optional_number(s.events)}};
  out["chain_ok"] = s.chain_ok ? boost::json::value(*s.chain_ok) : boost::json::value(nullptr);
  out["ok"] = s.ok();
  out["problem"] = s.problem;
  const int printed = print_json(out);
  return s.ok() ? printed : kExitIntegrity;
}

}  // namespace

void add_backup_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<BackupArgs>();
  auto* cmd = app.add_subcommand(
      "backup",
      "Copy the whole database into a new file, safely while the server runs, and check the copy "
      "(SQLite: online backup, integrity and event chain checks; PostgreSQL: pg_dump custom "
      "format, restore with pg_restore; the password comes from PGPASSWORD or ~/.pgpass)");
  args->db.add_to(*cmd);
  cmd->add_option("--to", args->to, "The backup file to create (never overwritten)")->required();
  cmd->callback([args, &action] { action = [args] { return run_backup(*args); }; });
}

}  // namespace motcua::cli
