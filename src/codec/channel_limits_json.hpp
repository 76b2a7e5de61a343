// ChannelLimits and LocalTerms (codec/channel_limits.hpp) as the JSON objects they are stored and
// served as.
#pragma once

#include <boost/json/object.hpp>

#include "codec/channel_limits.hpp"

namespace motcua::codec {

boost::json::object channel_limits_json(const ChannelLimits& limits);
ChannelLimits channel_limits_of(const boost::json::object& limits);
// {agency_id, limits, rule, fees_note, receiving_address, note, version, updated_by, updated_at}:
// the same object in answers and in the audit log.
boost::json::object local_terms_json(const LocalTerms& terms);

}  // namespace motcua::codec
