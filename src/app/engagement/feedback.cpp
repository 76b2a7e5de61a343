#include "app/engagement/feedback.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <regex>
#include <set>

#include "app/accounts/passwords.hpp"
#include "app/dossier/dossier_access.hpp"
#include "domain/clock/deadline.hpp"
#include "domain/text/fold.hpp"
#include "store/audit_log.hpp"
#include "store/feedback_repository.hpp"

namespace motcua::app {

namespace json = boost::json;

namespace {

constexpr const char* kProcedureName =
    "SELECT name FROM procedures WHERE code = ? ORDER BY version DESC LIMIT 1";
constexpr const char* kAgencyName = "SELECT name FROM agencies WHERE id = ?";
// Feedback that names no agency goes to the province this system serves: the top-level agency its
// administrators are granted (the unit tables hold every province of the country), else any
// top-level agency.
constexpr const char* kServedProvince =
    "SELECT a.id FROM user_roles r JOIN agencies a ON a.id = r.agency_id WHERE r.role = "
    "'administrator' AND a.parent_id IS NULL ORDER BY a.id LIMIT 1";
constexpr const char* kRootAgency =
    "SELECT id FROM agencies WHERE parent_id IS NULL AND valid_to IS NULL ORDER BY id LIMIT 1";
constexpr std::size_t kMaxShortBytes = 200;
constexpr std::size_t kMaxContentBytes = 5000;
constexpr std::size_t kMinContentBytes = 20;
constexpr int kCopyCheckWindow = 2000;

std::string text_of(const json::object& o, const char* key, bool multi_line = false) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return {};
  return text::clean_text(std::string_view(v->as_string()), {.keep_line_breaks = multi_line});
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool plausible_contact(const std::string& contact) {
  if (contact.find('@') != std::string::npos && contact.find('.') != std::string::npos) return true;
  const auto digits =
      std::count_if(contact.begin(), contact.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits >= 9 && digits <= 15;
}

AppError answer_refused(const std::string& code, const std::string& vi, const std::string& en,
                        const std::string& detail = {}) {
  return AppError{ErrorKind::invalid_input, code, vi, en, detail};
}

json::object public_json(store::SqlConnection& db, const store::FeedbackRecord& f) {
  const auto agency = db.query_one(kAgencyName, {f.agency_id});
  const auto opt = [](const std::optional<std::string>& v) {
    return v ? json::value(*v) : json::value(nullptr);
  };
  return {{"code", f.code},
          {"status", f.status},
          {"procedure_code", f.procedure_code},
          {"procedure_name", f.procedure_name},
          {"agency_id", f.agency_id},
          {"agency_name", agency ? agency->text(0) : std::string()},
          {"content", f.content},
          {"received_at", f.received_at},
          {"answer_due", f.answer_due},
          {"answer", opt(f.answer)},
          {"legal_reference", opt(f.legal_reference)},
          {"answered_at", opt(f.answered_at)}};
}

std::vector<std::string> answering_agencies(store::SqlConnection& db, const Actor& actor) {
  if (actor.applicant) return {};
  std::set<std::string> ids;
  for (const auto role : {dossier::Role::leader, dossier::Role::administrator}) {
    for (auto& id : scoped_agencies(db, actor, role)) ids.insert(std::move(id));
  }
  return {ids.begin(), ids.end()};
}

}  // namespace

std::optional<std::string> cited_document_number(std::string_view text) {
  // On folded text: lower case, no marks, đ -> d. A document type, then (within a few words, e.g.
  // the law's name or "số") a number: 123/2015/nd-cp, 766/qd-ttg, 60/2014/qh13.
  static const std::regex kCitation(
      "(nghi dinh|thong tu|quyet dinh|nghi quyet|luat|phap lenh|chi thi|cong van)"
      "[^0-9/]{0,80}?([0-9]{1,5}/([0-9]{4}/)?[a-z]{1,8}[0-9]{0,4}(-[a-z0-9]{1,10}){0,3})");
  const std::string folded = text::fold_vietnamese(text);
  std::smatch m;
  if (!std::regex_search(folded, m, kCitation)) return std::nullopt;
  return m[2].str();
}

double answer_similarity(std::string_view a, std::string_view b) {
  const auto pairs = [](std::string_view folded) {
    const auto words = text::search_tokens(folded);
    std::set<std::string> out;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) out.insert(words[i] + " " + words[i + 1]);
    if (words.size() == 1) out.insert(words[0]);
    return out;
  };
  const auto pa = pairs(a);
  const auto pb = pairs(b);
  if (pa.empty() && pb.empty()) return 1.0;
  std::size_t common = 0;
  for (const auto& p : pa) common += pb.count(p);
  return static_cast<double>(common) / static_cast<double>(pa.size() + pb.size() - common);
}

AppResult<NewFeedback> feedback_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  NewFeedback f{text_of(o, "name"), text_of(o, "contact"), text_of(o, "procedure_code"),
                text_of(o, "agency_id"), text_of(o, "content", true)};
  if (f.name.empty() || f.name.size() > kMaxShortBytes)
    return tl::unexpected(invalid_input("'name' is required (at most 200 bytes)"));
  if (f.contact.size() > kMaxShortBytes || !plausible_contact(f.contact))
    return tl::unexpected(invalid_input("'contact' must be a phone number or an e-mail address"));
  if (f.procedure_code.empty() || f.procedure_code.size() > kMaxShortBytes)
    return tl::unexpected(invalid_input("'procedure_code' is required"));
  if (f.content.size() < kMinContentBytes || f.content.size() > kMaxContentBytes)
    return tl::unexpected(invalid_input("'content' must have 20 to 5000 bytes"));
  return f;
}

