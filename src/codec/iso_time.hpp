// Parsing of ISO 8601 dates and times as people type them. A time without an offset is local
// office time (+07:00 unless the calendar says otherwise).
#pragma once

#include <string>
#include <string_view>

#include "domain/calendar/date.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

// "2026-03-12"
tl::expected<Date, std::string> parse_iso_date(std::string_view text);

// "2026-03-12T09:00", "2026-03-12T09:00:30", "2026-03-12 09:00", with an optional "Z" or "+07:00".
tl::expected<Instant, std::string> parse_iso_instant(std::string_view text,
                                                     int default_offset_minutes);

}  // namespace motcua::codec
