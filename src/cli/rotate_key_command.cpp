// motcua rotate-key --db DB [--data-key-file FILE] [--uploads-dir DIR] [--reason TEXT] [--batch N]
// Makes a new data key and re-seals every sealed value (ID numbers, phones, addresses, application
// forms) and every uploaded paper under it,
// in batches of N rows per commit, the old key kept in the file until the last batch; records
// `data_key.rotated` in the audit log (key ids and counts, never key material). Stop the servers
// first: a running server holds the key file it read at start-up (docs/operations.md).
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>

#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "domain/calendar/date.hpp"
#include "store/database_url.hpp"
#include "store/key_rotation.hpp"

namespace motcua::cli {

namespace {

struct RotateKeyArgs {
  DbOption db;
  std::string reason = "scheduled data key rotation";
  int batch = 500;
  std::string uploads_dir = "var/uploads";  // serve's default
};

int run_rotate_key(const RotateKeyArgs& args) {
  auto store = args.db.open();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  const std::string now_iso = to_iso(Instant{seconds}, 420);
  // Who: the operating-system account that ran it (the CLI has no MotCua session).
  const char* user = std::getenv("USER");
  const std::string actor = std::string("cli:") + (user != nullptr ? user : "unknown");
  const auto rotation = store::rotate_data_key(*store, args.db.resolved_data_key_file(), actor,
                                               now_iso, args.reason, args.batch, args.uploads_dir);
  return print_json(boost::json::object{{"database", store::printable_database(args.db.resolved())},
                                        {"old_key_id", rotation.old_key_id},
                                        {"new_key_id", rotation.new_key_id},
                                        {"values_resealed", rotation.values},
                                        {"files_resealed", rotation.files}});
}

}  // namespace

void add_rotate_key_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<RotateKeyArgs>();
  auto* cmd = app.add_subcommand(
      "rotate-key", "Make a new data key and re-seal personal data and uploaded papers under it");
  args->db.add_to(*cmd);
  cmd->add_option("--reason", args->reason, "Why, for the audit log");
  cmd->add_option("--uploads-dir", args->uploads_dir,
                  "The uploaded papers' folder, as given to serve (default var/uploads); its files "
                  "are re-sealed too, and those stored before papers were sealed get sealed");
  cmd->add_option("--batch", args->batch, "Rows re-sealed per commit (default 500)")
      ->check(CLI::Range(1, 100000));
  cmd->callback([args, &action] { action = [args] { return run_rotate_key(*args); }; });
}

}  // namespace motcua::cli
