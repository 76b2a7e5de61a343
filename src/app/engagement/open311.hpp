// Open311 GeoReport v2 over feedback on administrative regulations (issue 16 point 7;
// docs/integrations.md "Open311 GeoReport v2"). A request filed by an Open311 client IS a feedback
// item (app/engagement/feedback.hpp): same intake, same answering officials, same deadlines; its
// tracking code is the service_request_id. What GeoReport adds (category, place, client ids) is
// kept beside it (store/open311_repository.hpp).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/engagement/feedback.hpp"
#include "domain/calendar/working_calendar.hpp"
#include "domain/engagement/open311_service.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// An Open311 client may file this many requests per key per hour: enough for a city's app, not
// for a script flooding the officials' queue.
inline constexpr int kOpen311RequestsPerHour = 60;
// GeoReport v2 "GET Service Requests": at most 90 days per query and 1000 requests per answer.
inline constexpr int kOpen311MaxDays = 90;
inline constexpr int kOpen311MaxRequests = 1000;

struct Open311Submission {
  std::string api_key;
  std::string jurisdiction_id;
  std::string service_code;
  std::string lat;
  std::string lon;
  std::string address_string;
  std::string email;
  std::string device_id;
  std::string account_id;
  std::string first_name;
  std::string last_name;
  std::string phone;
  std::string description;
  std::string media_url;
  std::map<std::string, std::string> attributes;  // attribute[code]=value
  // The province's answering limit (data/templates/feedback-terms.json), set by the caller.
  std::int64_t answer_working_days = kFeedbackAnswerWorkingDays;
};

struct Open311Receipt {
  std::string service_request_id;
  std::string service_notice;
  std::string account_id;  // as sent; empty when none
};

// A request as GeoReport shows it. Dates are W3C date-times with the installation's offset.
struct Open311RequestView {
  std::string service_request_id;
  std::string status;  // open | closed
  std::optional<std::string> status_notes;
  std::string service_name;
  std::string service_code;
  std::string description;
  std::string agency_responsible;
  std::string service_notice;
  std::string requested_datetime;
  std::string updated_datetime;
  std::string expected_datetime;
  std::string address;
  std::string lat;
  std::string lon;
  std::string media_url;
};

// GET requests' parameters as sent (empty: not given).
struct Open311Query {
  std::string jurisdiction_id;
  std::vector<std::string> service_request_ids;
  std::string service_code;
  std::string start_date;
  std::string end_date;
  std::string status;
};

struct IssuedOpen311Key {
  std::string id;
  std::string label;
  std::string api_key;  // shown once
  std::string issued_at;
};

using Open311Services = std::vector<engagement::Open311Service>;

// The service with this code, or nullptr.
const engagement::Open311Service* find_open311_service(const Open311Services& services,
                                                       const std::string& code);

// 403 (forbidden) for a missing, unknown or revoked api_key; 429 past kOpen311RequestsPerHour;
// 404 (not_found) for an unknown jurisdiction_id or service_code; 400 (invalid_input) for a missing
// or wrong field. Writes nothing when it refuses (except the key's request count).
AppResult<Open311Receipt> file_open311_request(store::SqlConnection& db,
                                               const calendar::WorkingCalendar& cal,
                                               const Open311Services& services,
                                               const Open311Submission& in, Instant now);

AppResult<std::vector<Open311RequestView>> open311_requests(store::SqlConnection& db,
                                                            const Open311Services& services,
                                                            const Open311Query& query, Instant now,
                                                            int utc_offset_minutes);

AppResult<Open311RequestView> open311_request(store::SqlConnection& db,
                                              const Open311Services& services,
                                              const std::string& service_request_id,
                                              const std::string& jurisdiction_id);

// Administrators issue keys to named Open311 clients; only the key's hash is kept.
AppResult<IssuedOpen311Key> issue_open311_key(store::SqlConnection& db, const Actor& actor,
                                              const std::string& label, const std::string& now_iso);

struct RevokedOpen311Key {
  std::string id;
  std::string revoked_at;
};

// From now on the key's requests are refused (403); the requests it filed stay. 404 for an unknown
// or already revoked key. Audited with the reason.
AppResult<RevokedOpen311Key> revoke_open311_key(store::SqlConnection& db, const Actor& actor,
                                                const std::string& id, const std::string& reason,
                                                const std::string& now_iso);

}  // namespace motcua::app
