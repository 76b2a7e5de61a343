#include "app/engagement/open311.hpp"

#include <algorithm>
#include <charconv>

#include "app/accounts/accounts.hpp"
#include "app/accounts/passwords.hpp"
#include "app/admin/admin_users.hpp"
#include "app/engagement/feedback.hpp"
#include "codec/flat_json.hpp"
#include "codec/iso_time.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"
#include "store/feedback_repository.hpp"
#include "store/hashing.hpp"
#include "store/open311_repository.hpp"

namespace motcua::app {

namespace {

// Each POST with a valid key counts, refused or not: the counts live in the database (as login
// failures do) so every server behind the load balancer shares them.
const LoginThrottle kKeyRequests{"open311_key", kOpen311RequestsPerHour, 60 * 60};

AppError bad_request(const std::string& field, const std::string& vi, const std::string& en) {
  return AppError{ErrorKind::invalid_input, field, vi, en, field};
}

AppError not_found_open311(const std::string& field, const std::string& vi, const std::string& en) {
  return AppError{ErrorKind::not_found, field, vi, en, field};
}

// The one jurisdiction this endpoint serves: the province of the installation.
std::optional<std::string> jurisdiction(store::SqlConnection& db) {
  auto root = store::served_province(db);
  if (!root) root = store::first_current_root_agency(db);
  return root;
}

// GeoReport: jurisdiction_id is needed only where an endpoint serves several; one given must be
// ours.
AppResult<std::string> check_jurisdiction(store::SqlConnection& db, const std::string& given) {
  const auto ours = jurisdiction(db);
  if (!ours) {
    return tl::unexpected(not_found_open311("jurisdiction_id", "Hệ thống chưa có tỉnh phục vụ.",
                                            "This installation serves no province yet."));
  }
  if (!given.empty() && given != *ours) {
    return tl::unexpected(not_found_open311(
        "jurisdiction_id", "Không tìm thấy jurisdiction_id '" + given + "'; dùng '" + *ours + "'.",
        "jurisdiction_id '" + given + "' not found; use '" + *ours + "'."));
  }
  return *ours;
}

bool coordinate(const std::string& text, double limit) {
  double v = 0;
  const auto* end = text.data() + text.size();
  const auto [p, ec] = std::from_chars(text.data(), end, v);
  return ec == std::errc() && p == end && v >= -limit && v <= limit;
}

std::string service_notice(const std::string& due) {
  // The limit in days is the province's (data/templates/feedback-terms.json); the due time says it.
  return "Cơ quan có thẩm quyền trả lời chậm nhất " + due + " (answered by " + due + ").";
}

Open311RequestView view_of(store::SqlConnection& db, const Open311Services& services,
                           const store::Open311Row& row) {
  const auto& f = row.feedback;
  const auto* service = find_open311_service(services, row.request.service_code);
  const auto agency = store::find_agency(db, f.agency_id);
  Open311RequestView v;
  v.service_request_id = f.code;
  // Open while the agency still owes a step (an answer held for a leader's review has not been
  // given yet); rejected, forwarded, answered or published: closed.
  v.status = f.status == "received" || f.status == "info_requested" || f.status == "held_for_review"
                 ? "open"
                 : "closed";
  if (f.answer) {
    v.status_notes = *f.answer;
    if (f.legal_reference && !f.legal_reference->empty())
      *v.status_notes += " (Căn cứ: " + *f.legal_reference + ")";
  }
  v.service_name = service ? service->service_name : row.request.service_code;
  v.service_code = row.request.service_code;
  v.description = f.content;
  v.agency_responsible = agency ? agency->name : f.agency_id;
  v.service_notice = service_notice(f.answer_due);
  v.requested_datetime = f.received_at;
  v.updated_datetime = f.answered_at.value_or(f.received_at);
  v.expected_datetime = f.answer_due;
  v.address = row.request.address_string;
  v.lat = row.request.lat;
  v.lon = row.request.lon;
  v.media_url = row.request.media_url;
  return v;
}

AppResult<void> check_attributes(const engagement::Open311Service& service,
                                 const std::map<std::string, std::string>& given) {
  // Attributes the service does not ask for are kept but not checked: GeoReport clients may send
  // their own (the spec's example sends WHISPAWN and WHISDORN).
  for (const auto& a : service.attributes) {
    const auto it = given.find(a.code);
    if (it == given.end() || a.values.empty() || it->second.empty()) continue;
    if (std::none_of(a.values.begin(), a.values.end(),
                     [&](const auto& v) { return v.key == it->second; })) {
      return tl::unexpected(bad_request(
          "attribute[" + a.code + "]",
          "Giá trị '" + it->second + "' không có trong danh sách của attribute[" + a.code + "].",
          "Value '" + it->second + "' is not one of the values of attribute[" + a.code + "]."));
    }
  }
  for (const auto& a : service.attributes) {
    const auto it = given.find(a.code);
    if (a.required && (it == given.end() || it->second.empty())) {
      return tl::unexpected(
          bad_request("attribute[" + a.code + "]",
                      "Thiếu thuộc tính bắt buộc attribute[" + a.code + "]: " + a.description + ".",
                      "The required attribute[" + a.code + "] is missing."));
    }
  }
  return {};
}

}  // namespace

const engagement::Open311Service* find_open311_service(const Open311Services& services,
                                                       const std::string& code) {
  const auto it = std::find_if(services.begin(), services.end(),
                               [&](const auto& s) { return s.service_code == code; });
  return it == services.end() ? nullptr : &*it;
}

AppResult<Open311Receipt> file_open311_request(store::SqlConnection& db,
                                               const calendar::WorkingCalendar& cal,
                                               const Open311Services& services,
                                               const Open311Submission& in, Instant now) {
  const auto key = in.api_key.empty()
                       ? std::nullopt
                       : store::find_open311_key_by_hash(db, store::sha256_hex(in.api_key));
  if (!key || !key->revoked_at.empty()) {
    return tl::unexpected(AppError{
        ErrorKind::forbidden, "api_key",
        "api_key không hợp lệ hoặc bị thiếu: không thể gửi phản ánh (xin khóa từ quản trị viên).",
        "Invalid api_key received -- can't proceed with create_request.", "api_key"});
  }
  const std::int64_t now_s = now.seconds;
  if (const auto wait = kKeyRequests.retry_after(db, key->id, now_s); wait > 0) {
    return tl::unexpected(AppError{
        ErrorKind::rate_limited, "api_key",
        "Khóa này đã gửi quá " + std::to_string(kOpen311RequestsPerHour) +
            " yêu cầu trong một giờ; thử lại sau " + std::to_string((wait + 59) / 60) + " phút.",
        "This key has sent more than " + std::to_string(kOpen311RequestsPerHour) +
            " requests in an hour; retry in " + std::to_string((wait + 59) / 60) + " minutes.",
        std::to_string(wait)});
  }
  kKeyRequests.record_failure(db, key->id, now_s);
  auto agency = check_jurisdiction(db, in.jurisdiction_id);
  if (!agency) return tl::unexpected(agency.error());
  const auto* service = find_open311_service(services, in.service_code);
  if (in.service_code.empty()) {
    return tl::unexpected(
        bad_request("service_code", "Thiếu service_code.", "service_code is required."));
  }
  if (!service) {
    return tl::unexpected(not_found_open311(
        "service_code", "Không có dịch vụ '" + in.service_code + "' (xem services.json).",
        "Service code '" + in.service_code + "' not found (see services.json)."));
  }
  if (auto ok = check_attributes(*service, in.attributes); !ok) return tl::unexpected(ok.error());
  if (in.lat.empty() != in.lon.empty() ||
      (!in.lat.empty() && (!coordinate(in.lat, 90) || !coordinate(in.lon, 180)))) {
    return tl::unexpected(bad_request("lat",
                                      "lat và long phải cùng có mặt, là số độ thập phân WGS84.",
                                      "lat and long must come together as WGS84 decimal degrees."));
  }
  // Decree 20/2008 Art. 7 (requirements of feedback): it names its sender and a way to reach them.
  std::string name = in.first_name;
  if (!in.last_name.empty()) name += (name.empty() ? "" : " ") + in.last_name;
  if (name.empty()) {
    return tl::unexpected(
        bad_request("first_name", "Cần first_name hoặc last_name: phản ánh phải ghi tên người gửi.",
                    "first_name or last_name is required: feedback names its sender."));
  }
  const std::string contact = !in.phone.empty() ? in.phone : in.email;
  if (contact.empty()) {
    return tl::unexpected(
        bad_request("email", "Cần email hoặc phone để cơ quan liên hệ lại.",
                    "email or phone is required so that the agency can reach the sender."));
  }
  if (in.description.size() < 20) {
    return tl::unexpected(bad_request("description",
                                      "description phải có nội dung phản ánh (ít nhất 20 byte).",
                                      "description must state the feedback (at least 20 bytes)."));
  }
  const auto procedure = in.attributes.find("procedure_code");
  NewFeedback feedback;
  feedback.name = name;
  feedback.contact = contact;
  feedback.procedure_code = procedure == in.attributes.end() ? std::string() : procedure->second;
  feedback.agency_id = *agency;
  feedback.content = in.description;
  feedback.channel = "open311";
  feedback.kind = service->service_code;
  feedback.answer_working_days = in.answer_working_days;
  auto filed = submit_feedback(db, cal, feedback, now);
  if (!filed) {
    if (filed.error().kind == ErrorKind::invalid_input) {
      return tl::unexpected(
          bad_request("attribute[procedure_code]",
                      "Không tìm thấy thủ tục '" + feedback.procedure_code + "' trong danh mục.",
                      "Procedure '" + feedback.procedure_code + "' is not in the catalog."));
    }
    return tl::unexpected(filed.error());
  }
  codec::FlatFields attributes;
  for (const auto& [code, value] : in.attributes) attributes.emplace_back(code, value);
  store::insert_open311_request(
      db,
      {*filed->id, service->service_code, in.lat, in.lon, in.address_string, in.email, in.phone,
       in.device_id, in.account_id, in.media_url, codec::flat_object_text(attributes), key->id});
  store::append_audit(
      db, {0, "open311:" + key->id, filed->received_at, "feedback.open311_filed", *filed->id, "",
           codec::flat_object_text({{"code", filed->code},
                                    {"service_code", service->service_code},
                                    {"api_key_id", key->id}})});
  return Open311Receipt{filed->code, service_notice(filed->answer_due), in.account_id};
}

AppResult<std::vector<Open311RequestView>> open311_requests(store::SqlConnection& db,
                                                            const Open311Services& services,
                                                            const Open311Query& q, Instant now,
                                                            int offset) {
  if (auto ok = check_jurisdiction(db, q.jurisdiction_id); !ok) return tl::unexpected(ok.error());
  store::Open311Filter filter;
  filter.codes = q.service_request_ids;
  filter.limit = kOpen311MaxRequests;
  if (!q.service_code.empty() && !find_open311_service(services, q.service_code)) {
    return tl::unexpected(not_found_open311("service_code",
                                            "Không có dịch vụ '" + q.service_code + "'.",
                                            "Service code '" + q.service_code + "' not found."));
  }
  filter.service_code = q.service_code;
  if (!q.status.empty()) {
    // GeoReport allows a comma-separated list of open and closed.
    const bool open = q.status.find("open") != std::string::npos;
    const bool closed = q.status.find("closed") != std::string::npos;
    if (q.status != "open" && q.status != "closed" && q.status != "open,closed" &&
        q.status != "closed,open") {
      return tl::unexpected(bad_request("status", "status phải là open hoặc closed.",
                                        "status must be open or closed."));
    }
    if (open != closed) filter.feedback_status = open ? "open" : "closed";
  }
  const auto instant = [offset](const std::string& text,
                                const char* field) -> AppResult<std::optional<Instant>> {
    if (text.empty()) return std::nullopt;
    const auto t = codec::parse_iso_instant(text, offset);
    if (!t) {
      return tl::unexpected(bad_request(
          field, std::string(field) + " phải là ngày giờ W3C, ví dụ 2026-03-09T08:00:00+07:00.",
          std::string(field) + " must be a W3C date-time, e.g. 2026-03-09T08:00:00+07:00."));
    }
    return *t;
  };
  auto start = instant(q.start_date, "start_date");
  if (!start) return tl::unexpected(start.error());
  auto end = instant(q.end_date, "end_date");
  if (!end) return tl::unexpected(end.error());
  constexpr std::int64_t kSpan = std::int64_t{kOpen311MaxDays} * 86400;
  // GeoReport: without dates, the last 90 days; a range may not span more than 90 days. A list of
  // ids is looked up whatever its dates.
  if (q.service_request_ids.empty()) {
    if (!*start && !*end) {
      *start = Instant{now.seconds - kSpan};
      *end = now;
    } else if (!*start) {
      *start = Instant{(*end)->seconds - kSpan};
    } else if (!*end) {
      *end = Instant{(*start)->seconds + kSpan};
    }
    if ((*end)->seconds < (*start)->seconds || (*end)->seconds - (*start)->seconds > kSpan) {
      return tl::unexpected(bad_request("end_date",
                                        "Khoảng start_date–end_date phải từ 0 đến 90 ngày.",
                                        "start_date to end_date must span 0 to 90 days."));
    }
  }
  if (*start) filter.from = to_iso(**start, offset);
  if (*end) filter.to = to_iso(**end, offset);
  std::vector<Open311RequestView> out;
  for (const auto& row : store::list_open311_requests(db, filter))
    out.push_back(view_of(db, services, row));
  return out;
}

AppResult<Open311RequestView> open311_request(store::SqlConnection& db,
                                              const Open311Services& services,
                                              const std::string& id,
                                              const std::string& jurisdiction_id) {
  if (auto ok = check_jurisdiction(db, jurisdiction_id); !ok) return tl::unexpected(ok.error());
  store::Open311Filter filter;
  filter.codes = {id};
  filter.limit = 1;
  const auto rows = store::list_open311_requests(db, filter);
  if (rows.empty()) {
    return tl::unexpected(not_found_open311("service_request_id",
                                            "Không tìm thấy yêu cầu '" + id + "'.",
                                            "Service request '" + id + "' not found."));
  }
  return view_of(db, services, rows.front());
}

AppResult<IssuedOpen311Key> issue_open311_key(store::SqlConnection& db, const Actor& actor,
                                              const std::string& label,
                                              const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (label.empty() || label.size() > 200) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "label",
                                   "Cần ghi tên ứng dụng nhận khóa (label, tối đa 200 byte).",
                                   "label names the client the key is issued to (at most 200 "
                                   "bytes).",
                                   "label"});
  }
  IssuedOpen311Key out{"o311_" + random_token(9), label, random_token(24), now_iso};
  store::insert_open311_key(
      db, {out.id, store::sha256_hex(out.api_key), label, actor.user_id, now_iso, ""});
  store::append_audit(db, {0, actor.user_id, now_iso, "open311.key_issued", out.id, "",
                           codec::flat_object_text({{"label", label}})});
  return out;
}

AppResult<RevokedOpen311Key> revoke_open311_key(store::SqlConnection& db, const Actor& actor,
                                                const std::string& id, const std::string& reason,
                                                const std::string& now_iso) {
  if (auto ok = require_administrator(actor); !ok) return tl::unexpected(ok.error());
  if (!store::revoke_open311_key(db, id, now_iso)) return tl::unexpected(not_found("key " + id));
  store::append_audit(db, {0, actor.user_id, now_iso, "open311.key_revoked", id, reason, "{}"});
  return RevokedOpen311Key{id, now_iso};
}

}  // namespace motcua::app
