// The webhook administration's decoders, in a file of their own: webhook_json.hpp and
// second_factor_json.hpp both declare api::reason_from_json (different answers, same argument), so
// one translation unit cannot include both.
#pragma once

#include <boost/json/fwd.hpp>

namespace motcua::fuzz {

void decode_webhook_bodies(const boost::json::value& body);

}  // namespace motcua::fuzz
