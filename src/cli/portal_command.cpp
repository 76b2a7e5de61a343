// motcua portal pull|reconcile: the National Public Service Portal link run by hand, from
// cron or in tests; the server runs the same jobs (cli/portal_job.hpp). Each prints one JSON
// document; a portal that does not answer is exit 1 with {"error": ...}.
//   pull [--once] [--every-s N]   dossiers submitted on the portal become MotCua dossiers
//   reconcile                     what the portal holds against MotCua, every difference
//   (the sync records go out through the delivery engine: motcua serve, or motcua deliver --once)
#include <chrono>
#include <cstdlib>
#include <thread>

#include "app/calendar/calendar_admin.hpp"
#include "cli/calendar_option.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "cli/portal_link.hpp"

namespace motcua::cli {

namespace {

struct PortalArgs {
  DbOption db;
  CalendarOption calendar;
  std::string portal_url;
  bool once = false;
  int every_s = 60;
};

Instant system_now() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()};
}

// The calendar the server uses: the data files with the years an administrator imported on top.
tl::expected<app::CalendarPtr, std::string> server_calendar(const PortalArgs& args,
                                                            store::Store& store) {
  auto files = args.calendar.load();
  if (!files) return tl::unexpected(files.error());
  app::ActiveCalendar active(std::move(*files));
  std::map<int, calendar::YearSchedule> stored;
  store.read([&](store::SqlConnection& db) { stored = app::stored_years(db); });
  auto built = active.build(stored);
  if (!built) return tl::unexpected("stored calendar years: " + built.error());
  return std::move(*built);
}

int printed(const boost::json::object& result) {
  print_json(result);
  return result.contains("error") ? kExitFailure : kExitOk;
}

int run(const std::string& what, const PortalArgs& args) {
  if (args.portal_url.empty()) return bad_input("--portal-url (or MOTCUA_PORTAL_URL) is required");
  auto store = args.db.open();
  auto cal = server_calendar(args, *store);
  if (!cal) return bad_input(cal.error());
  const int offset = (*cal)->utc_offset_minutes();
  if (what == "reconcile")
    return printed(reconcile_portal_once(*store, args.portal_url, system_now(), offset));
  app::DossierService service([c = *cal] { return c; }, system_now);
  for (;;) {
    const auto result = pull_portal_once(*store, service, args.portal_url, system_now(), offset);
    if (args.once) return printed(result);
    print_json(result);
    std::this_thread::sleep_for(std::chrono::seconds(args.every_s));
  }
}

}  // namespace

void add_portal_command(CLI::App& app, Action& action) {
  auto* portal =
      app.add_subcommand("portal", "The National Public Service Portal link (Cổng DVC quốc gia)");
  portal->require_subcommand(1);
  for (const auto& [name, help] :
       {std::pair<std::string, std::string>{
            "pull", "Create MotCua dossiers for those submitted on the portal (deduplicated)"},
        {"reconcile", "Compare what the portal holds with MotCua and print every difference"}}) {
    auto args = std::make_shared<PortalArgs>();
    auto* cmd = portal->add_subcommand(name, help);
    args->db.add_to(*cmd);
    args->calendar.add_to(*cmd);
    const char* env = std::getenv("MOTCUA_PORTAL_URL");
    args->portal_url = env ? env : "";
    cmd->add_option("--portal-url", args->portal_url,
                    "The portal's base URL (also MOTCUA_PORTAL_URL)");
    if (name == "pull") {
      cmd->add_flag("--once", args->once, "Pull once and exit (default: every --every-s)");
      cmd->add_option("--every-s", args->every_s, "Seconds between pulls without --once")
          ->check(CLI::Range(5, 86400));
    }
    cmd->callback(
        [args, &action, what = name] { action = [args, what] { return run(what, *args); }; });
  }
}

}  // namespace motcua::cli
