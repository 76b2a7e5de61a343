// motcua lunar 2026-02-17 -> {"year":2026,"month":1,"day":1,"leap":false}
#include <boost/json.hpp>

#include "cli/command.hpp"
#include "codec/iso_time.hpp"
#include "domain/calendar/lunar.hpp"

namespace motcua::cli {

namespace {

int run_lunar(const std::string& text) {
  auto date = codec::parse_iso_date(text);
  if (!date) return bad_input(date.error());
  const auto lunar = calendar::to_lunar(*date);
  if (!lunar) {
    return bad_input("date " + text + " is outside the supported lunar calendar (" +
                     std::to_string(calendar::kLunarFirstYear) + "-" +
                     std::to_string(calendar::kLunarLastYear) + ")");
  }
  return print_json(boost::json::object{
      {"year", lunar->year}, {"month", lunar->month}, {"day", lunar->day}, {"leap", lunar->leap}});
}

}  // namespace

void add_lunar_command(CLI::App& app, Action& action) {
  auto date = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("lunar", "Convert a solar date to the Vietnamese lunar calendar");
  cmd->add_option("date", *date, "Solar date, YYYY-MM-DD")->required();
  cmd->callback([date, &action] { action = [date] { return run_lunar(*date); }; });
}

}  // namespace motcua::cli
