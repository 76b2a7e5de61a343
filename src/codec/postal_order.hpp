// The payload of a "postal.order" outbox row (docs/integrations.md "Postal channel"): what the
// postal adapter needs to place a pickup or delivery order with the public postal service, no
// more. Written by app/postal/postal_orders.cpp in the transaction of the dossier event, read by
// the adapter (integrations/postal) on a delivery worker.
#pragma once

#include <cstdint>
#include <string>

#include "tl/expected.hpp"

namespace motcua::codec {

struct PostalParty {
  std::string name;
  std::string phone;
  std::string address;
};

struct PostalOrderPayload {
  std::string kind;  // "pickup": papers from the applicant to the agency; "delivery": the result
  std::string dossier_id;
  std::string dossier_code;
  PostalParty sender;
  PostalParty receiver;
  std::int64_t cod_vnd = 0;   // collected from the receiver, whole VND
  std::int64_t weight_g = 0;  // declared weight in grams
  std::string content;        // what the parcel holds, printed on the waybill
};

std::string postal_order_to_text(const PostalOrderPayload& order);
tl::expected<PostalOrderPayload, std::string> postal_order_from_text(const std::string& text);

}  // namespace motcua::codec

namespace motcua::codec {

// The payload of the postal events in a dossier's history ({"kind", "tracking_number", "note"}).
std::string postal_event_to_text(const std::string& kind, const std::string& tracking_number,
                                 const std::string& note);

}  // namespace motcua::codec
