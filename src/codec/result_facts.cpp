#include "codec/result_facts.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

std::string result_attached_to_text(const ResultAttached& f) {
  return boost::json::serialize(boost::json::object{{"file_name", f.file_name},
                                                    {"size", f.size},
                                                    {"sha256", f.sha256},
                                                    {"source", f.source},
                                                    {"signer_subject", f.signer_subject},
                                                    {"signed_at", f.signed_at}});
}

}  // namespace motcua::codec
