// JSON of the exchange between MotCua instances (app/exchange): partner administration, this
// instance's identity, and the signed receipt answering a partner's message.
#pragma once

#include <boost/json.hpp>

#include "app/common/app_error.hpp"
#include "app/exchange/exchange_inbox.hpp"
#include "app/exchange/exchange_views.hpp"
#include "app/exchange/partners.hpp"

namespace motcua::app::exchange {
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PartnerView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const IdentityView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ReceivedMessage& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ExchangeLinkView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const PartnerQuestionView& v);
}  // namespace motcua::app::exchange

namespace motcua::api {

// {"id", "name", "base_url", "agency_codes": [..], "keys": [{"public_key", "valid_from",
// "valid_to"?}], "reason"?}
app::AppResult<app::exchange::PartnerInput> partner_input_from_json(const boost::json::value& body);
// {"public_key", "valid_from", "valid_to"?, "reason"?}
app::AppResult<app::exchange::PartnerKeyInput> partner_key_input_from_json(
    const boost::json::value& body);

}  // namespace motcua::api
