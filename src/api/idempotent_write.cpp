#include "api/idempotent_write.hpp"

#include <memory>

#include "api/responses.hpp"
#include "http/problem.hpp"
#include "store/hashing.hpp"
#include "store/idempotency_repository.hpp"

namespace motcua::api {

namespace {

// Thrown inside the write job to roll back its savepoint; carries the answer to send.
struct Refused {
  http::HttpResponse response;
};

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 200) return false;
  for (const char c : key) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

http::HttpResponse reused_key() {
  return http::problem(422, "idempotency_key_reused",
                       "Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.",
                       "This Idempotency-Key was already used for a different request.");
}

http::HttpResponse concurrent_change() {
  return http::problem(409, "concurrent_change",
                       "Dữ liệu vừa được người khác thay đổi; vui lòng tải lại và thử lại.",
                       "The data was changed by someone else; reload and try again.");
}

// What the job leaves for the answer, shared between the writer thread and the io thread (the
// store's completion happens-before the answer is built).
struct Outcome {
  std::optional<http::HttpResponse> ready;  // a replay
  std::optional<Answer> answer;             // else: the body, encoded after the commit
  std::string body;                         // or already encoded (stored with a key)
  bool minimal = false;                     // Answer::minimal
};

}  // namespace

void start_idempotent_write(ApiContext& ctx, const http::HttpRequest& request,
                            const std::string& actor_id, WriteJob job, int success_status,
                            http::Respond respond) {
  std::string key(request.header(kIdempotencyHeader));
  if (request.has_header(kIdempotencyHeader) && !valid_key(key)) {
    answer_now(
        respond,
        http::problem(400, "invalid_idempotency_key", "Khóa Idempotency-Key không hợp lệ.",
                      "The Idempotency-Key header is not valid (1-200 visible ASCII characters)."));
    return;
  }
  std::string request_hash = store::sha256_hex(std::string(http::to_string(request.method)) + " " +
                                               request.path + "\n" + request.body);
  auto outcome = std::make_shared<Outcome>();
  std::string now_iso = ctx.now_iso();
  // Only what the job needs is captured: the request itself is not touched on the writer thread.
  auto write = [outcome, job = std::move(job), key, request_hash = std::move(request_hash),
                actor_id, success_status, now_iso = std::move(now_iso),
                path = request.path](store::SqlConnection& db) {
    if (!key.empty()) {
      if (auto seen = store::find_stored_answer(db, actor_id, key)) {
        if (seen->request_hash != request_hash) throw Refused{reused_key()};
        auto replay =
            http::HttpResponse::text(seen->status, std::move(seen->body), "application/json");
        replay.set_header("Idempotent-Replayed", "true");
        outcome->ready = std::move(replay);
        return;
      }
    }
    auto step = job(db);
    if (!step) {
      http::HttpRequest where;
      where.path = path;
      throw Refused{problem_of(step.error(), where)};
    }
    outcome->minimal = step->minimal;
    if (key.empty()) {
      outcome->answer = std::move(*step);
      return;
    }
    outcome->body = step->encode(&db);
    store::store_answer(db, actor_id, key, {request_hash, success_status, outcome->body}, now_iso);
  };
  ctx.store.submit(std::move(write), [&ctx, outcome, respond = std::move(respond),
                                      success_status](std::exception_ptr error) {
    if (error) {
      try {
        std::rethrow_exception(error);
      } catch (const Refused& refused) {
        answer_now(respond, refused.response);
      } catch (const store::ConstraintError&) {
        answer_now(respond, concurrent_change());
      } catch (const store::StoreUnavailable&) {
        answer_now(respond, store_unavailable());
      } catch (...) {
        // A store failure: the pipeline turns the exception into a logged 500 problem.
        respond([error]() -> http::HttpResponse { std::rethrow_exception(error); });
      }
      return;
    }
    respond([&ctx, outcome, success_status] {
      if (outcome->ready) return *outcome->ready;
      if (outcome->answer && outcome->answer->reads) {
        ctx.store.read([&](store::SqlConnection& reader) {
          outcome->body = outcome->answer->encode(&reader);
        });
      } else if (outcome->answer) {
        outcome->body = outcome->answer->encode(nullptr);
      }
      auto response =
          http::HttpResponse::text(success_status, std::move(outcome->body), "application/json");
      if (outcome->minimal) response.set_header("Preference-Applied", "return=minimal");
      return response;
    });
  });
}

}  // namespace motcua::api
