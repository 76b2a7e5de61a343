// The OpenAPI document served at /api/v1/openapi.json must list exactly the routes the server
// registers (method and path), so the document cannot drift from the code; and it must be
// complete enough for clients and for the contract check (contract_check_test.cpp), which
// validates every answer the integration tests receive against it.
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

boost::json::object document() { return boost::json::parse(openapi_document()).as_object(); }

TEST(OpenApi, EveryOperationHasAUniqueOperationId) {
  std::set<std::string> ids;
  const auto doc = document();
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      const auto* id = operation.as_object().if_contains("operationId");
      ASSERT_TRUE(id && id->is_string() && !id->as_string().empty()) << method << ' ' << path;
      EXPECT_TRUE(ids.insert(std::string(id->as_string())).second)
          << "operationId used twice: " << id->as_string();
    }
  }
}

TEST(OpenApi, EveryJsonSuccessHasASchema) {
  const auto doc = document();
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      for (const auto& [status, response] : operation.at("responses").as_object()) {
        if (status.empty() || status.front() != '2') continue;
        const auto* content = response.as_object().if_contains("content");
        const auto* json = content ? content->as_object().if_contains("application/json") : nullptr;
        if (!json) continue;
        const auto* schema = json->as_object().if_contains("schema");
        EXPECT_TRUE(schema && schema->is_object() && !schema->as_object().empty())
            << method << ' ' << path << ' ' << status << " has no schema";
      }
    }
  }
}

// Public operations say so with `security: []`; the rest need the session and document 401.
TEST(OpenApi, EveryOperationStatesItsSecurityAndSecuredOnesList401) {
  const auto doc = document();
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      const auto& op = operation.as_object();
      const auto* security = op.if_contains("security");
      ASSERT_TRUE(security && security->is_array()) << method << ' ' << path;
      if (security->as_array().empty()) continue;
      EXPECT_TRUE(op.at("responses").as_object().contains("401")) << method << ' ' << path;
    }
  }
}

// The header is checked as src/api/idempotent_write.cpp does: 1-200 visible ASCII characters.
TEST(OpenApi, IdempotencyKeyIsDocumentedAsStrictlyAsItIsChecked) {
  int seen = 0;
  const auto doc = document();
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      const auto* params = operation.as_object().if_contains("parameters");
      if (!params) continue;
      for (const auto& p : params->as_array()) {
        if (p.at("name") != "Idempotency-Key") continue;
        ++seen;
        const auto& schema = p.at("schema").as_object();
        EXPECT_EQ(schema.at("minLength"), 1) << path;
        EXPECT_EQ(schema.at("maxLength"), 200) << path;
        EXPECT_EQ(schema.at("pattern"), "^[\\x21-\\x7E]{1,200}$") << path;
      }
    }
  }
  EXPECT_GT(seen, 0);
}

}  // namespace
}  // namespace motcua::testing