AppResult<FeedbackAnswer> answer_from_json(const json::value& body) {
  if (!body.is_object()) return tl::unexpected(invalid_input("the body must be a JSON object"));
  const auto& o = body.as_object();
  FeedbackAnswer a{text_of(o, "answer", true), text_of(o, "legal_reference")};
  if (a.answer.size() > kMaxContentBytes || a.legal_reference.size() > kMaxShortBytes)
    return tl::unexpected(invalid_input("'answer' is at most 5000 bytes"));
  return a;
}

AppResult<json::object> submit_feedback(store::SqlConnection& db,
                                        const calendar::WorkingCalendar& cal, const NewFeedback& in,
                                        Instant now) {
  const auto procedure = db.query_one(kProcedureName, {in.procedure_code});
  if (!procedure)
    return tl::unexpected(invalid_input("unknown procedure '" + in.procedure_code + "'"));
  std::string agency = in.agency_id;
  if (agency.empty()) {
    auto root = db.query_one(kServedProvince);
    if (!root) root = db.query_one(kRootAgency);
    if (!root) return tl::unexpected(invalid_input("no agency to address the feedback to"));
    agency = root->text(0);
  } else if (!db.query_one(kAgencyName, {agency})) {
    return tl::unexpected(invalid_input("unknown agency '" + agency + "'"));
  }
  const clock::TimeLimit limit{kFeedbackAnswerWorkingDays, clock::LimitUnit::working_days};
  const auto due = clock::compute_deadline(cal, now, limit, clock::DeadlineRule::civil_code);
  if (!due) return tl::unexpected(invalid_input(due.error().message));
  const int offset = cal.utc_offset_minutes();
  // A code a person can read out on the phone: no 0/O or 1/I confusion.
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string code = "PA-";
  for (const char c : random_token(12)) {
    code.push_back(kAlphabet[static_cast<unsigned char>(c) % 32]);
    if (code.size() == 13) break;
  }
  store::FeedbackRecord f;
  f.id = "fb_" + random_token(12);
  f.code = code;
  f.name = in.name;
  f.contact = in.contact;
  f.procedure_code = in.procedure_code;
  f.procedure_name = procedure->text(0);
  f.agency_id = agency;
  f.content = in.content;
  f.status = "received";
  f.received_at = to_iso(now, offset);
  f.answer_due = to_iso(due->due, offset);
  store::insert_feedback(db, f);
  store::append_audit(db, {0, "public", f.received_at, "feedback.received", f.id, "",
                           json::serialize(json::object{{"code", f.code},
                                                        {"procedure_code", f.procedure_code},
                                                        {"agency_id", f.agency_id}})});
  auto out = public_json(db, f);
  out["id"] = f.id;
  return out;
}

