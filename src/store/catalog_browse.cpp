#include "store/catalog_browse.hpp"

#include <limits>

#include "store/dossier_times.hpp"

namespace motcua::store {

namespace {

constexpr const char* kLatestOnly =
    " FROM procedures p WHERE p.version = (SELECT MAX(version) FROM procedures WHERE code = "
    "p.code)";

// The implementing agency lives only in the stored document (a JSON text column).
std::string agency_expression(const SqlConnection& db) {
  return db.dialect() == Dialect::postgres
             ? "COALESCE(p.document::jsonb ->> 'implementing_agency', '')"
             : "COALESCE(json_extract(p.document, '$.implementing_agency'), '')";
}

std::string escaped_like(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Only fixed clauses and '?' placeholders are appended; every value is a parameter.
void add_filter(const SqlConnection& db, const CatalogFilter& filter, std::string& sql,
                std::vector<SqlValue>& params) {
  if (!filter.field.empty()) {
    sql += " AND p.field = ?";
    params.emplace_back(filter.field);
  }
  if (!filter.level.empty()) {
    sql += " AND p.level = ?";
    params.emplace_back(filter.level);
  }
  if (!filter.agency.empty()) {
    sql += " AND " + agency_expression(db) + " = ?";
    params.emplace_back(filter.agency);
  }
}

std::vector<FacetCount> facet(SqlConnection& db, const std::string& expression,
                              const CatalogFilter& filter, int per_facet) {
  std::string sql = "SELECT " + expression + " AS v, COUNT(*)" + kLatestOnly;
  std::vector<SqlValue> params;
  add_filter(db, filter, sql, params);
  sql += " GROUP BY v ORDER BY COUNT(*) DESC, v LIMIT ?";
  params.emplace_back(std::int64_t{per_facet + 1});
  std::vector<FacetCount> out;
  for (const auto& r : db.query(sql, params)) {
    if (r.text(0).empty() || static_cast<int>(out.size()) >= per_facet) continue;
    out.push_back({r.text(0), r.integer(1)});
  }
  return out;
}

}  // namespace

std::vector<ProcedureVersionRow> browse_latest_procedures(
    SqlConnection& db, const CatalogFilter& filter, const std::vector<std::string>& folded_words,
    int limit) {
  std::string sql = std::string(
                        "SELECT p.code, p.version, p.name, p.name_folded, p.field, p.level, "
                        "p.effective_from") +
                    kLatestOnly;
  std::vector<SqlValue> params;
  add_filter(db, filter, sql, params);
  for (const auto& w : folded_words) {
    sql += " AND p.name_folded LIKE ? ESCAPE '\\'";
    params.emplace_back("%" + escaped_like(w) + "%");
  }
  sql += " ORDER BY length(p.name), p.code LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  std::vector<ProcedureVersionRow> out;
  for (const auto& r : db.query(sql, params)) {
    out.push_back(
        {r.text(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6), ""});
  }
  return out;
}

CatalogFacets catalog_facets(SqlConnection& db, const CatalogFilter& filter, int per_facet) {
  CatalogFacets out;
  std::string sql = std::string("SELECT COUNT(*)") + kLatestOnly;
  std::vector<SqlValue> params;
  add_filter(db, filter, sql, params);
  if (const auto r = db.query_one(sql, params)) out.total = r->integer(0);
  out.fields = facet(db, "p.field", filter, per_facet);
  out.levels = facet(db, "p.level", filter, per_facet);
  out.agencies = facet(db, agency_expression(db), filter, per_facet);
  return out;
}

std::vector<ProcedureUse> most_used_procedures(SqlConnection& db, const std::string& since,
                                               int limit) {
  std::vector<ProcedureUse> out;
  // Creation times are epoch seconds (migration 0068): `since` is a local date (or a time); one
  // that is neither ("0000-00-00") counts every dossier, as the text comparison did.
  const auto from = bound_seconds(since);
  for (const auto& r :
       db.query("SELECT d.procedure_code, COUNT(*) FROM dossiers d WHERE d.created_s >= ? "
                "GROUP BY d.procedure_code ORDER BY COUNT(*) DESC, d.procedure_code LIMIT ?",
                {from ? *from : std::numeric_limits<std::int64_t>::min(), std::int64_t{limit}})) {
    out.push_back({r.text(0), latest_procedure_name(db, r.text(0)), r.integer(1)});
  }
  return out;
}

}  // namespace motcua::store
