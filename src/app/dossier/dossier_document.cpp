#include "app/dossier/dossier_document.hpp"

#include "store/sql.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {
std::string text_of(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

json::object process_to_json(const ProcessTerms& p) {
  json::array steps;
  for (const auto& s : p.steps) {
    steps.push_back(
        json::object{{"id", s.id}, {"name", s.name}, {"budget", clock::to_string(s.budget)}});
  }
  return {{"id", p.id}, {"version", p.version}, {"steps", std::move(steps)}};
}

json::object terms_to_json(const ClockTerms& t) {
  json::object out{{"limit", clock::to_string(t.limit)},
                   {"rule", clock::to_string(t.rule)},
                   {"channel", clock::to_string(t.channel)}};
  if (t.process) out["process"] = process_to_json(*t.process);
  return out;
}

std::optional<ProcessTerms> process_from_json(const json::value* v) {
  if (v == nullptr || !v->is_object()) return std::nullopt;
  const auto& o = v->as_object();
  ProcessTerms p{text_of(o, "id"), 0, {}};
  if (const auto* n = o.if_contains("version"); n != nullptr && n->is_int64())
    p.version = n->as_int64();
  if (const auto* steps = o.if_contains("steps"); steps != nullptr && steps->is_array()) {
    for (const auto& step : steps->as_array()) {
      if (!step.is_object()) continue;
      auto budget = clock::parse_time_limit(text_of(step.as_object(), "budget"));
      if (!budget) continue;
      p.steps.push_back(
          {text_of(step.as_object(), "id"), text_of(step.as_object(), "name"), *budget});
    }
  }
  return p;
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
          {"terms", terms_to_json(d.terms)},
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
    d.terms.process = process_from_json(to.if_contains("process"));
  }
  if (auto c = dossier::parse_channel(text_of(o, "return_channel"))) d.return_channel = *c;
  if (const auto* p = o.if_contains("papers"); p != nullptr && p->is_array())
    d.papers = p->as_array();
  return d;
}

}  // namespace motcua::app
