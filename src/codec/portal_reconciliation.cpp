#include "codec/portal_reconciliation.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

std::string portal_reconciliation_to_text(const PortalReconciliation& r) {
  boost::json::array differences;
  for (const auto& d : r.differences) {
    differences.push_back(boost::json::object{{"dossier_code", d.dossier_code},
                                              {"kind", d.kind},
                                              {"here", d.here},
                                              {"portal", d.portal}});
  }
  return boost::json::serialize(boost::json::object{{"ran_at", r.ran_at},
                                                    {"portal_url", r.portal_url},
                                                    {"dossiers_here", r.dossiers_here},
                                                    {"dossiers_portal", r.dossiers_portal},
                                                    {"differences", std::move(differences)}});
}

}  // namespace motcua::codec
