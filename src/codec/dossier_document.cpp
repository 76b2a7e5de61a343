#include "codec/dossier_document.hpp"

#include <boost/json.hpp>
#include <utility>

#include "codec/dossier_document_json.hpp"
#include "codec/json_fields.hpp"

namespace motcua::codec {

namespace json = boost::json;

namespace {

json::object process_to_json(const clock::ProcessTerms& p, bool with_steps = true) {
  if (!with_steps) return {{"id", p.id}, {"version", p.version}};
  json::array steps;
  for (const auto& s : p.steps) {
    steps.push_back(
        json::object{{"id", s.id}, {"name", s.name}, {"budget", clock::to_string(s.budget)}});
  }
  return {{"id", p.id}, {"version", p.version}, {"steps", std::move(steps)}};
}

std::optional<clock::ProcessTerms> process_from_json(const json::object* o) {
  if (o == nullptr) return std::nullopt;
  clock::ProcessTerms p{text_field(*o, "id"), 0, {}};
  if (const auto* n = o->if_contains("version"); n != nullptr && n->is_int64())
    p.version = n->as_int64();
  if (const auto* steps = o->if_contains("steps"); steps != nullptr && steps->is_array()) {
    for (const auto& step : steps->as_array()) {
      if (!step.is_object()) continue;
      auto budget = clock::parse_time_limit(text_field(step.as_object(), "budget"));
      if (!budget) continue;
      p.steps.push_back(
          {text_field(step.as_object(), "id"), text_field(step.as_object(), "name"), *budget});
    }
  }
  return p;
}

DocumentPaper paper_from_json(const json::object& o) {
  DocumentPaper p{text_field(o, "id"),
                  text_field(o, "paper_name"),
                  text_field(o, "file_name"),
                  text_field(o, "content_type"),
                  0,
                  text_field(o, "sha256"),
                  text_field(o, "uploaded_by"),
                  text_field(o, "uploaded_at"),
                  text_field(o, "paper_id"),
                  text_field(o, "reused_from")};
  if (const auto* n = o.if_contains("size"); n != nullptr && n->is_int64()) p.size = n->as_int64();
  return p;
}

}  // namespace

json::object applicant_to_json(const ApplicantInfo& a) {
  return {{"name", a.name},
          {"id_number", a.id_number},
          {"address", a.address},
          {"phone", a.phone},
          {"email", a.email}};
}

namespace {

json::object terms_to_json(const clock::ClockTerms& t, bool process_steps) {
  json::object out{{"limit", clock::to_string(t.limit)},
                   {"rule", clock::to_string(t.rule)},
                   {"channel", clock::to_string(t.channel)}};
  if (t.process) out["process"] = process_to_json(*t.process, process_steps);
  return out;
}

}  // namespace

json::object clock_terms_to_json(const clock::ClockTerms& t) { return terms_to_json(t, true); }

json::object document_paper_to_json(const DocumentPaper& p) {
  // The key order of the documents already stored (uploaded_at second), which the API shows as is.
  json::object out{{"id", p.id},
                   {"uploaded_at", p.uploaded_at},
                   {"paper_name", p.paper_name},
                   {"file_name", p.file_name},
                   {"content_type", p.content_type},
                   {"size", p.size},
                   {"sha256", p.sha256},
                   {"uploaded_by", p.uploaded_by},
                   {"paper_id", p.paper_id}};
  if (!p.reused_from.empty()) out["reused_from"] = p.reused_from;
  return out;
}

json::array document_papers_to_json(const std::vector<DocumentPaper>& papers) {
  json::array out;
  for (const auto& p : papers) out.push_back(document_paper_to_json(p));
  return out;
}

json::object dossier_document_to_json(const DossierDocument& d) {
  // Stored once per dossier: empty applicant fields and an empty paper list are left out (the
  // reader below and the lenient readers of codec/tracking_book_fields give "" and [] for them),
  // about 60 bytes a dossier (docs/performance.md "Storage per dossier"). The process is a
  // reference to its version (~440 bytes less a sealed row), unless the document was read with
  // its steps.
  json::object applicant{{"name", d.applicant.name}};
  for (const auto& [key, value] :
       {std::pair{"id_number", &d.applicant.id_number}, std::pair{"address", &d.applicant.address},
        std::pair{"phone", &d.applicant.phone}, std::pair{"email", &d.applicant.email}}) {
    if (!value->empty()) applicant[key] = *value;
  }
  json::object out{{"applicant", std::move(applicant)},
                   {"procedure_name", d.procedure_name},
                   {"terms", terms_to_json(d.terms, d.process_steps_stored)},
                   {"return_channel", dossier::to_string(d.return_channel)}};
  if (!d.papers.empty()) out["papers"] = document_papers_to_json(d.papers);
  return out;
}

std::string dossier_document_to_text(const DossierDocument& d) {
  return json::serialize(dossier_document_to_json(d));
}

tl::expected<DossierDocument, std::string> dossier_document_from_text(const std::string& text) {
  boost::system::error_code ec;
  const auto v = json::parse(text, ec);
  if (ec || !v.is_object())
    return tl::unexpected(std::string("dossier document is not a JSON object"));
  const auto& o = v.as_object();
  DossierDocument d;
  if (const auto* a = object_field(o, "applicant")) {
    d.applicant = {text_field(*a, "name"), text_field(*a, "id_number"), text_field(*a, "address"),
                   text_field(*a, "phone"), text_field(*a, "email")};
  }
  d.procedure_name = text_field(o, "procedure_name");
  if (const auto* t = object_field(o, "terms")) {
    if (auto limit = clock::parse_time_limit(text_field(*t, "limit"))) d.terms.limit = *limit;
    if (auto rule = clock::parse_deadline_rule(text_field(*t, "rule"))) d.terms.rule = *rule;
    if (auto channel = clock::parse_channel(text_field(*t, "channel"))) d.terms.channel = *channel;
    const auto* process = object_field(*t, "process");
    d.terms.process = process_from_json(process);
    d.process_steps_stored = process != nullptr && process->contains("steps");
  }
  if (auto c = dossier::parse_channel(text_field(o, "return_channel"))) d.return_channel = *c;
  if (const auto* p = o.if_contains("papers"); p != nullptr && p->is_array()) {
    for (const auto& item : p->as_array()) {
      if (item.is_object()) d.papers.push_back(paper_from_json(item.as_object()));
    }
  }
  return d;
}

}  // namespace motcua::codec
