// Citizens' own accounts (app/accounts/one_time_codes.hpp), all without a session:
//   POST /api/v1/accounts                         sign up; a code goes to the address (202)
//   POST /api/v1/accounts/verification           the code back: the account is created (204)
//   POST /api/v1/password-reset                  a reset code to the address, if it has an account;
//                                                the same 202 either way
//   POST /api/v1/password-reset/confirmation     the code and the new password (204)
// Passwords are checked and hashed before the write (Argon2id is slow on purpose); the code, its
// rate counts and the audit row are written in one job, and the answer goes out after its commit,
// so the code is in the outbox before the client hears that it was sent.
#include <memory>

#include "api/idempotent_write.hpp"
#include "api/json/signup_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/write_then.hpp"
#include "app/identity/oidc_login.hpp"
#include "http/problem.hpp"

namespace motcua::api {

namespace {

http::HttpResponse too_many_codes(const app::CodeRequestOutcome& o) {
  auto r =
      o.limited_by == "address"
          ? http::problem(429, "too_many_codes",
                          "Đã gửi quá nhiều mã tới địa chỉ này (address); vui lòng thử lại sau.",
                          "Too many codes were sent to this address; try again later.")
          : http::problem(429, "too_many_codes",
                          "Máy của Ông/Bà đã yêu cầu quá nhiều mã; vui lòng thử lại sau.",
                          "Too many codes were asked for from this client; try again later.");
  r.set_header("Retry-After", std::to_string(o.retry_after_s));
  return r;
}

http::HttpResponse code_sent(const app::CodeRequestOutcome& o) {
  if (o.retry_after_s > 0) return too_many_codes(o);
  auto r = http::HttpResponse::json(202, code_sent_json(o));
  r.set_header("Cache-Control", "no-store");
  return r;
}

void sign_up(ApiContext& ctx, http::HttpRequest& request, http::Respond respond) {
  auto body = parse_body(request);
  if (!body) return answer_now(respond, body.error());
  auto prepared = sign_up_from_json(*body);
  if (!prepared) return answer_now(respond, problem_of(prepared.error(), request));
  auto outcome = std::make_shared<app::CodeRequestOutcome>();
  write_then(
      ctx,
      [outcome, signup = std::move(*prepared), client = request.client(), now_s = ctx.now().seconds,
       now_iso = ctx.now_iso()](store::SqlConnection& db) {
        *outcome = app::request_sign_up(db, signup, client, now_s, now_iso);
      },
      [outcome] { return code_sent(*outcome); }, std::move(respond));
}

// A wrong code is counted in the write, so the refusal too is answered after the commit.
template <typename Job>
void answer_204_after(ApiContext& ctx, const http::HttpRequest& request, Job job,
                      http::Respond respond) {
  auto outcome = std::make_shared<app::AppResult<void>>();
  write_then(
      ctx,
      [outcome, job = std::move(job), now_s = ctx.now().seconds,
       now_iso = ctx.now_iso()](store::SqlConnection& db) { *outcome = job(db, now_s, now_iso); },
      [outcome, path = request.path] {
        if (!*outcome) {
          const auto& e = outcome->error();
          return http::to_response(http::Problem{http_status(e.kind), e.code, e.message_vi,
                                                 e.message_en, e.detail, path});
        }
        return http::HttpResponse::empty(204);
      },
      std::move(respond));
}

void verify(ApiContext& ctx, http::HttpRequest& request, http::Respond respond) {
  auto body = parse_body(request);
  if (!body) return answer_now(respond, body.error());
  auto given = address_code_from_json(*body);
  if (!given) return answer_now(respond, problem_of(given.error(), request));
  answer_204_after(
      ctx, request,
      [given = std::move(*given)](store::SqlConnection& db, std::int64_t now_s,
                                  const std::string& now_iso) {
        return app::verify_sign_up(db, given.address, given.code, now_s, now_iso);
      },
      std::move(respond));
}

void request_reset(ApiContext& ctx, http::HttpRequest& request, http::Respond respond) {
  auto body = parse_body(request);
  if (!body) return answer_now(respond, body.error());
  auto given = reset_request_from_json(*body);
  if (!given) return answer_now(respond, problem_of(given.error(), request));
  auto outcome = std::make_shared<app::AppResult<app::CodeRequestOutcome>>();
  write_then(
      ctx,
      [outcome, given = std::move(*given), client = request.client(), now_s = ctx.now().seconds,
       now_iso = ctx.now_iso()](store::SqlConnection& db) {
        *outcome =
            app::request_password_reset(db, given.address, given.language, client, now_s, now_iso);
      },
      [outcome, path = request.path] {
        if (!*outcome) {
          const auto& e = outcome->error();
          return http::to_response(http::Problem{http_status(e.kind), e.code, e.message_vi,
                                                 e.message_en, e.detail, path});
        }
        return code_sent(**outcome);
      },
      std::move(respond));
}

void confirm_reset(ApiContext& ctx, http::HttpRequest& request, http::Respond respond) {
  auto body = parse_body(request);
  if (!body) return answer_now(respond, body.error());
  auto prepared = code_reset_from_json(*body);
  if (!prepared) return answer_now(respond, problem_of(prepared.error(), request));
  answer_204_after(
      ctx, request,
      [reset = std::move(*prepared)](store::SqlConnection& db, std::int64_t now_s,
                                     const std::string& now_iso) {
        return app::confirm_password_reset(db, reset, now_s, now_iso);
      },
      std::move(respond));
}

}  // namespace

void add_account_routes(http::Router& router, ApiContext& ctx) {
  const http::RouteOptions small{.max_body_bytes = 4096};
  // With --citizen-login oidc-only citizens have no local password (app/identity): sign-up and
  // reset by code, which exist only for citizens, are closed with the same answer as their login.
  const auto for_local_citizens = [&ctx](auto handler) {
    return [&ctx, handler](http::HttpRequest& r, http::Respond respond) {
      if (ctx.settings.oidc.citizen_login == app::identity::CitizenLogin::oidc_only)
        return answer_now(respond, problem_of(app::identity::password_login_disabled(), r));
      handler(ctx, r, std::move(respond));
    };
  };
  router.add_async(http::Method::post, "/api/v1/accounts", for_local_citizens(sign_up), small);
  router.add_async(http::Method::post, "/api/v1/accounts/verification", for_local_citizens(verify),
                   small);
  router.add_async(http::Method::post, "/api/v1/password-reset", for_local_citizens(request_reset),
                   small);
  router.add_async(http::Method::post, "/api/v1/password-reset/confirmation",
                   for_local_citizens(confirm_reset), small);
}

}  // namespace motcua::api
