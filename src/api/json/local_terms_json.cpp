#include "api/json/local_terms_json.hpp"

#include <boost/json.hpp>

#include "codec/channel_limits_json.hpp"

namespace motcua::codec {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const LocalTerms& t) {
  out = local_terms_json(t);
}

}  // namespace motcua::codec

namespace motcua::app {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& out, const TermsPart& p) {
  json::object o;
  if (p.limits) o["limits"] = codec::channel_limits_json(*p.limits);
  if (p.rule) o["rule"] = *p.rule;
  if (p.receiving_address) o["receiving_address"] = *p.receiving_address;
  out = std::move(o);
}

void tag_invoke(json::value_from_tag, json::value& out, const LocalTermsView& v) {
  out = json::object{
      {"code", v.code},
      {"agency_id", v.agency_id},
      {"own", v.own ? json::value_from(*v.own) : json::value(nullptr)},
      {"inherited", v.inherited ? json::value_from(*v.inherited) : json::value(nullptr)},
      {"catalog", json::value_from(v.catalog)},
      {"effective", json::value_from(v.effective)}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

void apply_local_terms(json::object& document, const app::LocalTerms& local,
                       const std::string& agency_id) {
  // The document's own limits keep their order; a channel only the local terms set comes last.
  if (local.limits) {
    json::object limits = document.contains("limits") && document["limits"].is_object()
                              ? document["limits"].as_object()
                              : json::object{};
    for (const auto& [channel, limit] : *local.limits) limits[clock::to_string(channel)] = limit;
    document["limits"] = std::move(limits);
  }
  if (!local.rule.empty()) document["rule"] = local.rule;
  if (!local.receiving_address.empty()) document["receiving_address"] = local.receiving_address;
  if (local.agency) {
    document["local_terms"] = json::object{{"agency_id", agency_id},
                                           {"from_agency_id", local.agency->agency_id},
                                           {"fees_note", local.agency->fees_note},
                                           {"note", local.agency->note},
                                           {"version", local.agency->version}};
  } else {
    document["local_terms"] = nullptr;
  }
}

}  // namespace motcua::api
