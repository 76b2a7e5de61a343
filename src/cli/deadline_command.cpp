// motcua deadline --received 2026-03-06T17:30 --limit "3 working-days" [--rule civil-code]
#include <boost/json.hpp>

#include "cli/calendar_option.hpp"
#include "cli/command.hpp"
#include "codec/iso_time.hpp"
#include "domain/clock/deadline.hpp"

namespace motcua::cli {

namespace {

struct DeadlineArgs {
  std::string received;
  std::string limit;
  std::string rule = "standard";
  CalendarOption calendar;
};

int run_deadline(const DeadlineArgs& args) {
  auto cal = args.calendar.load();
  if (!cal) return bad_input(cal.error());
  const int offset = cal->utc_offset_minutes();
  auto received = codec::parse_iso_instant(args.received, offset);
  if (!received) return bad_input(received.error());
  auto limit = clock::parse_time_limit(args.limit);
  if (!limit) return bad_input(limit.error());
  const auto rule = clock::parse_deadline_rule(args.rule);
  if (!rule) return bad_input("unknown rule '" + args.rule + "' (use standard or civil-code)");
  auto deadline = clock::compute_deadline(*cal, *received, *limit, *rule);
  if (!deadline) return bad_input(deadline.error().message);
  boost::json::object out;
  out["received"] = to_iso(*received, offset);
  out["limit"] = clock::to_string(*limit);
  out["rule"] = clock::to_string(*rule);
  out["counting_starts"] = to_iso(deadline->counting_starts, offset);
  out["due"] = to_iso(deadline->due, offset);
  out["ends_at_day_end"] = clock::ends_at_day_end(*limit, *rule);
  out["provisional"] = cal->any_provisional(cal->local(deadline->counting_starts).date,
                                            cal->local(deadline->due).date);
  return print_json(out);
}

}  // namespace

void add_deadline_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<DeadlineArgs>();
  auto* cmd = app.add_subcommand("deadline", "Compute the due date of a time limit");
  cmd->add_option("--received", args->received, "Receipt instant, e.g. 2026-03-06T17:30 (+07:00)")
      ->required();
  cmd->add_option("--limit", args->limit, "e.g. \"3 working-days\", \"15 days\", \"8 hours\"")
      ->required();
  cmd->add_option("--rule", args->rule, "standard (default) or civil-code");
  args->calendar.add_to(*cmd);
  cmd->callback([args, &action] { action = [args] { return run_deadline(*args); }; });
}

}  // namespace motcua::cli
