// Routes every deployment has: liveness for load balancers and the metrics page for Prometheus.
//
//   GET /healthz  200 {"status":"ok"}; with checks: {"status":"ok","checks":{"database":"ok"}},
//                 or 503 with "fail" for the status and for each failed check
//   GET /metrics  the registry in the Prometheus text format 0.0.4
//
// /metrics reveals traffic figures: in production expose it only to the monitoring network (the
// reverse proxy's job).
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <string>
#include <vector>

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
};

// `metrics` must outlive the router.
void add_builtin_routes(Router& router, Metrics& metrics, BuiltinRoutesOptions options = {});

}  // namespace motcua::http
