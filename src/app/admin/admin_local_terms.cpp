#include "app/admin/admin_local_terms.hpp"

#include <algorithm>

#include "app/dossier/dossier_access.hpp"
#include "store/audit_log.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

constexpr const char* kLatestProcedure =
    "SELECT document FROM procedures WHERE code = ? ORDER BY version DESC LIMIT 1";
constexpr const char* kAgencyExists = "SELECT 1 FROM agencies WHERE id = ?";
constexpr const char* kInsert =
    "INSERT INTO procedure_agency_terms(code, agency_id, limits, rule, fees_note, "
    "receiving_address, note, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?)";
constexpr const char* kUpdate =
    "UPDATE procedure_agency_terms SET limits = ?, rule = ?, fees_note = ?, receiving_address = ?, "
    "note = ?, version = ?, updated_by = ?, updated_at = ? WHERE code = ? AND agency_id = ? AND "
    "version = ?";
constexpr std::size_t kMaxText = 2000;

json::object field_problem(std::string_view field, std::string_view code, const std::string& vi,
                           const std::string& en) {
  return {{"field", field}, {"code", code}, {"message_vi", vi}, {"message_en", en}};
}

std::string text_member(const json::object& o, std::string_view key, json::array& problems) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) return {};
  if (!v->is_string() || v->as_string().size() > kMaxText) {
    problems.push_back(field_problem(key, "invalid_text", "Cần một chuỗi tối đa 2000 ký tự.",
                                     "A string of at most 2000 characters is expected."));
    return {};
  }
  return std::string(v->as_string());
}

json::object catalog_part(const json::object& doc) {
  json::object out;
  for (const char* key : {"limits", "rule", "receiving_address"}) {
    if (const auto* v = doc.if_contains(key)) out[key] = *v;
  }
  return out;
}

}  // namespace

AppResult<json::object> local_terms_view(store::SqlConnection& db, const std::string& code,
                                         const std::string& agency_id) {
  const auto row = db.query_one(kLatestProcedure, {code});
  if (!row) return tl::unexpected(not_found("procedure " + code));
  if (agency_id.empty() || !db.query_one(kAgencyExists, {agency_id})) {
    return tl::unexpected(not_found("agency " + agency_id));
  }
  boost::system::error_code ec;
  auto doc = json::parse(row->text(0), ec);
  if (ec || !doc.is_object()) throw store::StoreError("procedure " + code + " is not JSON");
  const auto own = own_agency_terms(db, code, agency_id);
  const auto nearest = own ? own : nearest_agency_terms(db, code, agency_id);
  const auto effective = apply_local_terms(db, doc.as_object(), code, agency_id);
  return json::object{
      {"code", code},
      {"agency_id", agency_id},
      {"own", own ? json::value(to_json(*own)) : json::value(nullptr)},
      {"inherited", !own && nearest ? json::value(to_json(*nearest)) : json::value(nullptr)},
      {"catalog", catalog_part(doc.as_object())},
      {"effective", catalog_part(effective)}};
}

