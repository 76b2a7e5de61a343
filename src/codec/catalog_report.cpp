#include "codec/catalog_report.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

namespace {

json::object rejection_json(const Rejection& r) {
  return json::object{
      {"line", r.line}, {"code", r.code}, {"reason", to_string(r.reason)}, {"detail", r.detail}};
}

}  // namespace

bool needs_report(const CatalogLineResult& result) { return !result || !result->warnings.empty(); }

std::string render_report_line(const CatalogLineResult& result) {
  if (!result) {
    json::object o = rejection_json(result.error());
    o["status"] = "rejected";
    return json::serialize(o);
  }
  json::array warnings;
  for (const catalog::ImportWarning& w : result->warnings) {
    warnings.push_back(json::object{{"kind", catalog::to_string(w.kind)},
                                    {"field", w.field},
                                    {"raw", w.raw},
                                    {"detail", w.detail}});
  }
  json::object o{{"line", result->line},
                 {"code", result->procedure.code},
                 {"format", to_string(result->format)},
                 {"status", result->warnings.empty() ? "imported" : "imported_with_warnings"},
                 {"warnings", std::move(warnings)}};
  return json::serialize(o);
}

std::string render_summary_json(const ImportSummary& s) {
  json::object by_kind;
  for (const catalog::WarningKind kind : catalog::kAllWarningKinds) {
    const auto it = s.warnings_by_kind.find(kind);
    by_kind[catalog::to_string(kind)] = it == s.warnings_by_kind.end() ? 0 : it->second;
  }
  json::object by_format;
  for (const auto& [format, count] : s.imported_by_format) by_format[to_string(format)] = count;
  json::array rejections;
  for (const Rejection& r : s.rejected) rejections.push_back(rejection_json(r));
  const json::object o{{"lines", s.lines},
                       {"records", s.records()},
                       {"blank", s.blank},
                       {"imported", s.imported},
                       {"imported_with_warnings", s.imported_with_warnings},
                       {"rejected", s.rejected.size()},
                       {"warnings", s.warnings()},
                       {"warnings_by_kind", std::move(by_kind)},
                       {"imported_by_format", std::move(by_format)},
                       {"rejections", std::move(rejections)}};
  return json::serialize(o);
}

}  // namespace motcua::codec
