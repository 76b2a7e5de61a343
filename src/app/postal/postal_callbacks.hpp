// The public postal service's status callbacks (POST /api/v1/postal/callbacks; docs/integrations.md
// "Postal channel"). The post signs each callback with the secret shared at set-up:
//   X-Post-Timestamp: unix seconds
//   X-Post-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>
// A callback whose signature is wrong, whose timestamp is more than five minutes away from now, or
// that was taken already (same signature: a replay inside the window) is refused as
// unauthenticated and changes nothing. A valid one goes into the dossier's history as a fact of
// the system actor; "delivered" of a delivery order returns the result (channel: post), which the
// portal sync reports as returned through the postal channel.
#pragma once

#include <cstdint>
#include <string>

#include "app/common/app_error.hpp"
#include "app/dossier/dossier_service.hpp"
#include "store/sql.hpp"

namespace motcua::app {

inline constexpr std::int64_t kPostalCallbackWindowSeconds = 300;

struct PostalCallback {
  std::string tracking_number;
  std::string event;  // picked_up | delivered | returned_to_sender
  std::string occurred_at;
  std::string note;  // e.g. who signed for the parcel
};

// The hex HMAC-SHA256 of `timestamp + "." + body` under `secret`.
std::string postal_signature(const std::string& secret, const std::string& timestamp,
                             const std::string& body);

// Checks the signature headers (no database): an unauthenticated error unless the secret is set,
// the timestamp is inside the window around `now_s` and the signature matches (compared in
// constant time).
AppResult<void> verify_postal_signature(const std::string& secret, const std::string& timestamp,
                                        const std::string& signature_header,
                                        const std::string& body, std::int64_t now_s);

struct PostalCallbackResult {
  std::string dossier_id;
  std::string kind;  // the order's kind
  std::string status;
  bool result_returned = false;  // this callback returned the dossier's result
};

// Takes a verified callback in one write job: refuses a replay (`signature` seen before), records
// the fact and, for the delivery of a result, returns it.
AppResult<PostalCallbackResult> take_postal_callback(store::SqlConnection& db,
                                                     DossierService& dossiers,
                                                     const PostalCallback& callback,
                                                     const std::string& signature);

}  // namespace motcua::app
