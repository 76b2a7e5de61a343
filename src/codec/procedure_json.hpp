// A catalog procedure as the JSON document stored with each version (procedures.document) and
// served by GET /api/v1/procedures/{code}. Besides the full content it carries a summary the
// one-stop system acts on: "limits" (the parsed time limit per channel: counter, online, post) and
// "rule" (the deadline rule; "standard" unless a local setting says otherwise).
#pragma once

#include <boost/json/object.hpp>

#include "domain/catalog/procedure.hpp"

namespace motcua::codec {

boost::json::object procedure_to_json(const catalog::Procedure& p);

}  // namespace motcua::codec
