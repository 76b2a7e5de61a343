// The shape every subcommand shares: it registers its options on the CLI11 app and leaves the
// action to run once parsing succeeded. Output is one JSON document on stdout; bad input is a
// message on stderr, nothing on stdout, and exit status 2.
#pragma once

#include <CLI/CLI.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <string>

namespace motcua::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

using Action = std::function<int()>;

// Writes `doc` as one JSON document and a newline on stdout.
int print_json(const boost::json::value& doc);
// Writes "motcua: <message>" on stderr and returns kExitBadInput.
int bad_input(const std::string& message);

void add_deadline_command(CLI::App& app, Action& action);
void add_calendar_command(CLI::App& app, Action& action);
void add_lunar_command(CLI::App& app, Action& action);
void add_clock_command(CLI::App& app, Action& action);
void add_store_commands(CLI::App& app, Action& action);
void add_serve_command(CLI::App& app, Action& action);
void add_import_command(CLI::App& app, Action& action);
void add_demo_command(CLI::App& app, Action& action);
void add_backup_command(CLI::App& app, Action& action);
void add_migrate_db_command(CLI::App& app, Action& action);
void add_admin_command(CLI::App& app, Action& action);
void add_setup_command(CLI::App& app, Action& action);
void add_warn_command(CLI::App& app, Action& action);
void add_deliver_command(CLI::App& app, Action& action);
void add_portal_command(CLI::App& app, Action& action);
void add_payments_command(CLI::App& app, Action& action);
void add_feedback_detector_command(CLI::App& app, Action& action);
void add_rotate_key_command(CLI::App& app, Action& action);
void add_sweep_uploads_command(CLI::App& app, Action& action);

}  // namespace motcua::cli
