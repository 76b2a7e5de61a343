#include "api/idempotent_write.hpp"

#include <boost/json.hpp>

#include "api/responses.hpp"
#include "http/problem.hpp"
#include "store/hashing.hpp"

namespace motcua::api {

namespace {

constexpr const char* kFindKey =
    "SELECT request_hash, status, response FROM idempotency_keys WHERE actor_id = ? AND key = ?";
constexpr const char* kSaveKey =
    "INSERT INTO idempotency_keys(actor_id, key, request_hash, status, response, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?)";

// Thrown inside the write job to roll back its savepoint; carries the response to send.
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

}  // namespace

http::HttpResponse idempotent_write(ApiContext& ctx, const http::HttpRequest& request,
                                    const app::Actor& actor, const WriteUseCase& use_case,
                                    int success_status) {
  const std::string key(request.header(kIdempotencyHeader));
  if (request.has_header(kIdempotencyHeader) && !valid_key(key)) {
    return http::problem(
        400, "invalid_idempotency_key", "Khóa Idempotency-Key không hợp lệ.",
        "The Idempotency-Key header is not valid (1-200 visible ASCII characters).");
  }
  const std::string request_hash = store::sha256_hex(std::string(http::to_string(request.method)) +
                                                     " " + request.path + "\n" + request.body);
  http::HttpResponse response;
  try {
    ctx.store.write([&](store::SqlConnection& db) {
      if (!key.empty()) {
        if (const auto seen = db.query_one(kFindKey, {actor.user_id, key})) {
          if (seen->text(0) != request_hash) throw Refused{reused_key()};
          response = http::HttpResponse::text(static_cast<int>(seen->integer(1)), seen->text(2),
                                              "application/json");
          response.set_header("Idempotent-Replayed", "true");
          return;
        }
      }
      auto result = use_case(db);
      if (!result) throw Refused{problem_of(result.error(), request)};
      response = http::HttpResponse::json(success_status, *result);
      if (!key.empty()) {
        db.execute(kSaveKey, {actor.user_id, key, request_hash, std::int64_t{success_status},
                              response.body, ctx.now_iso()});
      }
    });
  } catch (const Refused& refused) {
    return refused.response;
  } catch (const store::ConstraintError&) {
    return http::problem(409, "concurrent_change",
                         "Dữ liệu vừa được người khác thay đổi; vui lòng tải lại và thử lại.",
                         "The data was changed by someone else; reload and try again.");
  }
  return response;
}

}  // namespace motcua::api
