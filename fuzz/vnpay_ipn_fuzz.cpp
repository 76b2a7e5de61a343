// VNPAY's IPN (GET /api/v1/payments/vnpay/ipn?vnp_...): the query string the gateway, or anyone,
// sends. Read as the server reads a request-target, gathered into the parameters as
// api/payment_routes.cpp does, then the pure steps of app::payments::take_vnpay_ipn: the
// signature check and the amount.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/payments/vnpay_protocol.hpp"
#include "http/request_target.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto query = fuzz::as_text(data, size);
  auto target = http::parse_target("/api/v1/payments/vnpay/ipn?" + std::string(query));
  if (!target) return 0;
  app::payments::VnpParams params;
  for (const auto& [name, value] : target->query) params.emplace(name, value);
  (void)app::payments::vnpay_signature_valid(params, "fuzz-terminal-secret");
  (void)app::payments::vnpay_hash_data(params);
  if (const auto it = params.find("vnp_Amount"); it != params.end()) {
    (void)app::payments::vnd_of_vnpay_amount(it->second);
  }
  (void)app::payments::vnd_of_vnpay_amount(query);
  (void)app::payments::form_encode(query);
  return 0;
}
