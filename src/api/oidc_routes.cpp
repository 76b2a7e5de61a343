// Citizen login through the OpenID Connect provider (docs/integrations.md "Identity (OIDC)"):
// GET /api/v1/auth/oidc says whether it is offered;
// GET /api/v1/auth/oidc/start sends the browser to the provider with state, nonce and a PKCE
// challenge; GET /api/v1/auth/oidc/callback takes the attempt once, redeems the code, checks the
// ID token and opens the same session as a password login. Both call the provider over HTTP, so
// they run on a small pool of their own, never on an io thread.
#include <exception>
#include <memory>

#include "api/document_pool.hpp"
#include "api/public_links.hpp"
#include "api/render_pool.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "app/identity/oidc_login.hpp"
#include "domain/text/markup.hpp"
#include "http/problem.hpp"

namespace motcua::api {

namespace {

// The PKCE verifier travels in this cookie, only to the callback's path. SameSite=Lax: the
// callback is a top-level navigation coming from the provider's site.
constexpr const char* kVerifierCookie = "motcua_oidc";
constexpr const char* kOidcPath = "/api/v1/auth/oidc";

// Each start writes an attempt row: starts are limited per client address (counted in the
// database like login failures, so every server sees them), generously, for a household or an
// office behind one address.
const app::LoginThrottle& start_throttle() {
  static const app::LoginThrottle throttle{"oidc_start", 60, 15 * 60};
  return throttle;
}

app::AppError too_many_starts(std::int64_t wait) {
  return {app::ErrorKind::rate_limited, "too_many_attempts",
          "Bắt đầu đăng nhập quá nhiều lần từ địa chỉ này; vui lòng thử lại sau.",
          "Too many logins started from this address; try again later.",
          "retry_after: " + std::to_string(wait) + " s"};
}

RenderPool& pool() {
  static RenderPool instance(2, 64);
  return instance;
}

// The provider's discovery, JWKS and token calls block: they run on this pool.
template <typename Make>
void on_provider_pool(http::Respond respond, Make make) {
  answer_from(pool(), std::move(respond), std::move(make));
}

http::SetCookie verifier_cookie(const ApiContext& ctx, std::string value, std::int64_t max_age) {
  http::SetCookie c;
  c.name = kVerifierCookie;
  c.value = std::move(value);
  c.path = kOidcPath;
  c.max_age = std::chrono::seconds(max_age);
  c.secure = ctx.settings.secure_cookies;
  c.same_site = http::SameSite::lax;
  return c;
}

std::string redirect_uri(const ApiContext& ctx, const http::HttpRequest& r) {
  return public_origin(ctx, r) + kOidcPath + "/callback";
}

app::AppError not_configured() {
  return {app::ErrorKind::not_found, "oidc_not_configured",
          "Máy chủ này chưa kết nối với nhà cung cấp định danh điện tử.",
          "This server is not connected to an electronic identity provider.",
          "serve: --oidc-issuer"};
}

// The session cookie is SameSite=Strict, and browsers do not send it on a navigation whose chain
// began on the provider's site: this small page moves on from this site itself.
http::HttpResponse landing(const std::string& path) {
  const std::string target = text::escape_markup(path);
  auto r = http::HttpResponse::text(
      200,
      "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"refresh\" content=\"0;url=" +
          target +
          "\"><title>Đã đăng nhập / Logged in</title></head><body><p>Đã đăng nhập. "
          "<a href=\"" +
          target + "\">Tiếp tục / Continue</a></p></body></html>",
      "text/html; charset=utf-8");
  r.set_header("Cache-Control", "no-store");
  return r;
}

void start(ApiContext& ctx, http::HttpRequest& r, http::Respond respond) {
  const auto& settings = ctx.settings.oidc;
  if (!settings.configured()) {
    const auto answer = problem_of(not_configured(), r);
    return respond([answer] { return answer; });
  }
  const auto requested = r.query_value("return");
  auto login = app::identity::new_login(requested ? std::string(*requested) : "/");
  on_provider_pool(std::move(respond), [&ctx, r, login = std::move(login)] {
    const auto now_s = ctx.now().seconds;
    std::int64_t wait = 0;
    ctx.store.read([&](store::SqlConnection& db) {
      wait = start_throttle().retry_after(db, r.client(), now_s);
    });
    if (wait > 0) {
      auto refused = problem_of(too_many_starts(wait), r);
      refused.set_header("Retry-After", std::to_string(wait));
      return refused;
    }
    const auto endpoint = ctx.settings.oidc.provider->authorization_endpoint();
    if (!endpoint) return problem_of(endpoint.error(), r);
    ctx.store.write([&](store::SqlConnection& db) {
      start_throttle().record_failure(db, r.client(), now_s);
      app::identity::record_attempt(db, login, now_s, ctx.now_iso());
    });
    auto response = http::HttpResponse::empty(302);
    response.set_header("Location", app::identity::authorization_url(*endpoint, ctx.settings.oidc,
                                                                     redirect_uri(ctx, r), login));
    response.set_header("Cache-Control", "no-store");
    response.set_cookie(verifier_cookie(ctx, login.code_verifier, app::identity::kAttemptSeconds));
    return response;
  });
}

app::AppError provider_refused(const std::string& error) {
  return {app::ErrorKind::unauthenticated, "oidc_login_cancelled",
          "Đăng nhập bằng định danh điện tử không thành công hoặc đã bị huỷ.",
          "The login with the electronic identity failed or was cancelled.",
          "error: " + error.substr(0, 64)};
}

void callback(ApiContext& ctx, http::HttpRequest& r, http::Respond respond) {
  if (!ctx.settings.oidc.configured()) {
    const auto answer = problem_of(not_configured(), r);
    return respond([answer] { return answer; });
  }
  on_provider_pool(std::move(respond), [&ctx, r] {
    const std::string address = r.client();
    const auto refuse = [&](const app::AppError& e) {
      ctx.store.write([&](store::SqlConnection& db) {
        app::identity::audit_refusal(db, e.code, address, ctx.now_iso());
      });
      auto response = problem_of(e, r);
      response.set_cookie(verifier_cookie(ctx, "", 0));
      return response;
    };
    const std::string state(r.query_value("state").value_or(""));
    const std::string cookie = r.cookie(kVerifierCookie).value_or("");
    app::AppResult<app::identity::PendingCallback> pending = tl::unexpected(app::AppError{});
    ctx.store.write([&](store::SqlConnection& db) {
      pending = app::identity::take_attempt(db, state, cookie, ctx.now().seconds);
    });
    if (!pending) return refuse(pending.error());
    if (const auto error = r.query_value("error"))
      return refuse(provider_refused(std::string(*error)));
    const std::string code(r.query_value("code").value_or(""));
    if (code.empty()) return refuse(provider_refused("code missing"));
    const auto identity = ctx.settings.oidc.provider->redeem(
        {code, pending->code_verifier, redirect_uri(ctx, r), pending->nonce});
    if (!identity) return refuse(identity.error());
    app::AppResult<app::Session> session = tl::unexpected(app::AppError{});
    ctx.store.write([&](store::SqlConnection& db) {
      session = app::identity::finish_login(db, *identity, address, ctx.now().seconds,
                                            ctx.now_iso(), ctx.settings.older_sessions);
    });
    if (!session) return refuse(session.error());
    auto response = landing(pending->return_path);
    http::SetCookie c;
    c.name = kSessionCookie;
    c.value = session->token;
    c.max_age = std::chrono::seconds(app::kSessionSeconds);
    c.secure = ctx.settings.secure_cookies;
    response.set_cookie(c);
    response.set_cookie(verifier_cookie(ctx, "", 0));
    return response;
  });
}

}  // namespace

void add_oidc_routes(http::Router& router, ApiContext& ctx) {
  // What the login page offers: the provider's button, and whether citizens may use passwords.
  router.add(http::Method::get, "/api/v1/auth/oidc", [&ctx](http::HttpRequest&) {
    const auto& oidc = ctx.settings.oidc;
    const bool only = oidc.citizen_login == app::identity::CitizenLogin::oidc_only;
    return http::HttpResponse::json(
        200, boost::json::object{{"enabled", oidc.configured()},
                                 {"citizen_login", only ? "oidc-only" : "password"}});
  });
  router.add_async(
      http::Method::get, "/api/v1/auth/oidc/start",
      [&ctx](http::HttpRequest& r, http::Respond respond) { start(ctx, r, std::move(respond)); });
  router.add_async(http::Method::get, "/api/v1/auth/oidc/callback",
                   [&ctx](http::HttpRequest& r, http::Respond respond) {
                     callback(ctx, r, std::move(respond));
                   });
}

}  // namespace motcua::api
