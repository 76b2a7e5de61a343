// ChannelLimits (codec/channel_limits.hpp) as the JSON object it is stored and served as.
#pragma once

#include <boost/json/object.hpp>

#include "codec/channel_limits.hpp"

namespace motcua::codec {

boost::json::object channel_limits_json(const ChannelLimits& limits);
ChannelLimits channel_limits_of(const boost::json::object& limits);

}  // namespace motcua::codec
