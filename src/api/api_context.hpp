// What every API handler needs: the store, the calendar, the use cases, the clock and the settings.
// Handlers stay thin: parse the request, call a use case, render the result.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "api/rate_limits.hpp"
#include "api/tracking_answers.hpp"
#include "app/accounts/accounts.hpp"
#include "app/accounts/login_delays.hpp"
#include "app/accounts/login_refusals.hpp"
#include "app/calendar/calendar_admin.hpp"
#include "app/delivery/delivery_engine.hpp"
#include "app/dossier/dossier_service.hpp"
#include "app/exchange/partners.hpp"
#include "app/identity/oidc_provider.hpp"
#include "app/payments/payments.hpp"
#include "documents/signing/signing_keys.hpp"
#include "http/http_types.hpp"
#include "store/store.hpp"

namespace motcua::api {

struct ApiSettings {
  // Secure cookies are on by default; browsers accept them on http://localhost as well.
  bool secure_cookies = true;
  // serve's --single-session: a login ends the user's other sessions.
  app::OlderSessions older_sessions = app::OlderSessions::kept;
  std::string uploads_dir = "var/uploads";
  std::size_t max_upload_bytes = 10 * 1024 * 1024;
  // Origin of the public site (e.g. https://dichvucong.ninhbinh.gov.vn), for links printed on paper
  // such as the receipt's QR code. Empty: the Host the browser used, over http.
  std::string public_url;
  // data/templates: one-stop units and default processes of a fresh installation (admin setup).
  std::string templates_dir = "data/templates";
  // The secret the public postal service signs its status callbacks with (serve's --post-secret,
  // MOTCUA_POST_SECRET). Empty: every callback is refused.
  std::string post_callback_secret;
  // The 32-byte key sealing webhook secrets (serve's --webhook-key-file). Empty: no webhook can
  // be registered.
  std::string webhook_key;
  // The 32-byte key sealing officials' TOTP secrets (serve's --second-factor-key-file). Empty: no
  // second factor can be enrolled, and a login that needs one is refused.
  std::string second_factor_key;
  // This instance in the exchange between MotCua instances (serve's --instance-id and
  // --instance-key). An empty id: partners' messages are refused and the identity is not published.
  app::exchange::InstanceIdentity exchange;
  // The online payment gateway (serve's --payment-url, --payment-terminal, --payment-secret-file;
  // MOTCUA_PAYMENT_*). Not configured: fees are paid at the counter only.
  app::payments::GatewaySettings payment_gateway;
  // The agencies' signing keys (serve's --signing-dir, MOTCUA_SIGNING_DIR). Without a folder
  // nothing is signed: results cannot be returned online and notices are served unsigned.
  std::shared_ptr<documents::signing::SigningKeys> signing_keys =
      std::make_shared<documents::signing::SigningKeys>("");
  // Citizen login through an OpenID Connect provider (serve's --oidc-*; MOTCUA_OIDC_*). No
  // provider: citizens use local accounts only.
  app::identity::OidcSettings oidc;
};

// The calendar in use, as handlers written before it became replaceable read it: it converts to a
// `const WorkingCalendar&` of the current snapshot. The reference stays valid after a swap
// (ActiveCalendar keeps replaced calendars alive), but two reads may see two calendars: code that
// computes more than once per request should take one `snapshot()` and use it throughout.
class CurrentCalendar {
 public:
  explicit CurrentCalendar(const app::ActiveCalendar& active) : active_(active) {}
  app::CalendarPtr snapshot() const { return active_.snapshot(); }
  operator const calendar::WorkingCalendar&() const { return *active_.snapshot(); }
  const calendar::WorkingCalendar* operator->() const { return active_.snapshot().get(); }
  int utc_offset_minutes() const { return active_.snapshot()->utc_offset_minutes(); }
  LocalDateTime local(Instant t) const { return active_.snapshot()->local(t); }

 private:
  const app::ActiveCalendar& active_;
};

struct ApiContext {
  store::Store& store;
  // Owned here; replaced at run time by an administrator's import (api/admin_routes.cpp).
  std::unique_ptr<app::ActiveCalendar> calendars;
  CurrentCalendar calendar;
  app::DossierService dossiers;
  // Failed logins wait progressively longer (app/accounts/login_delays.hpp).
  app::LoginDelays login_delays;
  // Requests per client on the public and upload routes (api/rate_limits.hpp).
  RateLimits rate_limits;
  // One audit row per username and address per throttle window for logins refused for rate.
  app::LoginRefusals login_refusals{15 * 60};
  app::NowFunction now;
  ApiSettings settings;
  // Brings the calendar in use up to date with years another server on the same database
  // imported (set by `motcua serve`; a calendar import calls it first). Empty: one server.
  std::function<void()> follow_calendar;
  // The outbox's partner connections, per topic (cli/delivery_options.hpp), for the admin view.
  app::delivery::Adapters delivery_adapters;
  // Public tracking answers as rendered, per dossier version (api/tracking_answers.hpp).
  TrackingAnswers tracking_answers;

  ApiContext(store::Store& s, std::unique_ptr<app::ActiveCalendar> active, app::NowFunction now_fn,
             ApiSettings api_settings = {})
      : store(s),
        calendars(std::move(active)),
        calendar(*calendars),
        dossiers([c = calendars.get()] { return c->snapshot(); }, now_fn),
        now(now_fn),
        settings(std::move(api_settings)) {
    // Hand-overs to partners' steps are sent as this instance (app/exchange/exchange_plans.hpp).
    dossiers.set_instance_id(settings.exchange.id);
  }
  // A calendar that only an import would change (a copy is taken).
  ApiContext(store::Store& s, const calendar::WorkingCalendar& cal, app::NowFunction now_fn,
             ApiSettings api_settings = {})
      : ApiContext(s, std::make_unique<app::ActiveCalendar>(cal), std::move(now_fn),
                   std::move(api_settings)) {}

  int utc_offset() const { return calendar.utc_offset_minutes(); }
  std::string now_iso() const { return to_iso(now(), utc_offset()); }
};

inline constexpr const char* kSessionCookie = "motcua_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";
inline constexpr const char* kIdempotencyHeader = "Idempotency-Key";

}  // namespace motcua::api
