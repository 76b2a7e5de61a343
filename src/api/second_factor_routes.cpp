// Officials' second factor (app/accounts/second_factor.hpp):
//   GET  /api/v1/me/second-factor                     enrolled? required? recovery codes left
//   POST /api/v1/me/second-factor                     start enrolment: the secret, otpauth:// URI
//                                                     and QR code, shown this once (201)
//   POST /api/v1/me/second-factor/confirmation        the first code: recovery codes, shown once
//   GET  /api/v1/admin/second-factor-roles            the roles that require one
//   PUT  /api/v1/admin/second-factor-roles/{role}     require it of a role or not (audited)
//   POST /api/v1/admin/users/{id}/second-factor/reset remove an official's factor (audited)
// The login itself takes the code in POST /api/v1/session ("code").
#include <memory>

#include "api/admin_write.hpp"
#include "api/idempotent_write.hpp"
#include "api/json/second_factor_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"
#include "http/problem.hpp"
#include "qr/qr_svg.hpp"

namespace motcua::api {

namespace {

http::HttpResponse refusal(const app::AppError& e, const std::string& path) {
  return http::to_response(
      http::Problem{http_status(e.kind), e.code, e.message_vi, e.message_en, e.detail, path});
}

void begin_enrolment(ApiContext& ctx, http::HttpRequest& request, const app::Actor& actor,
                     http::Respond respond) {
  auto outcome = std::make_shared<app::AppResult<app::TotpEnrolment>>();
  write_then(
      ctx,
      [&ctx, outcome, actor, now_iso = ctx.now_iso()](store::SqlConnection& db) {
        *outcome = app::begin_totp_enrolment(db, actor, ctx.settings.second_factor_key, now_iso);
      },
      [outcome, path = request.path] {
        if (!*outcome) return refusal(outcome->error(), path);
        const auto& e = **outcome;
        auto r = http::HttpResponse::json(
            201, enrolment_json(e, qr::svg_of(e.otpauth_uri, "otpauth").value_or("")));
        r.set_header("Cache-Control", "no-store");
        return r;
      },
      std::move(respond));
}

void confirm_enrolment(ApiContext& ctx, http::HttpRequest& request, const app::Actor& actor,
                       http::Respond respond) {
  auto body = parse_body(request);
  if (!body) return answer_now(respond, body.error());
  auto code = second_factor_code_from_json(*body);
  if (!code) return answer_now(respond, problem_of(code.error(), request));
  auto outcome = std::make_shared<app::AppResult<std::vector<std::string>>>();
  write_then(
      ctx,
      [&ctx, outcome, actor, code = std::move(*code), now_s = ctx.now().seconds,
       now_iso = ctx.now_iso()](store::SqlConnection& db) {
        *outcome = app::confirm_totp_enrolment(db, actor, ctx.settings.second_factor_key, code,
                                               now_s, now_iso);
      },
      [outcome, path = request.path] {
        if (!*outcome) return refusal(outcome->error(), path);
        auto r = http::HttpResponse::json(200, recovery_codes_json(**outcome));
        r.set_header("Cache-Control", "no-store");
        return r;
      },
      std::move(respond));
}

}  // namespace

void add_second_factor_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/me/second-factor",
             authenticated(ctx, [&ctx](http::HttpRequest&, const app::Actor& a) {
               app::SecondFactorStatus status;
               ctx.store.read(
                   [&](store::SqlConnection& db) { status = app::second_factor_status(db, a); });
               auto r = http::HttpResponse::json(
                   200, second_factor_status_json(status, !ctx.settings.second_factor_key.empty()));
               r.set_header("Cache-Control", "no-store");
               return r;
             }));
  router.add_async(
      Method::post, "/api/v1/me/second-factor",
      authenticated_async(ctx,
                          [&ctx](http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
                            begin_enrolment(ctx, r, a, std::move(respond));
                          }),
      {.max_body_bytes = 4096});
  router.add_async(
      Method::post, "/api/v1/me/second-factor/confirmation",
      authenticated_async(ctx,
                          [&ctx](http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
                            confirm_enrolment(ctx, r, a, std::move(respond));
                          }),
      {.max_body_bytes = 4096});
  router.add(Method::get, "/api/v1/admin/second-factor-roles",
             authenticated(ctx, [&ctx](http::HttpRequest& r, const app::Actor& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::second_factor_roles(db, a);
               });
             }));
  router.add_async(
      Method::put, "/api/v1/admin/second-factor-roles/{role}",
      administering(ctx, role_requirement_from_json,
                    [](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                       const RoleRequirement& req, const std::string& now) {
                      return app::require_second_factor(db, a, p.at("role"), req.required,
                                                        req.reason, now);
                    }));
  router.add_async(
      Method::post, "/api/v1/admin/users/{id}/second-factor/reset",
      administering(ctx, reason_from_json,
                    [](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                       const std::string& reason, const std::string& now) {
                      return app::reset_second_factor(db, a, p.at("id"), reason, now);
                    }));
}

}  // namespace motcua::api
