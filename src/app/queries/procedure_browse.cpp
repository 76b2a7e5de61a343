#include "app/queries/procedure_browse.hpp"

#include "domain/text/fold.hpp"
#include "store/catalog_browse.hpp"

namespace motcua::app {

namespace {

store::CatalogFilter store_filter(const CatalogFilterInput& f) {
  return {f.field, f.level, f.agency};
}

std::vector<CatalogFacetCount> counts(const std::vector<store::FacetCount>& rows) {
  std::vector<CatalogFacetCount> out;
  for (const auto& r : rows) out.push_back({r.value, r.count});
  return out;
}

// "YYYY-MM-DD" twelve months before `today` (the same day; 29 February becomes the 28th, which
// only widens the window by a day).
std::string months_before(const std::string& today, int months) {
  if (today.size() < 10) return "0000-00-00";
  int year = std::stoi(today.substr(0, 4));
  int month = std::stoi(today.substr(5, 2)) - months;
  while (month < 1) {
    month += 12;
    --year;
  }
  std::string day = today.substr(8, 2);
  if (month == 2 && day > "28") day = "28";
  const std::string mm = (month < 10 ? "0" : "") + std::to_string(month);
  return std::to_string(year) + "-" + mm + "-" + day;
}

}  // namespace

std::vector<ProcedureMatch> browse_procedures(store::SqlConnection& db,
                                              const CatalogFilterInput& filter,
                                              const std::string& q, int limit) {
  std::vector<ProcedureMatch> out;
  for (const auto& row :
       store::browse_latest_procedures(db, store_filter(filter), text::search_tokens(q), limit)) {
    out.push_back({row.code, row.version, row.name, row.field, row.level, "exact"});
  }
  return out;
}

CatalogFacetsView catalog_facets(store::SqlConnection& db, const CatalogFilterInput& filter) {
  const auto facets = store::catalog_facets(db, store_filter(filter), kFacetValuesAtMost);
  return {facets.total, counts(facets.fields), counts(facets.levels), counts(facets.agencies)};
}

std::vector<MostUsedProcedure> most_used_procedures(store::SqlConnection& db,
                                                    const std::string& today, int limit) {
  std::vector<MostUsedProcedure> out;
  for (const auto& use :
       store::most_used_procedures(db, months_before(today, kMostUsedMonths), limit)) {
    out.push_back({use.code, use.name, use.dossiers});
  }
  return out;
}

}  // namespace motcua::app
