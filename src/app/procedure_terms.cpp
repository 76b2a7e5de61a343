#include "app/procedure_terms.hpp"

#include <boost/json.hpp>

namespace motcua::app {

namespace json = boost::json;

namespace {
constexpr const char* kLocalTerms = "SELECT limits, rule FROM procedure_local_terms WHERE code = ?";
constexpr const char* kProcedureInForce =
    "SELECT version, name, document FROM procedures WHERE code = ? AND effective_from <= ? "
    "ORDER BY version DESC LIMIT 1";

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
}  // namespace

AppResult<ProcedureTerms> load_procedure_terms(store::SqlConnection& db, const std::string& code,
                                               clock::Channel channel, const std::string& today) {
  const auto row = db.query_one(kProcedureInForce, {code, today});
  if (!row) {
    return tl::unexpected(AppError{422, "unknown_procedure", "Thủ tục hành chính không tồn tại.",
                                   "No such administrative procedure.", code});
  }
  ProcedureTerms terms{code, row->integer(0), row->text(1), {}};
  boost::system::error_code ec;
  const auto doc = json::parse(row->text(2), ec);
  if (ec || !doc.is_object())
    throw store::StoreError("procedure " + code + " document is not JSON");
  // Local details override the catalog's, channel by channel.
  json::object merged = doc.as_object();
  std::string local_rule;
  if (const auto local = db.query_one(kLocalTerms, {code})) {
    const auto local_limits = json::parse(local->text(0), ec);
    if (!ec && local_limits.is_object()) {
      json::object limits = merged.contains("limits") && merged["limits"].is_object()
                                ? merged["limits"].as_object()
                                : json::object{};
      for (const auto& [channel_name, value] : local_limits.as_object())
        limits[channel_name] = value;
      merged["limits"] = std::move(limits);
    }
    local_rule = local->text(1);
  }
  if (!local_rule.empty()) merged["rule"] = local_rule;
  const auto limit = clock::parse_time_limit(limit_text(merged, channel));
  if (!limit) {
    return tl::unexpected(AppError{
        422, "procedure_without_time_limit",
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
