// The post's messages (integrations/postal, api/postal_routes.cpp): the status callback the post
// sends (verified, then decoded), the answer to an order (its item code), and the order payload
// read back from the outbox.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/json/postal_json.hpp"
#include "codec/postal_order.hpp"
#include "integrations/postal/postal_adapter.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::as_text(data, size));
  (void)integrations::read_item_code(text);
  (void)codec::postal_order_from_text(text);
  boost::system::error_code ec;
  auto body = boost::json::parse(text, ec);
  if (!ec) (void)api::postal_callback_from_json(body);
  return 0;
}
