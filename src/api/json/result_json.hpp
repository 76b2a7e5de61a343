// The signed result file of a dossier as JSON (POST /api/v1/dossiers/{id}/result).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "store/result_repository.hpp"

namespace motcua::store {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ResultFileRecord& r);

}  // namespace motcua::store
