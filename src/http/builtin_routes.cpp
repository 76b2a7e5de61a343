#include "http/builtin_routes.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <exception>

#include "http/http_errors.hpp"
#include "http/metrics.hpp"

namespace motcua::http {
namespace {

bool passes(const HealthCheck& check) {
  try {
    return check.check && check.check();
  } catch (...) {
    return false;  // a check that throws is a failing check; the details belong in its own log
  }
}

// The token is compared in time independent of where it first differs.
bool same_secret(std::string_view given, std::string_view expected) {
  if (given.size() != expected.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < given.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
  }
  return diff == 0;
}

bool may_read_metrics(const HttpRequest& request, const std::vector<AddressRange>& clients,
                      const std::string& token) {
  constexpr std::string_view kBearer = "Bearer ";
  const std::string_view auth = request.header("Authorization");
  if (!token.empty() && auth.substr(0, kBearer.size()) == kBearer &&
      same_secret(auth.substr(kBearer.size()), token)) {
    return true;
  }
  const std::string& client = request.client();
  if (clients.empty()) return is_loopback(client);
  return std::any_of(clients.begin(), clients.end(),
                     [&](const AddressRange& r) { return r.contains(client); });
}

}  // namespace

void add_builtin_routes(Router& router, Metrics& metrics, BuiltinRoutesOptions options) {
  router.add(Method::get, "/healthz",
             [checks = std::move(options.health_checks),
              details = std::move(options.details)](HttpRequest&) {
               boost::json::object body;
               bool healthy = true;
               if (!checks.empty()) {
                 boost::json::object results;
                 for (const auto& check : checks) {
                   const bool ok = passes(check);
                   healthy = healthy && ok;
                   results[check.name] = ok ? "ok" : "fail";
                 }
                 body["status"] = healthy ? "ok" : "fail";
                 body["checks"] = std::move(results);
               } else {
                 body["status"] = "ok";
               }
               for (const auto& detail : details) {
                 try {
                   body[detail.name] = detail.read();
                 } catch (...) {
                   body[detail.name] = nullptr;  // unreadable now (the database check says why)
                 }
               }
               return HttpResponse::json(healthy ? 200 : 503, body);
             });

  router.add(Method::get, "/metrics",
             [&metrics, clients = std::move(options.metrics_clients),
              token = std::move(options.metrics_token)](HttpRequest& request) {
               if (!may_read_metrics(request, clients, token)) {
                 return errors::not_found(request.path);
               }
               return HttpResponse::text(200, metrics.render(), Metrics::kContentType);
             });
}

}  // namespace motcua::http
