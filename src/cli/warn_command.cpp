// motcua warn --once: the warnings job run once (for tests and cron); the server runs the same job
// periodically (app/warnings/due_warnings.hpp). Prints how many alerts there are and how many
// outbox messages were new. --now (demo databases only, as serve --fake-now) sets the instant.
#include <boost/json.hpp>
#include <chrono>
#include <thread>

#include "app/calendar/calendar_admin.hpp"
#include "app/warnings/due_warnings.hpp"
#include "cli/calendar_option.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "codec/iso_time.hpp"
#include "store/installation_settings.hpp"

namespace motcua::cli {

namespace {

struct WarnArgs {
  DbOption db;
  CalendarOption calendar;
  bool once = false;
  std::string now;
  int every_s = 900;
};

Instant system_now() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()};
}

int run_warn(const WarnArgs& args) {
  auto files = args.calendar.load();
  if (!files) return bad_input(files.error());
  auto store = args.db.open();
  std::optional<Instant> fixed;
  if (!args.now.empty()) {
    bool demo = false;
    store->read([&](store::SqlConnection& db) { demo = store::is_demo_database(db); });
    if (!demo) {
      return bad_input(
          "--now chỉ dùng với cơ sở dữ liệu do `motcua demo` tạo. / --now is only allowed on a "
          "database built by `motcua demo`.");
    }
    auto parsed = codec::parse_iso_instant(args.now, files->utc_offset_minutes());
    if (!parsed) return bad_input("--now: " + parsed.error());
    fixed = *parsed;
  }
  // The calendar the server uses: the data files with the years an administrator imported on top.
  app::ActiveCalendar active(std::move(*files));
  std::map<int, calendar::YearSchedule> stored;
  store->read([&](store::SqlConnection& db) { stored = app::stored_years(db); });
  auto cal = active.build(stored);
  if (!cal) return bad_input("stored calendar years: " + cal.error());
  for (;;) {
    app::WarnRun run;
    store->write([&](store::SqlConnection& db) {
      run = app::write_due_warnings(db, **cal, fixed.value_or(system_now()));
    });
    print_json(boost::json::object{
        {"hours", run.hours}, {"alerts", run.alerts}, {"written", run.written}});
    if (args.once) return kExitOk;
    std::this_thread::sleep_for(std::chrono::seconds(args.every_s));
  }
}

}  // namespace

void add_warn_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<WarnArgs>();
  auto* cmd = app.add_subcommand(
      "warn", "Write due-soon warnings, overdue escalations and step overruns to the outbox");
  args->db.add_to(*cmd);
  args->calendar.add_to(*cmd);
  cmd->add_flag("--once", args->once, "Run the job once and exit (default: every --every-s)");
  cmd->add_option("--now", args->now, "The instant to judge at, ISO 8601 (demo databases only)");
  cmd->add_option("--every-s", args->every_s, "Seconds between runs without --once")
      ->check(CLI::Range(10, 86400));
  cmd->callback([args, &action] { action = [args] { return run_warn(*args); }; });
}

}  // namespace motcua::cli
