#include "codec/exchange_bodies.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

namespace json = boost::json;

namespace {

// Reads named text fields of an object; the first missing one is the error.
class Fields {
 public:
  explicit Fields(const json::object& o) : o_(o) {}
  Fields& text(const char* name, std::string& out, bool required = true) {
    if (!missing_.empty()) return *this;
    const auto* v = o_.if_contains(name);
    if (v && v->is_string()) {
      out = std::string(v->as_string());
    } else if (required || (v && !v->is_null())) {
      missing_ = name;
    }
    return *this;
  }
  const std::string& missing() const { return missing_; }

 private:
  const json::object& o_;
  std::string missing_;
};

tl::expected<json::object, std::string> object_of(const std::string& text) {
  json::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return tl::unexpected(std::string("body"));
  return std::move(value.as_object());
}

json::array papers_json(const std::vector<ExchangePaper>& papers, bool with_content) {
  json::array out;
  for (const auto& p : papers) {
    json::object o{{"name", p.name},           {"paper_id", p.paper_id},
                   {"file_name", p.file_name}, {"content_type", p.content_type},
                   {"sha256", p.sha256},       {"size", p.size}};
    if (with_content && !p.content_b64.empty()) o["content_b64"] = p.content_b64;
    out.push_back(std::move(o));
  }
  return out;
}

tl::expected<std::vector<ExchangePaper>, std::string> papers_of(const json::object& o) {
  std::vector<ExchangePaper> out;
  const auto* list = o.if_contains("papers");
  if (!list) return out;
  if (!list->is_array()) return tl::unexpected(std::string("papers"));
  for (const auto& item : list->as_array()) {
    if (!item.is_object()) return tl::unexpected(std::string("papers"));
    const auto& po = item.as_object();
    ExchangePaper p;
    Fields f(po);
    f.text("name", p.name)
        .text("paper_id", p.paper_id, false)
        .text("file_name", p.file_name, false)
        .text("content_type", p.content_type)
        .text("sha256", p.sha256)
        .text("content_b64", p.content_b64, false);
    if (!f.missing().empty()) return tl::unexpected("papers." + f.missing());
    const auto* size = po.if_contains("size");
    if (!size || !size->is_int64()) return tl::unexpected(std::string("papers.size"));
    p.size = size->as_int64();
    out.push_back(std::move(p));
  }
  return out;
}

json::object applicant_json(const ApplicantInfo& a) {
  return {{"name", a.name},
          {"id_number", a.id_number},
          {"address", a.address},
          {"phone", a.phone},
          {"email", a.email}};
}

}  // namespace

std::string transfer_body_to_text(const TransferBody& b) {
  return json::serialize(json::object{{"parent_id", b.parent_id},
                                      {"parent_code", b.parent_code},
                                      {"procedure_code", b.procedure_code},
                                      {"procedure_name", b.procedure_name},
                                      {"variant", b.variant},
                                      {"agency_code", b.agency_code},
                                      {"step_id", b.step_id},
                                      {"step_name", b.step_name},
                                      {"due_at", b.due_at},
                                      {"applicant", applicant_json(b.applicant)},
                                      {"papers", papers_json(b.papers, true)}});
}

tl::expected<TransferBody, std::string> transfer_body_from_text(const std::string& text) {
  auto o = object_of(text);
  if (!o) return tl::unexpected(o.error());
  TransferBody b;
  Fields f(*o);
  f.text("parent_id", b.parent_id)
      .text("parent_code", b.parent_code)
      .text("procedure_code", b.procedure_code)
      .text("procedure_name", b.procedure_name, false)
      .text("variant", b.variant, false)
      .text("agency_code", b.agency_code)
      .text("step_id", b.step_id)
      .text("step_name", b.step_name, false)
      .text("due_at", b.due_at, false);
  if (!f.missing().empty()) return tl::unexpected(f.missing());
  const auto* applicant = o->if_contains("applicant");
  if (!applicant || !applicant->is_object()) return tl::unexpected(std::string("applicant"));
  Fields a(applicant->as_object());
  a.text("name", b.applicant.name)
      .text("id_number", b.applicant.id_number, false)
      .text("address", b.applicant.address, false)
      .text("phone", b.applicant.phone, false)
      .text("email", b.applicant.email, false);
  if (!a.missing().empty()) return tl::unexpected("applicant." + a.missing());
  auto papers = papers_of(*o);
  if (!papers) return tl::unexpected(papers.error());
  b.papers = std::move(*papers);
  return b;
}

