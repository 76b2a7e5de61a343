// motcua sweep-uploads --db DB [--uploads-dir DIR]
// Removes the uploaded files no row names and no upload used in the last day, puts back a file an
// interrupted sweep had moved aside, and removes partial uploads a crash left
// (app::sweep_orphan_files; `motcua serve` runs the same once a day). Safe beside running
// servers: a file is moved aside before its age is read, so an upload reusing it writes its own.
#include <boost/json.hpp>
#include <chrono>

#include "app/admin/upload_sweep.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "store/database_url.hpp"

namespace motcua::cli {

namespace {

struct SweepUploadsArgs {
  DbOption db;
  std::string uploads_dir = "var/uploads";  // serve's default
};

int run_sweep_uploads(const SweepUploadsArgs& args) {
  auto store = args.db.open();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  const auto sweep = app::sweep_orphan_files(*store, args.uploads_dir, Instant{seconds}, 420);
  return print_json(boost::json::object{{"database", store::printable_database(args.db.resolved())},
                                        {"uploads_dir", args.uploads_dir},
                                        {"files_scanned", sweep.scanned},
                                        {"files_removed", sweep.files.removed},
                                        {"files_named", sweep.files.still_named},
                                        {"files_recently_used", sweep.files.recently_used},
                                        {"files_put_back", sweep.put_back},
                                        {"temporaries_removed", sweep.temporaries_removed}});
}

}  // namespace

void add_sweep_uploads_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<SweepUploadsArgs>();
  auto* cmd = app.add_subcommand(
      "sweep-uploads",
      "Remove uploaded files that no dossier, result or kept paper names any more");
  args->db.add_to(*cmd);
  cmd->add_option("--uploads-dir", args->uploads_dir,
                  "The uploaded papers' folder, as given to serve (default var/uploads)");
  cmd->callback([args, &action] { action = [args] { return run_sweep_uploads(*args); }; });
}

}  // namespace motcua::cli
