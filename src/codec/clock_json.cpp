#include "codec/clock_json.hpp"

#include <boost/json.hpp>

#include "codec/iso_time.hpp"
#include "codec/json_fields.hpp"

namespace motcua::codec {

namespace json = boost::json;
using namespace motcua::clock;

namespace {

tl::expected<ClockEvent, std::string> parse_event(const json::value& v, int offset) {
  if (!v.is_object()) return tl::unexpected(std::string("an event must be an object"));
  const auto& o = v.as_object();
  ClockEvent e;
  auto type = required_string(o, "type");
  if (!type) return tl::unexpected(type.error());
  const auto parsed_type = parse_clock_event_type(*type);
  if (!parsed_type) return tl::unexpected("unknown event type '" + std::string(*type) + "'");
  e.type = *parsed_type;
  auto at = required_string(o, "at");
  if (!at) return tl::unexpected(at.error());
  auto instant = parse_iso_instant(*at, offset);
  if (!instant) return tl::unexpected(instant.error());
  e.at = *instant;
  if (const auto new_due = optional_string(o, "new_due"); !new_due.empty()) {
    auto due = parse_iso_instant(new_due, offset);
    if (!due) return tl::unexpected(due.error());
    e.new_due = *due;
  }
  e.step = std::string(optional_string(o, "step"));
  e.party = std::string(optional_string(o, "party"));
  if (const auto budget = optional_string(o, "budget"); !budget.empty()) {
    auto limit = parse_time_limit(budget);
    if (!limit) return tl::unexpected(limit.error());
    e.budget = *limit;
  }
  return e;
}

json::value instant_or_null(const std::optional<Instant>& t, int offset) {
  if (!t) return nullptr;
  return json::value(to_iso(*t, offset));
}

json::value bool_or_null(const std::optional<bool>& b) {
  if (!b) return nullptr;
  return json::value(*b);
}

json::object step_to_json(const StepReport& s, int offset) {
  json::object o;
  o["name"] = s.name;
  o["party"] = s.party;
  o["started"] = to_iso(s.started, offset);
  o["ended"] = instant_or_null(s.ended, offset);
  o["due"] = instant_or_null(s.due, offset);
  o["used_minutes"] = s.used / kSecondsPerMinute;
  o["result"] = s.result ? json::value(std::string(to_string(*s.result))) : json::value(nullptr);
  return o;
}

}  // namespace

tl::expected<ClockInput, std::string> parse_clock_input(std::string_view json_text, int offset) {
  boost::system::error_code ec;
  const json::value root = json::parse(json_text, ec);
  if (ec) return tl::unexpected("invalid JSON: " + ec.message());
  if (!root.is_object()) return tl::unexpected(std::string("the timeline must be a JSON object"));
  const auto& o = root.as_object();
  ClockInput input;
  auto limit_text = required_string(o, "limit");
  if (!limit_text) return tl::unexpected(limit_text.error());
  auto limit = parse_time_limit(*limit_text);
  if (!limit) return tl::unexpected(limit.error());
  input.limit = *limit;
  if (const auto rule = optional_string(o, "rule"); !rule.empty()) {
    const auto parsed = parse_deadline_rule(rule);
    if (!parsed) return tl::unexpected("unknown rule '" + std::string(rule) + "'");
    input.rule = *parsed;
  }
  if (const auto channel = optional_string(o, "channel"); !channel.empty()) {
    const auto parsed = parse_channel(channel);
    if (!parsed) return tl::unexpected("unknown channel '" + std::string(channel) + "'");
    input.channel = *parsed;
  }
  const auto* events = o.if_contains("events");
  if (events == nullptr || !events->is_array()) {
    return tl::unexpected(std::string("'events' must be an array"));
  }
  for (std::size_t i = 0; i < events->as_array().size(); ++i) {
    auto e = parse_event(events->as_array()[i], offset);
    if (!e) return tl::unexpected("event " + std::to_string(i) + ": " + e.error());
    input.events.push_back(std::move(*e));
  }
  return input;
}

json::object clock_report_to_json(const ClockReport& r, int offset) {
  json::object o;
  o["received"] = to_iso(r.received, offset);
  o["counting_starts"] = to_iso(r.counting_starts, offset);
  o["due"] = instant_or_null(r.due, offset);
  o["due_766"] = instant_or_null(r.due_766, offset);
  o["original_due"] = to_iso(r.original_due, offset);
  o["ends_at_day_end"] = r.day_end;
  o["transfer_due"] = instant_or_null(r.transfer_due, offset);
  o["transferred"] = instant_or_null(r.transferred, offset);
  if (r.paused) {
    o["paused"] = json::object{{"reason", to_string(r.paused->reason)},
                               {"since", to_iso(r.paused->since, offset)}};
  } else {
    o["paused"] = nullptr;
  }
  o["supplement_requests"] = r.supplement_requests;
  o["extended_to"] = instant_or_null(r.extended_to, offset);
  o["finished"] = instant_or_null(r.finished, offset);
  o["on_time"] = bool_or_null(r.on_time);
  o["on_time_766"] = bool_or_null(r.on_time_766);
  o["provisional"] = r.provisional;
  json::array flags;
  for (const auto f : r.flags) flags.emplace_back(to_string(f));
  o["flags"] = std::move(flags);
  json::array steps;
  for (const auto& s : r.steps) steps.emplace_back(step_to_json(s, offset));
  o["steps"] = std::move(steps);
  json::object parties;
  for (const auto& [party, used] : r.used_by_party) parties[party] = used / kSecondsPerMinute;
  o["used_minutes_by_party"] = std::move(parties);
  return o;
}

}  // namespace motcua::codec
