// motcua clock FILE|- : replays a dossier's timeline and prints its legal clock.
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/calendar_option.hpp"
#include "cli/command.hpp"
#include "codec/clock_json.hpp"

namespace motcua::cli {

namespace {

struct ClockArgs {
  std::string file;
  CalendarOption calendar;
};

tl::expected<std::string, std::string> read_input(const std::string& file) {
  std::ostringstream text;
  if (file == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return tl::unexpected("cannot read " + file);
  text << in.rdbuf();
  return text.str();
}

int run_clock(const ClockArgs& args) {
  auto cal = args.calendar.load();
  if (!cal) return bad_input(cal.error());
  auto text = read_input(args.file);
  if (!text) return bad_input(text.error());
  auto input = codec::parse_clock_input(*text, cal->utc_offset_minutes());
  if (!input) return bad_input(input.error());
  auto report = clock::replay(*cal, *input);
  if (!report) {
    return bad_input("event " + std::to_string(report.error().event_index) + ": " +
                     report.error().message);
  }
  return print_json(codec::clock_report_to_json(*report, cal->utc_offset_minutes()));
}

}  // namespace

void add_clock_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ClockArgs>();
  auto* cmd = app.add_subcommand("clock", "Replay a dossier timeline (JSON) and print its clock");
  cmd->add_option("file", args->file, "Timeline file, or - for standard input")->required();
  args->calendar.add_to(*cmd);
  cmd->callback([args, &action] { action = [args] { return run_clock(*args); }; });
}

}  // namespace motcua::cli
