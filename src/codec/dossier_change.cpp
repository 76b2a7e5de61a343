#include "codec/dossier_change.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

std::string dossier_change_to_text(const DossierChange& c) {
  return boost::json::serialize(boost::json::object{{"dossier_id", c.dossier_id},
                                                    {"dossier_code", c.dossier_code},
                                                    {"event", c.event},
                                                    {"status", c.status},
                                                    {"portal_status", c.portal_status},
                                                    {"at", c.at}});
}

}  // namespace motcua::codec
