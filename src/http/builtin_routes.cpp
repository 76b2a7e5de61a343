#include "http/builtin_routes.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <exception>

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

  router.add(Method::get, "/metrics", [&metrics](HttpRequest&) {
    return HttpResponse::text(200, metrics.render(), Metrics::kContentType);
  });
}

}  // namespace motcua::http
