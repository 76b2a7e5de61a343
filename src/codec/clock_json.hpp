// The legal clock's JSON: a dossier timeline in, its clock report out (the `motcua clock` format,
// documented in docs/rules.md).
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "domain/clock/legal_clock.hpp"

namespace motcua::codec {

tl::expected<clock::ClockInput, std::string> parse_clock_input(std::string_view json_text,
                                                               int utc_offset_minutes);

boost::json::object clock_report_to_json(const clock::ClockReport& report, int utc_offset_minutes);

}  // namespace motcua::codec
