// Browsing the catalog by field, level and implementing agency (with the count of each value,
// for facets), and the most-used procedures for the home page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/queries/officer_views.hpp"
#include "store/sql.hpp"

namespace motcua::app {

// Empty members do not filter.
struct CatalogFilterInput {
  std::string field;
  std::string level;
  std::string agency;
  bool any() const { return !field.empty() || !level.empty() || !agency.empty(); }
};

struct CatalogFacetCount {
  std::string value;
  std::int64_t count = 0;
};

struct CatalogFacetsView {
  std::int64_t total = 0;
  std::vector<CatalogFacetCount> fields;
  std::vector<CatalogFacetCount> levels;
  std::vector<CatalogFacetCount> agencies;
};

struct MostUsedProcedure {
  std::string code;
  std::string name;
  std::int64_t dossiers = 0;
};

// Agencies are many (the catalog writes each ministry's and department's name): the facet lists
// the most frequent ones.
inline constexpr int kFacetValuesAtMost = 40;
// "Most used" counts the dossiers of the last twelve months.
inline constexpr int kMostUsedMonths = 12;

// The newest versions matching `filter` and the words of `q` (accent-insensitive), shortest
// names first; match "exact".
std::vector<ProcedureMatch> browse_procedures(store::SqlConnection& db,
                                              const CatalogFilterInput& filter,
                                              const std::string& q, int limit);

CatalogFacetsView catalog_facets(store::SqlConnection& db, const CatalogFilterInput& filter);

// `today` is the ISO date of today; dossiers created since the same day twelve months earlier.
std::vector<MostUsedProcedure> most_used_procedures(store::SqlConnection& db,
                                                    const std::string& today, int limit);

}  // namespace motcua::app
