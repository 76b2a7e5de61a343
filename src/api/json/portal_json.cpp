#include "api/json/portal_json.hpp"

namespace motcua::app::portal {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ReconciliationView& v) {
  boost::json::object o;
  o["ran_at"] = v.ran_at ? boost::json::value(*v.ran_at) : boost::json::value(nullptr);
  // The report was written by codec/portal_reconciliation.hpp; a row that does not parse is shown
  // as no report rather than failing the page.
  boost::system::error_code ec;
  auto report = v.report.empty() ? boost::json::value(nullptr) : boost::json::parse(v.report, ec);
  o["report"] = ec ? boost::json::value(nullptr) : std::move(report);
  out = std::move(o);
}

}  // namespace motcua::app::portal
