#include "codec/procedure_papers_json.hpp"

#include <boost/json.hpp>

#include "codec/procedure_json.hpp"
#include "domain/catalog/paper_identity.hpp"
#include "domain/catalog/paper_structure.hpp"

namespace motcua::codec {

namespace json = boost::json;

namespace {

std::optional<json::object> parse_object(const std::string& document) {
  boost::system::error_code ec;
  json::value v = json::parse(document, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.get_object());
}

std::string text_of(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

int int_of(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_int64() ? static_cast<int>(v->get_int64()) : 0;
}

// A stored paper, old shape or new: members the old shape lacks take their defaults.
catalog::Paper paper_of(const json::object& o) {
  catalog::Paper p;
  p.name = text_of(o, "name");
  if (const json::value* files = o.if_contains("form_files"); files && files->is_array()) {
    for (const json::value& f : files->get_array()) {
      if (f.is_string()) p.form_files.emplace_back(f.get_string());
    }
  }
  p.originals = int_of(o, "originals");
  p.copies = int_of(o, "copies");
  p.count_raw = text_of(o, "count_raw");
  const json::value* mandatory = o.if_contains("mandatory");
  p.mandatory = mandatory == nullptr || !mandatory->is_bool() || mandatory->get_bool();
  p.kind =
      text_of(o, "kind") == "present" ? catalog::PaperKind::present : catalog::PaperKind::submit;
  p.condition = text_of(o, "condition");
  p.id = text_of(o, "id");
  return p;
}

}  // namespace

std::vector<std::string> document_case_names(const std::string& document) {
  std::vector<std::string> names;
  const auto o = parse_object(document);
  if (!o) return names;
  const json::value* cases = o->if_contains("cases");
  if (cases == nullptr || !cases->is_array()) return names;
  for (const json::value& c : cases->get_array()) {
    if (c.is_object()) names.push_back(text_of(c.get_object(), "name"));
  }
  return names;
}

std::optional<std::string> restructured_document(const std::string& document) {
  auto o = parse_object(document);
  if (!o) return std::nullopt;
  catalog::Procedure p;
  if (const json::value* cases = o->if_contains("cases"); cases && cases->is_array()) {
    for (const json::value& c : cases->get_array()) {
      if (!c.is_object()) continue;
      catalog::CaseVariant variant{text_of(c.get_object(), "name"), {}};
      if (const json::value* papers = c.get_object().if_contains("papers");
          papers && papers->is_array()) {
        for (const json::value& paper : papers->get_array()) {
          if (paper.is_object()) variant.papers.push_back(paper_of(paper.get_object()));
        }
      }
      p.cases.push_back(std::move(variant));
    }
  }
  if (const json::value* notes = o->if_contains("notes"); notes && notes->is_array()) {
    for (const json::value& n : notes->get_array()) {
      if (n.is_string()) p.notes.emplace_back(n.get_string());
    }
  }
  catalog::structure_papers(p);
  catalog::assign_paper_ids(p);
  json::object structured = procedure_to_json(p);
  // Members in the order a fresh import writes them, so an upgraded document is byte-equal to the
  // same record imported again (store::upsert_procedure then sees no new version).
  json::object out_object;
  for (const auto& member : structured) {
    const std::string_view key = member.key();
    if (key == "cases" || key == "notes") {
      out_object[key] = member.value();
    } else if (const json::value* kept = o->if_contains(key)) {
      out_object[key] = *kept;
    }
  }
  for (const auto& member : *o) {
    if (!out_object.contains(member.key())) out_object[member.key()] = member.value();
  }
  std::string out = json::serialize(out_object);
  if (out == document) return std::nullopt;
  return out;
}

}  // namespace motcua::codec
