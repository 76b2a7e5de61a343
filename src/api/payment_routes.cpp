// Fee payments (app/payments, docs/integrations.md "Online fee payment"):
//
//   POST /api/v1/dossiers/{id}/payments   the applicant starts paying the fee due: {payment_id,
//                                         redirect_url} (the gateway's signed pay page)
//   GET  /api/v1/dossiers/{id}/payments   the dossier's payments
//   POST /api/v1/dossiers/{id}/counter-payments  reception records the fee paid in cash or by card:
//                                         the e-receipt (201), numbered per agency and year
//   GET  /api/v1/dossiers/{id}/refunds    the dossier's refunds (pending, refunded, failed)
//   POST /api/v1/refunds/{id}/complete    reception hands a counter payment's money back
//   GET  /api/v1/dossiers/{id}/receipts   the dossier's e-receipts (the PDF:
//   documents/fee-receipt.pdf) GET  /api/v1/payments/{id}            one payment, as the IPN left
//   it (the return page reads it) GET  /api/v1/payments/options         which ways to pay this
//   installation offers (the web shows
//                                         its "Pay online" button only when the gateway is set)
//   GET  /api/v1/payments/vnpay/ipn       the gateway's server-to-server confirmation (no session;
//                                         signed; answered in the protocol's {RspCode, Message})
#include <algorithm>
#include <cctype>
#include <memory>

#include "api/idempotent_write.hpp"
#include "api/json/payments_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"

namespace motcua::api {

namespace {

// Where the browser comes back after the gateway: `serve --public-url` behind a proxy, else the
// Host the browser used (kept only if it looks like a host name).
std::string return_url(const ApiContext& ctx, const http::HttpRequest& r) {
  std::string origin = ctx.settings.public_url;
  while (!origin.empty() && origin.back() == '/') origin.pop_back();
  if (origin.empty()) {
    const std::string host(r.header("Host"));
    const bool plain =
        !host.empty() && host.size() <= 255 && std::all_of(host.begin(), host.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' ||
                 c == ':' || c == '[' || c == ']';
        });
    origin = "http://" + (plain ? host : std::string("localhost"));
  }
  return origin + "/payments/return";
}

void take_ipn(ApiContext& ctx, http::HttpRequest& r, http::Respond respond) {
  app::payments::VnpParams params;
  for (const auto& [name, value] : r.query) params.emplace(name, value);
  auto answer =
      std::make_shared<app::payments::IpnAnswer>(app::payments::IpnAnswer{"99", "Unknown error"});
  write_then(
      ctx,
      [&ctx, params = std::move(params), answer](store::SqlConnection& db) {
        *answer =
            app::payments::take_vnpay_ipn(db, ctx.dossiers, ctx.settings.payment_gateway, params);
      },
      [answer] { return http::HttpResponse::json(200, boost::json::value_from(*answer)); },
      std::move(respond));
}

}  // namespace

void add_payment_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add_async(Method::post, "/api/v1/dossiers/{id}/payments",
                   authenticated_async(ctx, [&ctx](auto& r, const auto& a, http::Respond respond) {
                     app::payments::PaymentStart start{
                         r.path_params.at("id"), r.client(), return_url(ctx, r),
                         std::string(r.query_value("locale").value_or("vn"))};
                     idempotent_write(
                         ctx, r, a,
                         [&ctx, a, start = std::move(start)](store::SqlConnection& db) {
                           return app::payments::start_online_payment(
                               db, ctx.dossiers, a, ctx.settings.payment_gateway, start);
                         },
                         201, std::move(respond));
                   }));
  router.add_async(
      Method::post, "/api/v1/dossiers/{id}/counter-payments",
      authenticated_async(ctx, [&ctx](auto& r, const auto& a, http::Respond respond) {
        const std::string id = r.path_params.at("id");
        decoded_write(
            ctx, r, a, counter_payment_from_json,
            [&ctx, a, id](store::SqlConnection& db, app::payments::CounterPayment input) {
              input.dossier_id = id;
              return app::payments::record_counter_payment(db, ctx.dossiers, a, input);
            },
            201, std::move(respond));
      }));
  router.add(Method::get, "/api/v1/dossiers/{id}/receipts",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::payments::receipts_of_dossier(db, a, r.path_params.at("id"));
               });
             }));
  router.add(Method::get, "/api/v1/dossiers/{id}/refunds",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::payments::refunds_of_dossier(db, a, r.path_params.at("id"));
               });
             }));
  router.add_async(Method::post, "/api/v1/refunds/{id}/complete",
                   authenticated_async(ctx, [&ctx](auto& r, const auto& a, http::Respond respond) {
                     const std::string id = r.path_params.at("id");
                     decoded_write(
                         ctx, r, a, refund_note_from_json,
                         [&ctx, a, id](store::SqlConnection& db, const std::string& note) {
                           return app::payments::complete_counter_refund(db, ctx.dossiers, a, id,
                                                                         note);
                         },
                         200, std::move(respond));
                   }));
  router.add(Method::get, "/api/v1/dossiers/{id}/payments",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::payments::payments_of_dossier(db, a, r.path_params.at("id"));
               });
             }));
  // Public: it says only whether a gateway is configured, never which one or how.
  router.add(Method::get, "/api/v1/payments/options", [&ctx](http::HttpRequest&) {
    return http::HttpResponse::json(
        200, boost::json::object{{"online", ctx.settings.payment_gateway.configured()},
                                 {"counter", true}});
  });
  router.add(Method::get, "/api/v1/payments/{id}",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::payments::payment_of(db, a, r.path_params.at("id"));
               });
             }));
  router.add_async(Method::get, "/api/v1/payments/vnpay/ipn",
                   [&ctx](http::HttpRequest& r, http::Respond respond) {
                     take_ipn(ctx, r, std::move(respond));
                   });
}

}  // namespace motcua::api