AppResult<json::object> feedback_status(store::SqlConnection& db, const std::string& code) {
  const auto f = store::find_feedback_by_code(db, code);
  if (!f) return tl::unexpected(not_found("feedback " + code));
  return public_json(db, *f);
}

AppResult<json::array> feedback_queue(store::SqlConnection& db, const Actor& actor,
                                      const std::string& status) {
  if (!status.empty() && status != "received" && status != "answered")
    return tl::unexpected(invalid_input("'status' must be received or answered"));
  const auto agencies = answering_agencies(db, actor);
  if (agencies.empty())
    return tl::unexpected(forbidden_action("feedback is answered by leaders and administrators"));
  json::array out;
  for (const auto& f : store::list_feedback(db, agencies, status, 500)) {
    auto item = public_json(db, f);
    item["id"] = f.id;
    item["name"] = f.name;
    item["contact"] = f.contact;
    out.push_back(std::move(item));
  }
  return out;
}

AppResult<json::object> answer_feedback(store::SqlConnection& db, const Actor& actor,
                                        const std::string& id, const FeedbackAnswer& in,
                                        Instant now, int offset) {
  auto f = store::find_feedback(db, id);
  const auto agencies = answering_agencies(db, actor);
  if (!f || std::find(agencies.begin(), agencies.end(), f->agency_id) == agencies.end())
    return tl::unexpected(not_found("feedback " + id));
  if (f->status != "received") {
    return tl::unexpected(conflict("already_answered", "Phản ánh này đã được trả lời.",
                                   "This feedback has already been answered."));
  }
  const auto number = cited_document_number(in.legal_reference);
  if (!number) {
    return tl::unexpected(answer_refused(
        "legal_reference_missing",
        "Câu trả lời phải nêu văn bản pháp luật liên quan kèm số hiệu, ví dụ \"Nghị định "
        "123/2015/NĐ-CP\".",
        "The answer must name the legal document concerned with its number, e.g. \"Nghị định "
        "123/2015/NĐ-CP\"."));
  }
  const std::string folded = text::fold_vietnamese(in.answer);
  if (folded.find(*number) == std::string::npos) {
    return tl::unexpected(answer_refused(
        "legal_reference_not_in_answer",
        "Nội dung trả lời phải viện dẫn văn bản số " + *number + " đã nêu.",
        "The answer's text must refer to the cited document " + *number + ".", *number));
  }
  if (code_points(in.answer) < kMinAnswerCodePoints) {
    return tl::unexpected(answer_refused(
        "answer_too_short",
        "Câu trả lời quá ngắn: cần trả lời cụ thể vào nội dung phản ánh (ít nhất 80 ký tự).",
        "The answer is too short: answer the feedback specifically (at least 80 characters)."));
  }
  for (const auto& earlier : store::recent_answers(db, kCopyCheckWindow)) {
    if (earlier.feedback_id == id) continue;
    if (answer_similarity(folded, earlier.answer_folded) >= kCopyThreshold) {
      return tl::unexpected(answer_refused(
          "answer_copied",
          "Câu trả lời trùng với câu trả lời phản ánh " + earlier.code +
              "; mỗi phản ánh cần được trả lời cụ thể, không dùng câu trả lời chung.",
          "The answer repeats the answer to feedback " + earlier.code +
              "; each feedback needs a specific answer, not a generic one.",
          earlier.code));
    }
  }
  const auto at = to_iso(now, offset);
  f->answer = in.answer;
  f->legal_reference = in.legal_reference;
  f->answer_folded = folded;
  f->answered_by = actor.user_id;
  f->answered_at = at;
  f->status = "answered";
  if (!store::record_answer(db, *f)) {
    return tl::unexpected(conflict("already_answered", "Phản ánh này đã được trả lời.",
                                   "This feedback has already been answered."));
  }
  store::append_audit(
      db, {0, actor.user_id, at, "feedback.answered", f->id, "",
           json::serialize(json::object{{"code", f->code}, {"legal_reference", *number}})});
  auto out = public_json(db, *f);
  out["id"] = f->id;
  return out;
}

}  // namespace motcua::app
