// A dossier's timeline for the legal clock (motcua clock FILE, tests/cases/clock): read, then
// replayed over the real Vietnamese calendar and reported as JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "codec/calendar_files.hpp"
#include "codec/clock_json.hpp"
#include "domain/clock/legal_clock.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

namespace {

const calendar::WorkingCalendar& vietnam() {
  static const auto cal = [] {
    auto loaded = codec::load_calendar(MOTCUA_SOURCE_DIR "/data/calendars/vn");
    if (!loaded) std::abort();  // the fuzz tree runs from a checkout: data/ is there
    return *loaded;
  }();
  return cal;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& cal = vietnam();
  auto input = codec::parse_clock_input(fuzz::as_text(data, size), cal.utc_offset_minutes());
  if (!input) return 0;
  auto report = clock::replay(cal, *input);
  if (report) (void)codec::clock_report_to_json(*report, cal.utc_offset_minutes());
  return 0;
}
