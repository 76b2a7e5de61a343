// One JSON POST to a partner, classified the way the delivery engine needs it. Every adapter that
// speaks JSON over HTTP (portal, post, SMS gateway, Zalo, webhooks, other MotCua instances) sends
// through this, so "what counts as delivered" is decided in one place:
// - no answer (refused, reset, timeout, TLS) or 408/425/429/5xx: retry later;
// - another 4xx: dead (the partner refused this message; sending it again will not help);
// - 2xx whose body is not the JSON the adapter expects: retry (the partner's state is unknown;
//   the idempotency key makes the repeat safe);
// - 2xx with a reference the adapter can read: delivered with that reference.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/delivery/delivery_port.hpp"
#include "integrations/http/http_client.hpp"

namespace motcua::integrations {

// Reads the partner's reference from a 2xx body; nullopt when the body is not what the partner's
// protocol answers (garbage).
using ReferenceReader = std::function<std::optional<std::string>(const std::string& body)>;

// The reference is the answer's "id" (a string or number); any JSON object without one counts as
// taken with an empty reference.
std::optional<std::string> read_id_field(const std::string& body);

struct JsonPost {
  std::string url;
  std::string body;
  std::string idempotency_key;                               // sent as "Idempotency-Key"
  std::vector<std::pair<std::string, std::string>> headers;  // extra (signatures, tokens)
  std::chrono::milliseconds total_timeout{10000};
};

app::delivery::DeliveryResult post_json(const JsonPost& post,
                                        const ReferenceReader& read_reference = read_id_field);

// The classification alone, for adapters with their own transport (SMTP) or tests.
app::delivery::DeliveryResult classify_answer(const HttpResponse& answer,
                                              const ReferenceReader& read_reference);

}  // namespace motcua::integrations
