#include "codec/official_notice.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

std::string official_notice_to_text(const OfficialNotice& n) {
  boost::json::array recipients;
  for (const auto& r : n.recipients) recipients.emplace_back(r);
  return boost::json::serialize(boost::json::object{{"kind", n.kind},
                                                    {"dossier_id", n.dossier_id},
                                                    {"dossier_code", n.dossier_code},
                                                    {"agency_id", n.agency_id},
                                                    {"step", n.step},
                                                    {"due", n.due},
                                                    {"recipients", std::move(recipients)},
                                                    {"message_vi", n.message_vi},
                                                    {"message_en", n.message_en},
                                                    {"at", n.at}});
}

}  // namespace motcua::codec
