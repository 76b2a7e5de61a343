#include "app/dossier_document.hpp"

#include "store/sql.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {
std::string text_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}
}  // namespace

json::object to_json(const DossierDocument& d) {
  return {{"applicant",
           {{"name", d.applicant.name},
            {"id_number", d.applicant.id_number},
            {"address", d.applicant.address},
            {"phone", d.applicant.phone},
            {"email", d.applicant.email}}},
          {"procedure_name", d.procedure_name},
          {"terms",
           {{"limit", clock::to_string(d.terms.limit)},
            {"rule", clock::to_string(d.terms.rule)},
            {"channel", clock::to_string(d.terms.channel)}}},
          {"return_channel", dossier::to_string(d.return_channel)},
          {"papers", d.papers}};
}

DossierDocument document_from_json(const std::string& text) {
  boost::system::error_code ec;
  const auto v = json::parse(text, ec);
  if (ec || !v.is_object()) throw store::StoreError("dossier document is not a JSON object");
  const auto& o = v.as_object();
  DossierDocument d;
  if (const auto* a = o.if_contains("applicant"); a != nullptr && a->is_object()) {
    const auto& ao = a->as_object();
    d.applicant = {text_of(ao, "name"), text_of(ao, "id_number"), text_of(ao, "address"),
                   text_of(ao, "phone"), text_of(ao, "email")};
  }
  d.procedure_name = text_of(o, "procedure_name");
  if (const auto* t = o.if_contains("terms"); t != nullptr && t->is_object()) {
    const auto& to = t->as_object();
    if (auto limit = clock::parse_time_limit(text_of(to, "limit"))) d.terms.limit = *limit;
    if (auto rule = clock::parse_deadline_rule(text_of(to, "rule"))) d.terms.rule = *rule;
    if (auto channel = clock::parse_channel(text_of(to, "channel"))) d.terms.channel = *channel;
  }
  if (auto c = dossier::parse_channel(text_of(o, "return_channel"))) d.return_channel = *c;
  if (const auto* p = o.if_contains("papers"); p != nullptr && p->is_array())
    d.papers = p->as_array();
  return d;
}

}  // namespace motcua::app
