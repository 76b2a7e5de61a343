// Work that must not run on an io thread, answered from a pool: the render pool of the document
// routes (papers as PDF, signed results: CPU-bound) and any other pool of blocking calls (the
// identity provider's HTTP calls, api/oidc_routes.cpp).
#pragma once

#include <exception>
#include <memory>

#include "api/render_pool.hpp"
#include "api/responses.hpp"
#include "http/router.hpp"

namespace motcua::api {

// Two renderers: the server shares its cores with the database.
inline RenderPool& document_pool() {
  static RenderPool instance(2, 64);
  return instance;
}

// Runs `make` (a function of nothing answering an HttpResponse) on `pool` and answers with it.
// Any other exception is carried back and rethrown on the io thread, where the server turns it
// into a logged 500 as for every handler; it must not end the pool's thread. A full pool answers
// 503 at once.
template <typename Make>
void answer_from(RenderPool& pool, http::Respond respond, Make make) {
  auto shared = std::make_shared<http::Respond>(std::move(respond));
  const bool queued = pool.submit([shared, make = std::move(make)]() mutable {
    auto response = std::make_shared<http::HttpResponse>();
    std::exception_ptr failure;
    try {
      *response = make();
    } catch (const store::StoreUnavailable&) {
      *response = store_unavailable();
    } catch (...) {
      failure = std::current_exception();
    }
    (*shared)([response, failure]() -> http::HttpResponse {
      if (failure) std::rethrow_exception(failure);
      return std::move(*response);
    });
  });
  if (!queued) (*shared)([] { return renderer_busy(); });
}

// The document routes' pool.
template <typename Make>
void on_pool(http::Respond respond, Make make) {
  answer_from(document_pool(), std::move(respond), std::move(make));
}

}  // namespace motcua::api
