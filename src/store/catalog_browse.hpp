// Browsing the catalog instead of searching it: the newest versions filtered by field (lĩnh vực),
// level (cấp) and implementing agency (cơ quan thực hiện, as the catalog writes it), the counts
// of each value within the current filter (facets), and the procedures most used by dossiers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/catalog_repository.hpp"
#include "store/sql.hpp"

namespace motcua::store {

// Empty members do not filter.
struct CatalogFilter {
  std::string field;
  std::string level;
  std::string agency;
};

struct FacetCount {
  std::string value;
  std::int64_t count = 0;
};

struct CatalogFacets {
  std::int64_t total = 0;  // procedures matching the filter
  std::vector<FacetCount> fields;
  std::vector<FacetCount> levels;
  std::vector<FacetCount> agencies;
};

// The newest versions matching `filter` and, when given, containing every folded word in their
// folded name; shortest names first, at most `limit` (without documents).
std::vector<ProcedureVersionRow> browse_latest_procedures(
    SqlConnection& db, const CatalogFilter& filter, const std::vector<std::string>& folded_words,
    int limit);

// Counts per field, level and agency among the newest versions matching `filter`, most
// frequent first, at most `per_facet` values each (empty values left out).
CatalogFacets catalog_facets(SqlConnection& db, const CatalogFilter& filter, int per_facet);

struct ProcedureUse {
  std::string code;
  std::string name;  // the newest version's
  std::int64_t dossiers = 0;
};

// Procedures by number of dossiers created on or after `since` (an ISO date), most first.
std::vector<ProcedureUse> most_used_procedures(SqlConnection& db, const std::string& since,
                                               int limit);

}  // namespace motcua::store
