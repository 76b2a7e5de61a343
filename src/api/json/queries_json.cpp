#include "api/json/queries_json.hpp"

#include <boost/json.hpp>

namespace motcua::app {

namespace json = boost::json;

namespace {

json::value optional_text(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object line_json(const TrackingBookLine& l) {
  json::value returned = nullptr;
  if (l.returned) {
    returned = json::object{{"at", l.returned->at},
                            {"receiver_name", l.returned->receiver_name},
                            {"channel", l.returned->channel}};
  }
  const auto number = [](const std::optional<std::int64_t>& n) {
    return n ? json::value(*n) : json::value(nullptr);
  };
  return {{"line", number(l.line)},
          {"volume", number(l.volume)},
          {"sets", l.sets},
          {"id", l.id},
          {"code", optional_text(l.code)},
          {"procedure_code", l.procedure_code},
          {"procedure_name", l.procedure_name},
          {"applicant_name", l.applicant_name},
          {"applicant_address", l.applicant_address},
          {"applicant_phone", l.applicant_phone},
          {"agency_id", l.agency_id},
          {"agency_name", l.agency_name},
          {"channel", l.channel},
          {"return_channel", l.return_channel},
          {"received_at", l.received_at},
          {"due", optional_text(l.due)},
          {"finished_at", optional_text(l.finished_at)},
          {"status", l.status},
          {"returned", std::move(returned)}};
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const PickableOfficial& v) {
  json::array roles;
  for (const auto& g : v.roles) {
    roles.push_back(
        json::object{{"role", g.role}, {"agency_id", g.agency_id}, {"agency_name", g.agency_name}});
  }
  out = json::object{{"id", v.id}, {"display_name", v.display_name}, {"roles", std::move(roles)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const TrackingBook& v) {
  json::array rows;
  for (const auto& l : v.dossiers) rows.push_back(line_json(l));
  out = json::object{{"unit",
                      {{"id", v.unit.id},
                       {"name", v.unit.name},
                       {"address", v.unit.address},
                       {"agency_id", v.unit.agency_id},
                       {"agency_name", v.unit.agency_name},
                       {"parent_name", v.unit.parent_name}}},
                     {"from", v.from},
                     {"to", v.to},
                     {"dossiers", std::move(rows)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const ProcedureMatch& v) {
  out = json::object{{"code", v.code},   {"version", v.version}, {"name", v.name},
                     {"field", v.field}, {"level", v.level},     {"match", v.match}};
}

namespace {
json::array facet_json(const std::vector<CatalogFacetCount>& counts) {
  json::array out;
  for (const auto& c : counts) out.push_back(json::object{{"value", c.value}, {"count", c.count}});
  return out;
}
}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const CatalogFacetsView& v) {
  out = json::object{{"total", v.total},
                     {"fields", facet_json(v.fields)},
                     {"levels", facet_json(v.levels)},
                     {"agencies", facet_json(v.agencies)}};
}

void tag_invoke(json::value_from_tag, json::value& out, const MostUsedProcedure& v) {
  out = json::object{{"code", v.code}, {"name", v.name}, {"dossiers", v.dossiers}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

json::value agency_json(const store::AgencyRow& row) {
  return json::object{
      {"id", row.id},
      {"code", row.code},
      {"name", row.name},
      {"name_en", row.name_en},
      {"kind", row.kind},
      {"parent_id", row.parent_id ? json::value(*row.parent_id) : json::value(nullptr)}};
}

json::value unit_json(const store::OneStopUnitRow& row) {
  return json::object{{"id", row.id},
                      {"agency_id", row.agency_id},
                      {"name", row.name},
                      {"name_en", row.name_en},
                      {"address", row.address}};
}

}  // namespace motcua::api
