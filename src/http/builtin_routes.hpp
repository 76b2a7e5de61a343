// Routes every deployment has: liveness for load balancers and the metrics page for Prometheus.
//
//   GET /healthz  200 {"status":"ok"}; with checks: {"status":"ok","checks":{"database":"ok"}},
//                 or 503 with "fail" for the status and for each failed check
//   GET /metrics  the registry in the Prometheus text format 0.0.4
//
// /metrics reveals traffic figures, so it answers only the monitoring side (issue 18 point 5):
// a client in `metrics_clients` (loopback by default; behind a trusted proxy the real client,
// http/client_address.hpp, so nginx on the same host does not open it to the world) or a request
// with `Authorization: Bearer <metrics_token>` when a token is configured. Others get a 404, as
// for a page that does not exist.
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <string>
#include <vector>

#include "http/client_address.hpp"
#include "http/router.hpp"

namespace motcua::http {

class Metrics;

struct HealthCheck {
  std::string name{};             // "database"
  std::function<bool()> check{};  // true when healthy; an exception counts as unhealthy
};

// Facts /healthz shows under their name without judging health (the outbox's connections and
// queues: an unconfigured partner is not a sick server, but the operator must see it).
struct HealthDetail {
  std::string name{};
  std::function<boost::json::value()> read{};
};

struct BuiltinRoutesOptions {
  std::vector<HealthCheck> health_checks{};
  std::vector<HealthDetail> details{};
  // Who may read /metrics without a token; empty: loopback only.
  std::vector<AddressRange> metrics_clients{};
  std::string metrics_token{};  // empty: no token opens it
};

// `metrics` must outlive the router.
void add_builtin_routes(Router& router, Metrics& metrics, BuiltinRoutesOptions options = {});

}  // namespace motcua::http
