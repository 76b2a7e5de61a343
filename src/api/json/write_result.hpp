// idempotent_write stores and answers a JSON object; use cases answer typed views. This adapts
// one to the other with the view's value_from encoder.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

#include "app/common/app_error.hpp"

namespace motcua::api {

template <typename View>
app::AppResult<boost::json::object> as_json_object(app::AppResult<View> result) {
  if (!result) return tl::unexpected(std::move(result.error()));
  return std::move(boost::json::value_from(*result).as_object());
}

}  // namespace motcua::api
