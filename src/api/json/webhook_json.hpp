// JSON of the webhook administration (app/webhooks/webhooks.hpp).
#pragma once

#include <boost/json.hpp>

#include "app/common/app_error.hpp"
#include "app/webhooks/webhooks.hpp"

namespace motcua::app {
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const WebhookView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const WebhookDeliveryView& v);
}  // namespace motcua::app

namespace motcua::api {

// {"url", "event_types": [..], "description"?, "reason"?}
app::AppResult<app::WebhookInput> webhook_input_from_json(const boost::json::value& body);

struct ReasonInput {
  std::string reason;
};
// {"reason": "..."} (required: why the subscription is disabled)
app::AppResult<ReasonInput> reason_from_json(const boost::json::value& body);

}  // namespace motcua::api
