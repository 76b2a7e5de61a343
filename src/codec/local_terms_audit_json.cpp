#include "codec/local_terms_audit_json.hpp"

#include <boost/json.hpp>

#include "codec/channel_limits_json.hpp"

namespace motcua::codec {

namespace json = boost::json;

std::string local_terms_saved_details(std::int64_t version, const std::optional<LocalTerms>& before,
                                      const LocalTerms& after) {
  return json::serialize(json::object{
      {"version", version},
      {"before", before ? json::value(local_terms_json(*before)) : json::value(nullptr)},
      {"after", local_terms_json(after)}});
}

}  // namespace motcua::codec
