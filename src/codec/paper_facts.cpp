#include "codec/paper_facts.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

std::string paper_attached_to_text(const PaperAttached& f) {
  boost::json::object out{{"paper_id", f.paper_id},   {"name", f.name},
                          {"file_name", f.file_name}, {"content_type", f.content_type},
                          {"size", f.size},           {"sha256", f.sha256}};
  if (!f.reused_from.empty()) out["reused_from"] = f.reused_from;
  return boost::json::serialize(out);
}

}  // namespace motcua::codec

namespace motcua::codec {

std::string stored_paper_details(const std::string& name, const std::string& sha256,
                                 const std::string& source_dossier_id) {
  return boost::json::serialize(boost::json::object{
      {"name", name}, {"sha256", sha256}, {"source_dossier_id", source_dossier_id}});
}

}  // namespace motcua::codec
