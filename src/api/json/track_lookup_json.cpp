#include "api/json/track_lookup_json.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"
#include "domain/dossier/status.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

json::value text_or_null(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const OwnDossierItem& item) {
  out = json::object{{"code", text_or_null(item.code)},
                     {"tracking_secret", text_or_null(item.tracking_secret)},
                     {"procedure_name", item.procedure_name},
                     {"status", dossier::to_string(item.status)},
                     {"status_label_vi", item.status_label_vi},
                     {"status_label_en", item.status_label_en},
                     {"submitted_at", text_or_null(item.submitted_at)},
                     {"received_at", text_or_null(item.received_at)},
                     {"due", text_or_null(item.due)}};
}

}  // namespace motcua::app

namespace motcua::api {

app::OwnDossierLookup own_dossier_lookup_from_json(const boost::json::value& body) {
  const auto* o = body.if_object();
  if (o == nullptr) return {};
  return {codec::text_field(*o, "id_number"), codec::text_field(*o, "phone")};
}

}  // namespace motcua::api
