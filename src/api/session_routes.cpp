// POST /api/v1/session (log in), GET /api/v1/session (who am I), DELETE /api/v1/session (log out),
// POST /api/v1/session/password (change one's own password; a fresh session replaces every old
// one).
#include <algorithm>
#include <memory>
#include <optional>

#include "api/idempotent_write.hpp"
#include "api/json/accounts_json.hpp"
#include "api/json/password_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"
#include "app/accounts/second_factor.hpp"
#include "app/identity/oidc_login.hpp"
#include "http/problem.hpp"

namespace motcua::api {

namespace {

http::SetCookie session_cookie(const ApiContext& ctx, std::string value, std::int64_t max_age) {
  http::SetCookie c;
  c.name = kSessionCookie;
  c.value = std::move(value);
  c.max_age = std::chrono::seconds(max_age);
  c.secure = ctx.settings.secure_cookies;
  return c;
}

http::HttpResponse too_many(std::int64_t retry_after) {
  auto r =
      http::problem(429, "too_many_attempts", "Đăng nhập sai quá nhiều lần; vui lòng thử lại sau.",
                    "Too many failed logins; try again later.");
  r.set_header("Retry-After", std::to_string(retry_after));
  return r;
}

// The throttle and the password are checked on a reader connection (Argon2id is CPU work and must
// not hold the store's writer). The failure counts live in the database, so every server behind
// the load balancer throttles the same usernames and addresses; a failure is counted, or a success
// clears the username's count, in a write that does not hold the io thread, and the answer goes out
// after its commit (so the next attempt, on whichever server, sees it).
void log_in(ApiContext& ctx, http::HttpRequest& request, http::Respond respond) {
  auto body = parse_body(request);
  if (!body) return answer_now(respond, body.error());
  const auto credentials = login_request_from_json(*body);
  if (!credentials) return answer_now(respond, problem_of(credentials.error(), request));
  // A phone is counted, throttled and looked up as one name however it was typed.
  const std::string username = app::login_name(credentials->username);
  const auto now_s = ctx.now().seconds;
  const std::string& address = request.client();
  std::int64_t wait = 0;
  bool refusal_audited = false;
  app::AppResult<app::Actor> actor = tl::unexpected(app::AppError{});
  ctx.store.read([&](store::SqlConnection& db) {
    wait = ctx.login_delays.retry_after(db, username, address, now_s);
    if (wait == 0) {
      actor = app::authenticate(db, username, credentials->password);
    } else {
      refusal_audited = ctx.login_refusals.audited(db, username, address, now_s);
    }
  });
  if (wait > 0 && refusal_audited) {
    // Refused for rate again within the window of its audit row: answered without any write, and
    // counted in the pair's next row.
    ctx.login_refusals.count_suppressed(username, address);
    return answer_now(respond, too_many(wait));
  }
  if (wait > 0) {
    // Refused for rate: not counted as a failure (the password was not tried), but audited.
    write_then(
        ctx,
        [&ctx, username, address, now_s, now_iso = ctx.now_iso()](store::SqlConnection& db) {
          ctx.login_refusals.audit(db, username, address, now_s, now_iso);
        },
        [wait] { return too_many(wait); }, std::move(respond));
    return;
  }
  if (!actor) {
    write_then(
        ctx,
        [&ctx, username, address, now_s, now_iso = ctx.now_iso()](store::SqlConnection& db) {
          ctx.login_delays.record_failure(db, username, address, now_s);
          app::audit_login_failure(db, username, address, now_iso);
        },
        [problem = problem_of(actor.error(), request)] { return problem; }, std::move(respond));
    return;
  }
  if (actor->applicant &&
      ctx.settings.oidc.citizen_login == app::identity::CitizenLogin::oidc_only) {
    // Citizens have no local password in this mode (docs/security.md); officials keep theirs.
    write_then(
        ctx,
        [username, address, now_iso = ctx.now_iso()](store::SqlConnection& db) {
          app::audit_login_failure(db, username, address, now_iso);
        },
        [problem = problem_of(app::identity::password_login_disabled(), request)] {
          return problem;
        },
        std::move(respond));
    return;
  }
  // The second factor (when the account has one) is checked in the write: a TOTP step or a
  // recovery code is used up there, once. Refused, it counts as a failed login.
  auto session = std::make_shared<app::Session>();
  auto refused = std::make_shared<std::optional<app::AppError>>();
  write_then(
      ctx,
      [&ctx, session, refused, username, address, code = credentials->code,
       actor = std::move(*actor), now_s, now_iso = ctx.now_iso()](store::SqlConnection& db) {
        if (auto second = app::check_second_factor(
                db, actor.user_id, ctx.settings.second_factor_key, code, now_s, now_iso);
            !second) {
          ctx.login_delays.record_failure(db, username, address, now_s);
          app::audit_login_failure(db, username, address, now_iso);
          *refused = second.error();
          return;
        }
        ctx.login_delays.record_success(db, username, address);
        app::audit_login_success(db, actor, username, address, now_iso);
        *session = app::open_session(db, actor, now_s, now_iso, ctx.settings.older_sessions);
      },
      [&ctx, session, refused, path = request.path] {
        if (*refused) {
          const auto& e = **refused;
          return http::to_response(http::Problem{http_status(e.kind), e.code, e.message_vi,
                                                 e.message_en, e.detail, path});
        }
        auto response =
            http::HttpResponse::json(200, boost::json::value_from(app::session_view(*session)));
        response.set_cookie(session_cookie(ctx, session->token, app::kSessionSeconds));
        response.set_header("Cache-Control", "no-store");
        return response;
      },
      std::move(respond));
}

// The current password is verified and the new one hashed on a reader (Argon2id is CPU work); the
// write stores it, ends every session of the user and opens the one answered with its new cookie.
void change_password(ApiContext& ctx, http::HttpRequest& request, const app::Actor& actor,
                     http::Respond respond) {
  auto body = parse_body(request);
  if (!body) return answer_now(respond, body.error());
  const auto change = password_change_from_json(*body);
  if (!change) return answer_now(respond, problem_of(change.error(), request));
  app::AppResult<app::PreparedPasswordChange> prepared = tl::unexpected(app::AppError{});
  ctx.store.read([&](store::SqlConnection& db) {
    prepared = app::prepare_password_change(db, actor, *change);
  });
  if (!prepared) return answer_now(respond, problem_of(prepared.error(), request));
  auto outcome = std::make_shared<app::AppResult<app::Session>>(tl::unexpected(app::AppError{}));
  write_then(
      ctx,
      [&ctx, outcome, actor, prepared = std::move(*prepared), now_s = ctx.now().seconds,
       now_iso = ctx.now_iso()](store::SqlConnection& db) {
        *outcome = app::change_own_password(db, actor, prepared, now_s, now_iso);
      },
      [&ctx, outcome, path = request.path] {
        if (!*outcome) {
          const auto& e = outcome->error();
          return http::to_response(http::Problem{http_status(e.kind), e.code, e.message_vi,
                                                 e.message_en, e.detail, path});
        }
        auto response =
            http::HttpResponse::json(200, boost::json::value_from(app::session_view(**outcome)));
        response.set_cookie(session_cookie(ctx, (*outcome)->token, app::kSessionSeconds));
        response.set_header("Cache-Control", "no-store");
        return response;
      },
      std::move(respond));
}

}  // namespace

void add_session_routes(http::Router& router, ApiContext& ctx) {
  router.add_async(
      http::Method::post, "/api/v1/session",
      [&ctx](http::HttpRequest& r, http::Respond respond) { log_in(ctx, r, std::move(respond)); },
      {.max_body_bytes = 4096});
  router.add(http::Method::get, "/api/v1/session", [&ctx](http::HttpRequest& r) {
    const auto session = session_of(ctx, r);
    if (!session) return unauthenticated();
    auto response =
        http::HttpResponse::json(200, boost::json::value_from(app::session_view(*session)));
    response.set_header("Cache-Control", "no-store");
    return response;
  });
  router.add_async(
      http::Method::post, "/api/v1/session/password",
      authenticated_async(ctx,
                          [&ctx](http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
                            change_password(ctx, r, a, std::move(respond));
                          }),
      {.max_body_bytes = 4096});
  router.add_async(http::Method::del, "/api/v1/session",
                   authenticated_async(
                       ctx, [&ctx](http::HttpRequest& r, const app::Actor&, http::Respond respond) {
                         write_then(
                             ctx,
                             [token = std::string(*r.cookie(kSessionCookie))](
                                 store::SqlConnection& db) { app::logout(db, token); },
                             [&ctx] {
                               auto response = http::HttpResponse::empty(204);
                               response.set_cookie(session_cookie(ctx, "", 0));
                               return response;
                             },
                             std::move(respond));
                       }));
}

}  // namespace motcua::api
