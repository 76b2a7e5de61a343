// The OpenAPI document served at /api/v1/openapi.json must list exactly the routes the server
// registers (method and path), so the document cannot drift from the code.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "api/routes.hpp"
#include "http/builtin_routes.hpp"
#include "http/metrics.hpp"

namespace motcua {
std::string_view openapi_document();
}

namespace motcua::testing {
namespace {

std::string lower(std::string_view method) {
  std::string out(method);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out == "delete" ? "delete" : out;
}

TEST(OpenApi, DocumentListsExactlyTheRegisteredRoutes) {
  auto store = store::open_sqlite_store(":memory:", 1);
  const auto cal = *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
  api::ApiContext ctx(*store, cal, [] { return Instant{}; });
  http::Metrics metrics;
  http::Router router;
  http::add_builtin_routes(router, metrics);
  api::add_api_routes(router, ctx);

  const auto doc = boost::json::parse(openapi_document()).as_object();
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      documented.insert(lower(method) + " " + std::string(path));
      EXPECT_TRUE(operation.as_object().contains("responses")) << path;
    }
  }
  std::set<std::string> registered;
  for (const auto& route : router.routes()) {
    registered.insert(lower(http::to_string(route.method)) + " " + route.pattern);
  }
  for (const auto& r : registered) EXPECT_TRUE(documented.count(r)) << "not documented: " << r;
  for (const auto& d : documented)
    EXPECT_TRUE(registered.count(d)) << "documented but not served: " << d;
  EXPECT_GE(registered.size(), 30u);
}

}  // namespace
}  // namespace motcua::testing
