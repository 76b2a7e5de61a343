#include "app/queries/procedure_search.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "domain/text/fold.hpp"
#include "domain/text/fuzzy.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

constexpr const char* kLatestOnly =
    "SELECT p.code, p.version, p.name, p.field, p.level FROM procedures p WHERE p.version = "
    "(SELECT MAX(version) FROM procedures WHERE code = p.code)";
constexpr const char* kAllLatest =
    "SELECT p.code, p.version, p.name, p.field, p.level, p.name_folded FROM procedures p WHERE "
    "p.version = (SELECT MAX(version) FROM procedures WHERE code = p.code)";

// LIKE wildcards in user text are literal characters.
std::string like_escaped(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

json::object item(const store::SqlRow& row, const char* match) {
  return {{"code", row.text(0)},  {"version", row.integer(1)}, {"name", row.text(2)},
          {"field", row.text(3)}, {"level", row.text(4)},      {"match", match}};
}

}  // namespace

json::array search_procedures(store::SqlConnection& db, const std::string& q, int limit) {
  const auto words = text::search_tokens(q);
  std::string sql = kLatestOnly;
  std::vector<store::SqlValue> params;
  if (!words.empty()) {
    sql += " AND (p.code LIKE ? ESCAPE '\\' OR (1 = 1";
    params.emplace_back(like_escaped(q) + "%");
    for (const auto& w : words) {
      sql += " AND p.name_folded LIKE ? ESCAPE '\\'";
      params.emplace_back("%" + like_escaped(w) + "%");
    }
    sql += "))";
  }
  sql += " ORDER BY length(p.name), p.code LIMIT ?";
  params.emplace_back(std::int64_t{limit});
  json::array out;
  std::set<std::string> found;
  for (const auto& row : db.query(sql, params)) {
    found.insert(row.text(0));
    out.push_back(item(row, "exact"));
  }
  if (words.empty() || out.size() >= kFuzzyFallbackBelow ||
      out.size() >= static_cast<std::size_t>(limit)) {
    return out;
  }
  std::string folded_query;
  for (const auto& w : words) folded_query += (folded_query.empty() ? "" : " ") + w;
  std::vector<store::SqlRow> close;
  for (auto& row : db.query(kAllLatest)) {
    if (found.count(row.text(0)) == 0 && text::fuzzy_match(folded_query, row.text(5)))
      close.push_back(std::move(row));
  }
  // Shorter names first, as for exact matches: a short name matching every word is the closer one.
  std::sort(close.begin(), close.end(), [](const store::SqlRow& a, const store::SqlRow& b) {
    const auto la = a.text(2).size(), lb = b.text(2).size();
    return la != lb ? la < lb : a.text(0) < b.text(0);
  });
  for (const auto& row : close) {
    if (out.size() >= static_cast<std::size_t>(limit)) break;
    out.push_back(item(row, "fuzzy"));
  }
  return out;
}

}  // namespace motcua::app
