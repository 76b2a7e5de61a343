#include "webhook_decoders.hpp"

#include "api/json/webhook_json.hpp"

namespace motcua::fuzz {

void decode_webhook_bodies(const boost::json::value& body) {
  (void)api::webhook_input_from_json(body);
  (void)api::reason_from_json(body);
}

}  // namespace motcua::fuzz
