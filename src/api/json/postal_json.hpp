// JSON of the postal channel (app/postal): the choice an applicant or reception records, the
// dossier's postal view and the post's status callbacks.
#pragma once

#include <boost/json.hpp>

#include "app/common/app_error.hpp"
#include "app/postal/postal_callbacks.hpp"
#include "app/postal/postal_orders.hpp"

namespace motcua::app {
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PostalView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const PostalCallbackResult& r);
}  // namespace motcua::app

namespace motcua::api {

// {"pickup": bool, "delivery": bool, "receiver_name", "phone", "address", "cod_vnd"?: integer}
app::AppResult<app::PostalChoice> postal_choice_from_json(const boost::json::value& body);

// {"tracking_number", "event", "occurred_at"?, "note"?}
app::AppResult<app::PostalCallback> postal_callback_from_json(const boost::json::value& body);

}  // namespace motcua::api
