// The administrative units' CSV files (data/units/vn-provinces-*.csv and vn-wards-*.csv): one
// input holds both, provinces before a form feed and wards after it, read as an edition and then
// imported into an agency tree as motcua import-units does.
#include <cstddef>
#include <cstdint>
#include <span>

#include "codec/units_csv.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::as_text(data, size);
  (void)codec::parse_csv(text);
  const auto [provinces, wards] = fuzz::split_once(text, "\f");
  auto edition = codec::parse_units_edition(provinces, wards, date_from_ymd(2025, 7, 1));
  if (edition) (void)codec::import_units(std::span(&*edition, 1));
  return 0;
}
