// A write that needs no Idempotency-Key handling (login, logout, anonymous feedback, the
// statistics read model's refresh): hands `job` to the store without holding the io thread and,
// after the commit, answers what `answer()` builds on the connection's io thread. A failure of the
// job or of the commit becomes a logged 500 problem; a job that refuses should record its refusal
// for `answer` instead of throwing.
#pragma once

#include <exception>
#include <utility>

#include "api/api_context.hpp"
#include "api/responses.hpp"
#include "http/router.hpp"

namespace motcua::api {

template <typename Job, typename Answer>
void write_then(ApiContext& ctx, Job job, Answer answer, http::Respond respond) {
  ctx.store.submit(std::move(job), [answer = std::move(answer), respond = std::move(respond)](
                                       std::exception_ptr error) mutable {
    if (error) {
      respond([error]() -> http::HttpResponse {
        try {
          std::rethrow_exception(error);
        } catch (const store::StoreUnavailable&) {
          return store_unavailable();
        }
      });
      return;
    }
    respond(std::move(answer));
  });
}

}  // namespace motcua::api