std::string result_body_to_text(const ResultBody& b) {
  return json::serialize(json::object{{"transfer_id", b.transfer_id},
                                      {"child_code", b.child_code},
                                      {"outcome", b.outcome},
                                      {"note", b.note},
                                      {"decided_at", b.decided_at}});
}

tl::expected<ResultBody, std::string> result_body_from_text(const std::string& text) {
  auto o = object_of(text);
  if (!o) return tl::unexpected(o.error());
  ResultBody b;
  Fields f(*o);
  f.text("transfer_id", b.transfer_id)
      .text("child_code", b.child_code, false)
      .text("outcome", b.outcome)
      .text("note", b.note, false)
      .text("decided_at", b.decided_at);
  if (!f.missing().empty()) return tl::unexpected(f.missing());
  return b;
}

std::string question_body_to_text(const QuestionBody& b) {
  return json::serialize(json::object{{"parent_id", b.parent_id},
                                      {"parent_code", b.parent_code},
                                      {"procedure_name", b.procedure_name},
                                      {"agency_code", b.agency_code},
                                      {"question", b.question},
                                      {"due_at", b.due_at},
                                      {"papers", papers_json(b.papers, true)}});
}

tl::expected<QuestionBody, std::string> question_body_from_text(const std::string& text) {
  auto o = object_of(text);
  if (!o) return tl::unexpected(o.error());
  QuestionBody b;
  Fields f(*o);
  f.text("parent_id", b.parent_id)
      .text("parent_code", b.parent_code, false)
      .text("procedure_name", b.procedure_name, false)
      .text("agency_code", b.agency_code)
      .text("question", b.question)
      .text("due_at", b.due_at, false);
  if (!f.missing().empty()) return tl::unexpected(f.missing());
  auto papers = papers_of(*o);
  if (!papers) return tl::unexpected(papers.error());
  b.papers = std::move(*papers);
  return b;
}

tl::expected<FeedbackForwardBody, std::string> feedback_forward_body_from_text(
    const std::string& text) {
  auto o = object_of(text);
  if (!o) return tl::unexpected(o.error());
  FeedbackForwardBody b;
  Fields f(*o);
  f.text("code", b.code)
      .text("name", b.name)
      .text("contact", b.contact)
      .text("procedure_code", b.procedure_code)
      .text("kind", b.kind, false)
      .text("content", b.content)
      .text("received_at", b.received_at, false)
      .text("from_agency_id", b.from_agency_id, false)
      .text("reason", b.reason, false);
  if (!f.missing().empty()) return tl::unexpected(f.missing());
  return b;
}

std::string answer_body_to_text(const AnswerBody& b) {
  return json::serialize(json::object{{"question_id", b.question_id},
                                      {"answer", b.answer},
                                      {"answered_by", b.answered_by},
                                      {"answered_at", b.answered_at}});
}

tl::expected<AnswerBody, std::string> answer_body_from_text(const std::string& text) {
  auto o = object_of(text);
  if (!o) return tl::unexpected(o.error());
  AnswerBody b;
  Fields f(*o);
  f.text("question_id", b.question_id)
      .text("answer", b.answer)
      .text("answered_by", b.answered_by, false)
      .text("answered_at", b.answered_at);
  if (!f.missing().empty()) return tl::unexpected(f.missing());
  return b;
}

std::string exchange_papers_to_text(const std::vector<ExchangePaper>& papers) {
  return json::serialize(papers_json(papers, false));
}

std::vector<ExchangePaper> exchange_papers_from_text(const std::string& text) {
  json::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_array()) return {};
  json::object holder{{"papers", std::move(value)}};
  return papers_of(holder).value_or(std::vector<ExchangePaper>{});
}

tl::expected<std::string, std::string> with_paper_contents(
    const std::string& body,
    const std::function<std::optional<std::string>(const std::string&)>& read_b64) {
  auto o = object_of(body);
  if (!o) return body;  // not ours to judge: the receiver refuses what it cannot read
  auto* list = o->if_contains("papers");
  if (!list || !list->is_array() || list->as_array().empty()) return body;
  for (auto& item : list->as_array()) {
    if (!item.is_object()) continue;
    auto& p = item.as_object();
    const auto* sha = p.if_contains("sha256");
    if (!sha || !sha->is_string()) continue;
    auto content = read_b64(std::string(sha->as_string()));
    if (!content) return tl::unexpected("paper file " + std::string(sha->as_string()) + " missing");
    p["content_b64"] = std::move(*content);
  }
  return json::serialize(*o);
}

}  // namespace motcua::codec
