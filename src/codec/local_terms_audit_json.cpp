#include "codec/local_terms_audit_json.hpp"

#include <boost/json.hpp>

#include "codec/channel_limits_json.hpp"

namespace motcua::codec {

namespace json = boost::json;

namespace {

json::object terms_json(const AuditLocalTerms& t) {
  return {{"agency_id", t.agency_id},
          {"limits", channel_limits_json(t.limits)},
          {"rule", t.rule},
          {"fees_note", t.fees_note},
          {"receiving_address", t.receiving_address},
          {"note", t.note},
          {"version", t.version},
          {"updated_by", t.updated_by},
          {"updated_at", t.updated_at}};
}

}  // namespace

std::string local_terms_saved_details(std::int64_t version,
                                      const std::optional<AuditLocalTerms>& before,
                                      const AuditLocalTerms& after) {
  return json::serialize(
      json::object{{"version", version},
                   {"before", before ? json::value(terms_json(*before)) : json::value(nullptr)},
                   {"after", terms_json(after)}});
}

}  // namespace motcua::codec
