// motcua demo [--db PATH] [--dossiers N]: builds the demo province (demo/demo.hpp) in the database
// and prints what it holds. Safe to run twice: the second run adds nothing.
#include <boost/json.hpp>
#include <chrono>
#include <iostream>

#include "cli/calendar_option.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "demo/demo.hpp"
#include "store/database_url.hpp"
#include "store/installation_settings.hpp"

namespace motcua::cli {

namespace {

struct DemoArgs {
  DbOption db;
  CalendarOption calendar;
  app::DemoOptions options;
  std::string data_dir = "data";
};

int run_demo(DemoArgs args) {
  auto cal = args.calendar.load();
  if (!cal) return bad_input(cal.error());
  if (args.options.dossiers < 0 || args.options.dossiers > 100000) {
    return bad_input("--dossiers must be between 0 and 100000");
  }
  args.options.data_dir = args.data_dir;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
  auto store = args.db.open();
  std::cerr << "motcua demo: building the demo province in "
            << store::printable_database(args.db.resolved()) << "\n";
  auto outcome = app::build_demo(*store, *cal, Instant{seconds}, args.options);
  if (!outcome) return bad_input(outcome.error());
  // Only a demo database may be served with a frozen clock (serve --fake-now).
  store->write([](store::SqlConnection& db) { store::mark_demo_database(db); });
  boost::json::object by_status;
  for (const auto& [status, n] : outcome->dossiers_by_status) by_status[status] = n;
  return print_json(boost::json::object{{"database", store::printable_database(args.db.resolved())},
                                        {"agencies", outcome->agencies},
                                        {"procedures", outcome->procedures},
                                        {"processes", outcome->processes},
                                        {"users_created", outcome->users},
                                        {"dossiers_created", outcome->dossiers_created},
                                        {"dossiers_by_status", std::move(by_status)}});
}

}  // namespace

void add_demo_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand("demo", "Build the demo province (data, people, dossiers)");
  args->db.add_to(*cmd);
  args->calendar.add_to(*cmd);
  cmd->add_option("--dossiers", args->options.dossiers,
                  "How many dossiers to simulate (default 300)");
  cmd->add_option("--days", args->options.days_back, "Over how many past days (default 120)");
  cmd->add_option("--seed", args->options.seed, "Random seed (the same seed gives the same demo)");
  cmd->add_option("--data-dir", args->data_dir,
                  "Folder with demo/, units/ and catalog/ (default data)");
  cmd->callback([args, &action] { action = [args] { return run_demo(*args); }; });
}

}  // namespace motcua::cli
