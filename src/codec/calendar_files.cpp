#include "codec/calendar_files.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "codec/iso_time.hpp"
#include "codec/json_fields.hpp"

namespace motcua::codec {

namespace json = boost::json;
using calendar::YearSchedule;

namespace {

tl::expected<calendar::ScheduledDay, std::string> parse_day(const json::value& v) {
  if (!v.is_object()) return tl::unexpected(std::string("a day entry must be an object"));
  const auto& o = v.as_object();
  auto date_text = required_string(o, "date");
  if (!date_text) return tl::unexpected(date_text.error());
  auto date = parse_iso_date(*date_text);
  if (!date) return tl::unexpected(date.error());
  auto kind_text = required_string(o, "kind");
  if (!kind_text) return tl::unexpected(kind_text.error());
  const auto kind = calendar::parse_day_kind(*kind_text);
  if (!kind) return tl::unexpected("unknown day kind '" + std::string(*kind_text) + "'");
  auto name = required_string(o, "name");
  if (!name) return tl::unexpected(name.error());
  return calendar::ScheduledDay{*date, *kind, std::string(*name),
                                std::string(optional_string(o, "name_en")),
                                std::string(optional_string(o, "source"))};
}

tl::expected<void, std::string> parse_days(const json::object& o, const char* key,
                                           YearSchedule& out) {
  const auto* list = o.if_contains(key);
  if (list == nullptr) return {};
  if (!list->is_array()) return tl::unexpected("'" + std::string(key) + "' must be an array");
  for (const auto& v : list->as_array()) {
    auto day = parse_day(v);
    if (!day) return tl::unexpected(day.error());
    out.days.push_back(std::move(*day));
  }
  return {};
}

}  // namespace

tl::expected<YearSchedule, std::string> parse_year_schedule(std::string_view json_text) {
  boost::system::error_code ec;
  const json::value root = json::parse(json_text, ec);
  if (ec) return tl::unexpected("invalid JSON: " + ec.message());
  if (!root.is_object()) return tl::unexpected(std::string("a calendar file must be an object"));
  const auto& o = root.as_object();
  YearSchedule schedule;
  const auto* year = o.if_contains("year");
  if (year == nullptr || !year->is_int64()) return tl::unexpected(std::string("missing 'year'"));
  schedule.year = static_cast<int>(year->as_int64());
  if (const auto* p = o.if_contains("provisional"); p != nullptr && p->is_bool()) {
    schedule.provisional = p->as_bool();
  }
  if (auto ok = parse_days(o, "days", schedule); !ok) return tl::unexpected(ok.error());
  if (auto ok = parse_days(o, "pending", schedule); !ok) return tl::unexpected(ok.error());
  for (const auto& day : schedule.days) {
    if (ymd_of(day.date).year != schedule.year) {
      return tl::unexpected("day " + to_iso(day.date) + " is not in year " +
                            std::to_string(schedule.year));
    }
  }
  return schedule;
}

tl::expected<calendar::WorkingCalendar, std::string> load_calendar(
    const std::filesystem::path& dir, calendar::OfficeHours hours,
    calendar::CalendarOptions options) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return tl::unexpected("calendar folder not found: " + dir.string());
  }
  std::map<int, YearSchedule> announced;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto schedule = parse_year_schedule(text.str());
    if (!schedule) return tl::unexpected(entry.path().string() + ": " + schedule.error());
    if (entry.path().stem() != std::to_string(schedule->year)) {
      return tl::unexpected(entry.path().string() + ": file name does not match its year");
    }
    const int year = schedule->year;
    announced.emplace(year, std::move(*schedule));
  }
  if (ec)
    return tl::unexpected("cannot read calendar folder " + dir.string() + ": " + ec.message());
  return calendar::WorkingCalendar::build(std::move(announced), std::move(hours), options);
}

}  // namespace motcua::codec
