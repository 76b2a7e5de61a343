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

#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>

#include "api/api_context.hpp"
#include "api/responses.hpp"
#include "http/negotiation.hpp"
#include "http/router.hpp"

namespace motcua::api {

// What a write job gives back: the refusal, or how to encode the answer's JSON body. The encoder
// runs after the commit on the io thread (with a reader connection when `reads`, to build a view
// that names people and places), or inside the job, with the writer's connection, when the answer
// must be stored with an Idempotency-Key in the same transaction.
struct Answer {
  std::function<std::string(store::SqlConnection* reader)> encode;  // reader: null unless `reads`
  bool reads = false;
  // The client's "Prefer: return=minimal" was honoured: the answer says so (Preference-Applied).
  bool minimal = false;
};
using WriteStep = tl::expected<Answer, app::AppError>;
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
        return Answer{[view = std::move(*result)](store::SqlConnection*) {
                        return boost::json::serialize(boost::json::value_from(view));
                      },
                      false};
      },
      success_status, std::move(respond));
}

// As above, for use cases whose answer is a view built from what they committed:
// `use_case(db)` returns an app::AppResult<Committed>, and `view(db, committed)` builds the view,
// after the commit on a reader connection (outside the write transaction). A request with
// "Prefer: return=minimal" (RFC 7240) gets `minimal(committed)` instead, encoded in the job from
// what was committed, and no view is built at all.
template <typename UseCase, typename View, typename Minimal>
void idempotent_write_viewed(ApiContext& ctx, const http::HttpRequest& request,
                             const app::Actor& actor, UseCase use_case, View view, Minimal minimal,
                             int success_status, http::Respond respond) {
  const bool wants_minimal = http::prefers_minimal_return(request.header("Prefer"));
  start_idempotent_write(
      ctx, request, actor.user_id,
      [use_case = std::move(use_case), view = std::move(view), minimal = std::move(minimal),
       wants_minimal](store::SqlConnection& db) mutable -> WriteStep {
        auto result = use_case(db);
        if (!result) return tl::unexpected(std::move(result.error()));
        if (wants_minimal) {
          return Answer{[body = boost::json::serialize(minimal(*result))](store::SqlConnection*) {
                          return body;
                        },
                        false, true};
        }
        return Answer{
            [view, committed = std::move(*result)](store::SqlConnection* reader) {
              return boost::json::serialize(boost::json::value_from(view(*reader, committed)));
            },
            true};
      },
      success_status, std::move(respond));
}

// For handlers that refuse before any write: answers `response` at once.
inline void answer_now(const http::Respond& respond, http::HttpResponse response) {
  respond([response = std::move(response)] { return response; });
}

template <typename T>
struct is_app_result : std::false_type {};
template <typename T>
struct is_app_result<app::AppResult<T>> : std::true_type {};

// The write handlers' one shape: parse the JSON body, decode it with `decode(body)` (an input, or
// an app::AppResult of one whose refusal is answered at once), then run `use_case(db, input)` as
// an idempotent write. Decoding happens here, on the io thread, never inside the transaction.
template <typename Decode, typename UseCase>
void decoded_write(ApiContext& ctx, const http::HttpRequest& request, const app::Actor& actor,
                   Decode decode, UseCase use_case, int success_status, http::Respond respond) {
  auto body = parse_body(request);
  if (!body) return answer_now(respond, body.error());
  auto decoded = decode(*body);
  auto run = [&](auto input) {
    idempotent_write(
        ctx, request, actor,
        [use_case = std::move(use_case), input = std::move(input)](store::SqlConnection& db) {
          return use_case(db, input);
        },
        success_status, std::move(respond));
  };
  if constexpr (is_app_result<decltype(decoded)>::value) {
    if (!decoded) return answer_now(respond, problem_of(decoded.error(), request));
    run(std::move(*decoded));
  } else {
    run(std::move(decoded));
  }
}

}  // namespace motcua::api
