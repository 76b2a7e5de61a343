#include "api/json/consultation_json.hpp"

#include <boost/json.hpp>

#include "codec/json_fields.hpp"
#include "domain/text/fold.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

json::value optional_text(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::value person(const PersonRef& p) {
  return json::object{{"id", p.id}, {"name", optional_text(p.name)}};
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const ConsultationView& v) {
  json::array papers;
  for (const auto& p : v.shared_papers)
    papers.push_back(
        json::object{{"id", p.id}, {"paper_name", p.paper_name}, {"file_name", p.file_name}});
  out = json::object{
      {"id", v.id},
      {"dossier_id", v.dossier_id},
      {"dossier_code", v.dossier_code},
      {"procedure_name", v.procedure_name},
      {"agency",
       json::object{{"id", v.agency_id}, {"code", v.agency_code}, {"name", v.agency_name}}},
      {"question", v.question},
      {"shared_papers", std::move(papers)},
      {"asked_by", person(v.asked_by)},
      {"asked_at", v.asked_at},
      {"due_at", v.due_at},
      {"open", v.open},
      {"late", v.late},
      {"answer", optional_text(v.answer)},
      {"replied_by", v.replied_by ? person(*v.replied_by) : json::value(nullptr)},
      {"replied_at", optional_text(v.replied_at)}};
}

}  // namespace motcua::app

namespace motcua::api {

namespace json = boost::json;

app::AppResult<std::string> consultation_answer_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(app::invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  const auto* answer = o.if_contains("answer");
  if (answer != nullptr && !answer->is_null() && !answer->is_string()) {
    return tl::unexpected(app::AppError{app::ErrorKind::invalid_input, "invalid_answer",
                                        "Nội dung trả lời (answer) phải là văn bản.",
                                        "The answer (answer) must be text.",
                                        "answer: must be a string"});
  }
  auto text = text::clean_text(codec::optional_string(o, "answer"), {.keep_line_breaks = true});
  if (text.size() > 5000) {
    return tl::unexpected(app::AppError{app::ErrorKind::invalid_input, "answer_too_long",
                                        "Nội dung trả lời (answer) dài quá 5000 byte.",
                                        "The answer (answer) is longer than 5000 bytes.",
                                        "answer: more than 5000 bytes"});
  }
  return text;
}

}  // namespace motcua::api
