// GET /api/v1/openapi.json: the hand-written OpenAPI 3.1 document (docs/api/openapi.json, embedded
// by the build). A test checks that it lists exactly the routes the server registers.
#include "api/routes.hpp"

namespace motcua {
std::string_view openapi_document();
}

namespace motcua::api {

void add_openapi_route(http::Router& router) {
  router.add(http::Method::get, "/api/v1/openapi.json", [](http::HttpRequest&) {
    return http::HttpResponse::text(200, std::string(openapi_document()), "application/json");
  });
}

}  // namespace motcua::api
