// A process definition (quy trình nội bộ) as JSON, as an administrator uploads it: parsed,
// validated, and written back; what was read must read again the same way.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "codec/process_json.hpp"
#include "domain/process/validation.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto process = codec::parse_process(fuzz::as_text(data, size));
  if (!process) return 0;
  (void)process::validate(*process);
  const auto text = codec::serialize_process(*process);
  auto again = codec::parse_process(text);
  if (!again || codec::serialize_process(*again) != text) {
    std::fprintf(stderr, "process JSON does not survive its own round trip: %s\n", text.c_str());
    std::abort();
  }
  return 0;
}
