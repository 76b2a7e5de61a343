#include "api/json/result_json.hpp"

#include <boost/json.hpp>

namespace motcua::store {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ResultFileRecord& r) {
  out = boost::json::object{{"dossier_id", r.dossier_id},
                            {"file_name", r.file_name},
                            {"size", r.size},
                            {"sha256", r.sha256},
                            {"source", r.source},
                            {"signer_subject", r.signer_subject},
                            {"signed_at", r.signed_at},
                            {"attached_by", r.attached_by},
                            {"attached_at", r.attached_at},
                            {"download_url", "/api/v1/dossiers/" + r.dossier_id + "/result.pdf"}};
}

}  // namespace motcua::store
