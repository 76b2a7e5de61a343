// Runs a state-changing use case in one store write job without holding an io thread: the job is
// handed to the store, and the answer is built after the commit on the connection's io thread.
// Concurrent requests thus share one transaction and one fsync (group commit).
//
// With an Idempotency-Key header the first answer is stored under (actor, key) in the same
// transaction as the change (so it is encoded inside the job); a retry with the same key and the
// same request gets that answer again without acting twice, and the same key with a different
// request is refused (422 idempotency_key_reused). A use case that refuses rolls back everything
// it wrote, so a refusal never leaves traces (a consumed dossier number, say).
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <functional>
#include <string>
#include <utility>

#include "api/api_context.hpp"
#include "http/router.hpp"

namespace motcua::api {

// What a write job gives back: the refusal, or a function that encodes the answer's JSON body
// (called after the commit, or inside the job when the answer must be stored with a key).
using EncodeBody = std::function<std::string()>;
using WriteStep = tl::expected<EncodeBody, app::AppError>;
using WriteJob = std::function<WriteStep(store::SqlConnection&)>;

// The untyped core: starts `job` in the store; `respond` gets the answer after the commit.
void start_idempotent_write(ApiContext& ctx, const http::HttpRequest& request,
                            const std::string& actor_id, WriteJob job, int success_status,
                            http::Respond respond);

// `use_case(db)` returns an app::AppResult<View>; the view is encoded by its value_from overload
// after the commit. `use_case` must own what it uses: it runs after the handler has returned.
template <typename UseCase>
void idempotent_write(ApiContext& ctx, const http::HttpRequest& request, const app::Actor& actor,
                      UseCase use_case, int success_status, http::Respond respond) {
  start_idempotent_write(
      ctx, request, actor.user_id,
      [use_case = std::move(use_case)](store::SqlConnection& db) mutable -> WriteStep {
        auto result = use_case(db);
        if (!result) return tl::unexpected(std::move(result.error()));
        return EncodeBody([view = std::move(*result)] {
          return boost::json::serialize(boost::json::value_from(view));
        });
      },
      success_status, std::move(respond));
}

// TRANSITIONAL (removed once every write route answers later): the blocking form.
using WriteUseCase = std::function<app::AppResult<boost::json::object>(store::SqlConnection&)>;
http::HttpResponse idempotent_write(ApiContext& ctx, const http::HttpRequest& request,
                                    const app::Actor& actor, const WriteUseCase& use_case,
                                    int success_status = 200);

// For handlers that refuse before any write: answers `response` at once.
inline void answer_now(const http::Respond& respond, http::HttpResponse response) {
  respond([response = std::move(response)] { return response; });
}

}  // namespace motcua::api
