// motcua: the one-stop system's single binary. Each subcommand lives in its own file.
#include <iostream>

#include "cli/command.hpp"
#include "store/data_keys.hpp"
#include "store/sql.hpp"

int main(int argc, char** argv) {
  using namespace motcua::cli;
  CLI::App app{"MotCua: electronic one-stop system for administrative procedures", "motcua"};
  app.require_subcommand(1);
  Action action;
  add_deadline_command(app, action);
  add_calendar_command(app, action);
  add_lunar_command(app, action);
  add_clock_command(app, action);
  add_store_commands(app, action);
  add_serve_command(app, action);
  add_import_command(app, action);
  add_demo_command(app, action);
  add_backup_command(app, action);
  add_migrate_db_command(app, action);
  add_admin_command(app, action);
  add_setup_command(app, action);
  add_warn_command(app, action);
  add_deliver_command(app, action);
  add_portal_command(app, action);
  add_payments_command(app, action);
  add_feedback_detector_command(app, action);
  add_rotate_key_command(app, action);
  add_sweep_uploads_command(app, action);
  if (argc > 1 && argv[1][0] != '-') {
    try {
      app.get_subcommand(argv[1]);
    } catch (const CLI::OptionNotFound&) {
      std::cerr << "motcua: unknown command '" << argv[1] << "' (see motcua --help)\n";
      return kExitBadInput;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "motcua: " << e.what() << "\n";
    return kExitBadInput;
  }
  try {
    return action ? action() : kExitBadInput;
  } catch (const motcua::store::StoreError& e) {
    std::cerr << "motcua: database error: " << e.what() << "\n";
    return kExitFailure;
  } catch (const motcua::store::DataKeyError& e) {
    // A database without its key file, a wrong or unreadable key file: said as it is.
    std::cerr << "motcua: data key: " << e.what() << "\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "motcua: internal error: " << e.what() << "\n";
    return kExitFailure;
  }
}
