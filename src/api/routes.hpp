// The /api/v1 routes, grouped by resource. Each group registers its routes on the router; the
// OpenAPI document (src/api/openapi.json, served at /api/v1/openapi.json) lists every one of them,
// and a test checks the two agree.
#pragma once

#include "api/api_context.hpp"
#include "http/router.hpp"

namespace motcua::api {

void add_session_routes(http::Router& router, ApiContext& ctx);
// Citizens' sign-up and password reset by one-time codes (account_routes.cpp).
void add_account_routes(http::Router& router, ApiContext& ctx);
// Officials' TOTP second factor and its administration (second_factor_routes.cpp).
void add_second_factor_routes(http::Router& router, ApiContext& ctx);
void add_dossier_routes(http::Router& router, ApiContext& ctx);
void add_public_routes(http::Router& router, ApiContext& ctx);
void add_paper_routes(http::Router& router, ApiContext& ctx);
// The applicant's paper store and reuse of its papers (paper_store_routes.cpp).
void add_paper_store_routes(http::Router& router, ApiContext& ctx);
void add_process_routes(http::Router& router, ApiContext& ctx);
void add_citizen_routes(http::Router& router, ApiContext& ctx);
// Feedback's lifecycle beyond sending and answering (feedback_routes.cpp).
void add_feedback_routes(http::Router& router, ApiContext& ctx);
void add_officer_routes(http::Router& router, ApiContext& ctx);
// Documents as PDF (document_routes.cpp).
void add_document_routes(http::Router& router, ApiContext& ctx);
void add_result_routes(http::Router& router, ApiContext& ctx);
void add_consultation_routes(http::Router& router, ApiContext& ctx);
void add_statistics_routes(http::Router& router, ApiContext& ctx);
void add_admin_routes(http::Router& router, ApiContext& ctx);
// The counter queue of the one-stop hall: kiosk, display, counters (queue_routes.cpp).
void add_queue_routes(http::Router& router, ApiContext& ctx);
void add_warning_routes(http::Router& router, ApiContext& ctx);
void add_notification_routes(http::Router& router, ApiContext& ctx);
// The postal channel: choice, orders, the post's signed callbacks (postal_routes.cpp).
void add_postal_routes(http::Router& router, ApiContext& ctx);
void add_payment_routes(http::Router& router, ApiContext& ctx);
void add_oidc_routes(http::Router& router, ApiContext& ctx);
// Webhook subscriptions for integrators (webhook_routes.cpp).
void add_webhook_routes(http::Router& router, ApiContext& ctx);
// Exchange between MotCua instances: identity, partners, signed messages (exchange_routes.cpp).
void add_exchange_routes(http::Router& router, ApiContext& ctx);
// The outbox's queue for administrators (outbox_routes.cpp).
void add_outbox_routes(http::Router& router, ApiContext& ctx);
void add_portal_routes(http::Router& router, ApiContext& ctx);
// Open311 GeoReport v2 over feedback on regulations (open311_routes.cpp).
void add_open311_routes(http::Router& router, ApiContext& ctx);
// Leaders' review of feedback answers held as generic (feedback_review_routes.cpp).
void add_feedback_review_routes(http::Router& router, ApiContext& ctx);
void add_openapi_route(http::Router& router);

// All of the above.
void add_api_routes(http::Router& router, ApiContext& ctx);

}  // namespace motcua::api
