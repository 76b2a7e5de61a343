// A calendar file (data/calendars/vn/<year>.json, and the yearly schedule an administrator
// submits): holidays, compensatory days and make-up Saturdays as the Prime Minister's notice
// sets them.
#include <cstddef>
#include <cstdint>

#include "codec/calendar_files.hpp"
#include "support/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)motcua::codec::parse_year_schedule(motcua::fuzz::as_text(data, size));
  return 0;
}
