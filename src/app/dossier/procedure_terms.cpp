#include "app/dossier/procedure_terms.hpp"

#include <boost/json.hpp>

#include "store/agency_repository.hpp"
#include "store/catalog_repository.hpp"
#include "store/procedure_terms_repository.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {
// The agency tree is shallow (province, department or commune); a cycle must not loop forever.
constexpr int kMaxDepth = 16;

std::string limit_text(const json::object& doc, clock::Channel channel) {
  const auto* limits = doc.if_contains("limits");
  if (limits == nullptr || !limits->is_object()) return {};
  const auto& l = limits->as_object();
  if (const auto* v = l.if_contains(clock::to_string(channel)); v != nullptr && v->is_string()) {
    return std::string(v->as_string());
  }
  // A channel without its own limit uses the counter's, then any other (the national data often
  // lists one channel only).
  for (const char* other : {"counter", "online", "post"}) {
    if (const auto* v = l.if_contains(other); v != nullptr && v->is_string()) {
      return std::string(v->as_string());
    }
  }
  return {};
}

void merge_limits(json::object& doc, const json::object& local_limits) {
  json::object limits = doc.contains("limits") && doc["limits"].is_object()
                            ? doc["limits"].as_object()
                            : json::object{};
  for (const auto& [channel_name, value] : local_limits) limits[channel_name] = value;
  doc["limits"] = std::move(limits);
}

// Province-wide terms (procedure_local_terms), then the agency's: each overrides what it sets.
std::optional<AgencyTerms> merge_local(store::SqlConnection& db, json::object& doc,
                                       const std::string& code, const std::string& agency_id) {
  boost::system::error_code ec;
  if (const auto local = store::province_terms(db, code)) {
    const auto local_limits = json::parse(local->limits, ec);
    if (!ec && local_limits.is_object()) merge_limits(doc, local_limits.as_object());
    if (!local->rule.empty()) doc["rule"] = local->rule;
  }
  if (agency_id.empty()) return std::nullopt;
  auto terms = nearest_agency_terms(db, code, agency_id);
  if (!terms) return std::nullopt;
  merge_limits(doc, terms->limits);
  if (!terms->rule.empty()) doc["rule"] = terms->rule;
  if (!terms->receiving_address.empty()) doc["receiving_address"] = terms->receiving_address;
  return terms;
}
}  // namespace

std::optional<AgencyTerms> own_agency_terms(store::SqlConnection& db, const std::string& code,
                                            const std::string& agency_id) {
  auto row = store::agency_terms(db, code, agency_id);
  if (!row) return std::nullopt;
  boost::system::error_code ec;
  auto limits = json::parse(row->limits, ec);
  if (ec || !limits.is_object()) {
    throw store::StoreError("local terms of " + code + " at " + agency_id + " are not JSON");
  }
  return AgencyTerms{std::move(row->agency_id),
                     std::move(limits.as_object()),
                     std::move(row->rule),
                     std::move(row->fees_note),
                     std::move(row->receiving_address),
                     std::move(row->note),
                     row->version,
                     std::move(row->updated_by),
                     std::move(row->updated_at)};
}

std::optional<AgencyTerms> nearest_agency_terms(store::SqlConnection& db, const std::string& code,
                                                const std::string& agency_id) {
  std::string at = agency_id;
  for (int depth = 0; depth < kMaxDepth && !at.empty(); ++depth) {
    if (auto own = own_agency_terms(db, code, at)) return own;
    const auto parent = store::parent_of(db, at);
    if (!parent) break;
    at = *parent;
  }
  return std::nullopt;
}

json::object to_json(const AgencyTerms& t) {
  return {{"agency_id", t.agency_id},
          {"limits", t.limits},
          {"rule", t.rule},
          {"fees_note", t.fees_note},
          {"receiving_address", t.receiving_address},
          {"note", t.note},
          {"version", t.version},
          {"updated_by", t.updated_by},
          {"updated_at", t.updated_at}};
}

json::object apply_local_terms(store::SqlConnection& db, json::object document,
                               const std::string& code, const std::string& agency_id) {
  const auto terms = merge_local(db, document, code, agency_id);
  if (terms) {
    document["local_terms"] = json::object{{"agency_id", agency_id},
                                           {"from_agency_id", terms->agency_id},
                                           {"fees_note", terms->fees_note},
                                           {"note", terms->note},
                                           {"version", terms->version}};
  } else {
    document["local_terms"] = nullptr;
  }
  return document;
}

AppResult<ProcedureTerms> load_procedure_terms(store::SqlConnection& db, const std::string& code,
                                               clock::Channel channel, const std::string& today,
                                               const std::string& agency_id) {
  const auto row = store::procedure_in_force(db, code, today);
  if (!row) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "unknown_procedure",
                                   "Thủ tục hành chính không tồn tại.",
                                   "No such administrative procedure.", code});
  }
  ProcedureTerms terms{code, row->version, row->name, {}};
  boost::system::error_code ec;
  const auto doc = json::parse(row->document, ec);
  if (ec || !doc.is_object())
    throw store::StoreError("procedure " + code + " document is not JSON");
  // Local details override the catalog's, channel by channel.
  json::object merged = doc.as_object();
  merge_local(db, merged, code, agency_id);
  const auto limit = clock::parse_time_limit(limit_text(merged, channel));
  if (!limit) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "procedure_without_time_limit",
        "Thủ tục chưa có thời hạn giải quyết; cần khai báo thời hạn trước khi tiếp nhận hồ sơ.",
        "The procedure has no time limit; set one before receiving dossiers.", code});
  }
  terms.clock.limit = *limit;
  terms.clock.channel = channel;
  if (const auto* rule = merged.if_contains("rule"); rule != nullptr && rule->is_string()) {
    if (auto r = clock::parse_deadline_rule(std::string(rule->as_string()))) terms.clock.rule = *r;
  }
  return terms;
}

}  // namespace motcua::app
