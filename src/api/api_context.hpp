// What every API handler needs: the store, the calendar, the use cases, the clock and the settings.
// Handlers stay thin: parse the request, call a use case, render the result.
#pragma once

#include <optional>
#include <string>

#include "app/accounts.hpp"
#include "app/dossier_service.hpp"
#include "http/http_types.hpp"
#include "store/store.hpp"

namespace motcua::api {

struct ApiSettings {
  // Secure cookies are on by default; browsers accept them on http://localhost as well.
  bool secure_cookies = true;
  std::string uploads_dir = "var/uploads";
  std::size_t max_upload_bytes = 10 * 1024 * 1024;
};

struct ApiContext {
  store::Store& store;
  const calendar::WorkingCalendar& calendar;
  app::DossierService dossiers;
  // Failures per username are limited tightly; per client address more loosely, since a counter
  // PC or an office behind one NAT address serves many people.
  app::LoginThrottle user_throttle{5, 15 * 60};
  app::LoginThrottle address_throttle{30, 15 * 60};
  app::NowFunction now;
  ApiSettings settings;

  ApiContext(store::Store& s, const calendar::WorkingCalendar& cal, app::NowFunction now_fn,
             ApiSettings api_settings = {})
      : store(s),
        calendar(cal),
        dossiers(cal, now_fn),
        now(now_fn),
        settings(std::move(api_settings)) {}

  int utc_offset() const { return calendar.utc_offset_minutes(); }
  std::string now_iso() const { return to_iso(now(), utc_offset()); }
};

inline constexpr const char* kSessionCookie = "motcua_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";
inline constexpr const char* kIdempotencyHeader = "Idempotency-Key";

}  // namespace motcua::api
