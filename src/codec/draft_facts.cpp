#include "codec/draft_facts.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

std::string draft_update_to_text(const DraftUpdate& u) {
  boost::json::object changed;
  if (u.variant) changed["variant"] = *u.variant;
  if (u.applicant) changed["applicant"] = true;
  if (u.return_channel) changed["return_channel"] = *u.return_channel;
  return boost::json::serialize(changed);
}

}  // namespace motcua::codec