LocalTermsDraft read_local_terms_draft(const json::value& body) {
  LocalTermsDraft d;
  if (!body.is_object()) {
    d.problems.push_back(field_problem("", "malformed", "Nội dung phải là một đối tượng JSON.",
                                       "The body must be a JSON object."));
    return d;
  }
  const auto& o = body.as_object();
  if (const auto* limits = o.if_contains("limits"); limits != nullptr && !limits->is_null()) {
    if (!limits->is_object()) {
      d.problems.push_back(field_problem("limits", "invalid_limits",
                                         "Thời hạn phải là đối tượng theo kênh nộp.",
                                         "Limits must be an object keyed by channel."));
    } else {
      for (const auto& [channel, value] : limits->as_object()) {
        const std::string field = "limits." + std::string(channel);
        if (!clock::parse_channel(channel)) {
          d.problems.push_back(field_problem(field, "unknown_channel",
                                             "Kênh nộp không hợp lệ (counter, online, post).",
                                             "Unknown channel (counter, online, post)."));
          continue;
        }
        if (value.is_string() && value.as_string().empty()) continue;  // cleared: inherited
        const auto parsed = value.is_string()
                                ? clock::parse_time_limit(std::string(value.as_string()))
                                : tl::unexpected(std::string("not a string"));
        if (!parsed || parsed->amount <= 0) {
          d.problems.push_back(field_problem(
              field, "invalid_time_limit",
              "Thời hạn không hợp lệ; ví dụ \"5 working-days\", \"15 days\", \"8 hours\".",
              "Not a time limit; e.g. \"5 working-days\", \"15 days\", \"8 hours\"."));
          continue;
        }
        d.terms.limits[channel] = clock::to_string(*parsed);
      }
    }
  }
  d.terms.rule = text_member(o, "rule", d.problems);
  if (!d.terms.rule.empty() && !clock::parse_deadline_rule(d.terms.rule)) {
    d.problems.push_back(field_problem("rule", "unknown_rule",
                                       "Cách tính hạn không hợp lệ (standard, civil-code).",
                                       "Unknown deadline rule (standard, civil-code)."));
  }
  d.terms.fees_note = text_member(o, "fees_note", d.problems);
  d.terms.receiving_address = text_member(o, "receiving_address", d.problems);
  d.terms.note = text_member(o, "note", d.problems);
  d.reason = text_member(o, "reason", d.problems);
  if (const auto* v = o.if_contains("expected_version"); v != nullptr) {
    if (v->is_int64() && v->as_int64() >= 0) {
      d.expected_version = v->as_int64();
    } else {
      d.problems.push_back(field_problem("expected_version", "invalid_version",
                                         "Phiên bản phải là số nguyên không âm.",
                                         "The version must be a non-negative integer."));
    }
  }
  return d;
}

AppResult<json::object> save_local_terms(store::SqlConnection& db, const Actor& actor,
                                         const std::string& code, const std::string& agency_id,
                                         const LocalTermsDraft& draft, const std::string& now_iso) {
  if (!db.query_one(kLatestProcedure, {code}))
    return tl::unexpected(not_found("procedure " + code));
  if (!db.query_one(kAgencyExists, {agency_id})) {
    return tl::unexpected(not_found("agency " + agency_id));
  }
  const auto scope = scoped_agencies(db, actor, dossier::Role::administrator);
  if (actor.applicant || std::find(scope.begin(), scope.end(), agency_id) == scope.end()) {
    return tl::unexpected(
        forbidden_action("administrator rights over agency " + agency_id + " are needed"));
  }
  if (!draft.problems.empty()) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "invalid_local_terms", "Chi tiết địa phương chưa hợp lệ.",
        "The local details are not valid.", std::to_string(draft.problems.size()) + " problem(s)"});
  }
  if (draft.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "reason_required",
                                   "Cần ghi lý do thay đổi.",
                                   "A reason for the change is required.", ""});
  }
  const auto before = own_agency_terms(db, code, agency_id);
  const std::int64_t current = before ? before->version : 0;
  if (draft.expected_version != current) {
    return tl::unexpected(conflict("local_terms_version_mismatch",
                                   "Chi tiết địa phương vừa được người khác thay đổi; hãy tải lại.",
                                   "The local details were changed by someone else; reload them.",
                                   "stored version " + std::to_string(current)));
  }
  AgencyTerms next = draft.terms;
  next.agency_id = agency_id;
  next.version = current + 1;
  next.updated_by = actor.user_id;
  next.updated_at = now_iso;
  const std::string limits = json::serialize(next.limits);
  if (before) {
    const auto changed = db.execute(
        kUpdate, {limits, next.rule, next.fees_note, next.receiving_address, next.note,
                  next.version, next.updated_by, next.updated_at, code, agency_id, current});
    if (changed != 1) throw store::ConstraintError("local terms changed concurrently");
  } else {
    db.execute(kInsert, {code, agency_id, limits, next.rule, next.fees_note, next.receiving_address,
                         next.note, next.version, next.updated_by, next.updated_at});
  }
  const json::object details{
      {"version", next.version},
      {"before", before ? json::value(to_json(*before)) : json::value(nullptr)},
      {"after", to_json(next)}};
  store::append_audit(
      db, {0, actor.user_id, now_iso, "procedure.local_terms_saved",
           "procedure:" + code + "@" + agency_id, draft.reason, json::serialize(details)});
  return local_terms_view(db, code, agency_id);
}

}  // namespace motcua::app
