// JSON of the administrators' outbox view (GET /api/v1/admin/outbox, .../messages) and of the
// body of retry and cancel ({"reason": "..."}).
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <string>

#include "app/common/app_error.hpp"
#include "app/delivery/outbox_admin.hpp"

namespace motcua::app::delivery {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const OutboxTopicView& t);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const OutboxOverview& o);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const OutboxMessageView& m);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const OutboxMessageList& l);

}  // namespace motcua::app::delivery

namespace motcua::api {

// The optional (retry) or required (cancel: checked by the use case) reason.
app::AppResult<std::string> outbox_reason_from_json(const boost::json::value& body);

}  // namespace motcua::api
