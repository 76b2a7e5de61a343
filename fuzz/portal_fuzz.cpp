// The National Public Service Portal's answers MotCua reads (integrations/national_portal): the
// dossiers to pull (GET /inbound) and the records it holds (GET /dossiers), and the sync record
// kept in the outbox.
#include <cstddef>
#include <cstdint>
#include <string>

#include "integrations/national_portal/portal_client.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(fuzz::as_text(data, size));
  (void)integrations::parse_portal_inbound(body);
  (void)integrations::parse_portal_records(body);
  return 0;
}
