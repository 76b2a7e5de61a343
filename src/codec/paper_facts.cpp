#include "codec/paper_facts.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

std::string paper_attached_to_text(const PaperAttached& f) {
  return boost::json::serialize(boost::json::object{{"paper_id", f.paper_id},
                                                    {"name", f.name},
                                                    {"file_name", f.file_name},
                                                    {"content_type", f.content_type},
                                                    {"size", f.size},
                                                    {"sha256", f.sha256}});
}

}  // namespace motcua::codec
