#include "app/engagement/feedback.hpp"

#include <algorithm>
#include <regex>
#include <set>

#include "app/accounts/passwords.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/engagement/feedback_review.hpp"
#include "codec/flat_json.hpp"
#include "domain/clock/deadline.hpp"
#include "domain/text/fold.hpp"
#include "domain/text/mask.hpp"
#include "store/agency_repository.hpp"
#include "store/audit_log.hpp"
#include "store/catalog_repository.hpp"
#include "store/feedback_repository.hpp"

namespace motcua::app {

namespace {

constexpr int kCopyCheckWindow = 2000;

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

AppError answer_refused(const std::string& code, const std::string& vi, const std::string& en,
                        const std::string& detail = {}) {
  return AppError{ErrorKind::invalid_input, code, vi, en, detail};
}

}  // namespace

FeedbackView public_view(store::SqlConnection& db, const store::FeedbackRecord& f) {
  const auto agency = store::find_agency(db, f.agency_id);
  FeedbackView v;
  v.code = f.code;
  v.status = f.status;
  v.procedure_code = f.procedure_code;
  v.procedure_name = f.procedure_name;
  v.agency_id = f.agency_id;
  v.agency_name = agency ? agency->name : std::string();
  v.content = f.content;
  v.received_at = f.received_at;
  v.answer_due = f.answer_due;
  v.answer = f.answer;
  v.legal_reference = f.legal_reference;
  v.answered_at = f.answered_at;
  v.channel = f.channel;
  v.kind = f.kind;
  v.reject_reason = f.reject_reason;
  v.rejected_at = f.rejected_at;
  v.info_request = f.info_request;
  v.info_requested_at = f.info_requested_at;
  v.info_supplied_at = f.info_supplied_at;
  v.forwarded_at = f.forwarded_at;
  v.forward_target = f.forward_target;
  v.forwarded_from = f.forwarded_from;
  v.published_at = f.published_at;
  v.rating = f.rating;
  v.rating_comment = f.rating_comment;
  v.rated_at = f.rated_at;
  return v;
}

FeedbackView masked_public_view(store::SqlConnection& db, const store::FeedbackRecord& f) {
  auto v = public_view(db, f);
  v.content = text::mask_identifiers_in(v.content);
  if (v.answer) v.answer = text::mask_identifiers_in(*v.answer);
  v.info_request = text::mask_identifiers_in(v.info_request);
  v.reject_reason = text::mask_identifiers_in(v.reject_reason);
  v.rating_comment = text::mask_identifiers_in(v.rating_comment);
  return v;
}

std::vector<std::string> answering_agencies(store::SqlConnection& db, const Actor& actor) {
  if (actor.applicant) return {};
  std::set<std::string> ids;
  for (const auto role : {dossier::Role::leader, dossier::Role::administrator}) {
    for (auto& id : scoped_agencies(db, actor, role)) ids.insert(std::move(id));
  }
  return {ids.begin(), ids.end()};
}

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

AppResult<FeedbackView> submit_feedback(store::SqlConnection& db,
                                        const calendar::WorkingCalendar& cal, const NewFeedback& in,
                                        Instant now) {
  const auto procedure = store::latest_procedure(db, in.procedure_code);
  if (!procedure)
    return tl::unexpected(invalid_input("unknown procedure '" + in.procedure_code + "'"));
  std::string agency = in.agency_id;
  if (agency.empty()) {
    auto root = store::served_province(db);
    if (!root) root = store::first_current_root_agency(db);
    if (!root) return tl::unexpected(invalid_input("no agency to address the feedback to"));
    agency = *root;
  } else if (!store::agency_exists(db, agency)) {
    return tl::unexpected(invalid_input("unknown agency '" + agency + "'"));
  }
  const clock::TimeLimit limit{in.answer_working_days, clock::LimitUnit::working_days};
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
  f.procedure_name = procedure->name;
  f.agency_id = agency;
  f.content = in.content;
  f.status = "received";
  f.received_at = to_iso(now, offset);
  f.answer_due = to_iso(due->due, offset);
  f.channel = in.channel;
  f.kind = in.kind;
  f.entered_by = in.entered_by;
  f.clock_started_at = f.received_at;
  f.answer_working_days = in.answer_working_days;
  store::insert_feedback(db, f);
  // A letter or a call is entered by an official on the sender's behalf: the audit names them.
  store::append_audit(db, {0, in.entered_by.empty() ? "public" : in.entered_by, f.received_at,
                           "feedback.received", f.id, "",
                           codec::flat_object_text({{"code", f.code},
                                                    {"procedure_code", f.procedure_code},
                                                    {"agency_id", f.agency_id},
                                                    {"channel", f.channel},
                                                    {"kind", f.kind}})});
  auto out = public_view(db, f);
  out.id = f.id;
  return out;
}

AppResult<FeedbackView> feedback_status(store::SqlConnection& db, const std::string& code) {
  const auto f = store::find_feedback_by_code(db, code);
  if (!f) return tl::unexpected(not_found("feedback " + code));
  return masked_public_view(db, *f);
}

AppResult<FeedbackView> answer_feedback(store::SqlConnection& db, const Actor& actor,
                                        const std::string& id, const FeedbackAnswer& in,
                                        Instant now, int offset) {
  auto f = store::find_feedback(db, id);
  const auto agencies = answering_agencies(db, actor);
  if (!f || std::find(agencies.begin(), agencies.end(), f->agency_id) == agencies.end())
    return tl::unexpected(not_found("feedback " + id));
  if (f->status == "held_for_review") {
    return tl::unexpected(conflict("answer_held_for_review",
                                   "Câu trả lời của phản ánh này đang chờ lãnh đạo duyệt.",
                                   "An answer to this feedback is waiting for a leader's review."));
  }
  if (f->status == "info_requested") {
    return tl::unexpected(conflict("waiting_for_information",
                                   "Phản ánh này đang chờ người gửi bổ sung thông tin.",
                                   "This feedback is waiting for its sender's information."));
  }
  if (f->status == "rejected" || f->status == "forwarded") {
    return tl::unexpected(conflict("not_answerable_now",
                                   "Phản ánh này đã bị từ chối hoặc đã chuyển cơ quan khác.",
                                   "This feedback was rejected or forwarded to another agency."));
  }
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
  // An answer like earlier answers to other feedback, or made of stock phrases, or that ignores
  // the regulation asked about is held for a leader's review instead of being sent.
  if (const auto verdict = screen_answer(db, *f, in.answer); verdict.hold) {
    if (!hold_for_review(db, actor, *f, in, verdict, at)) {
      return tl::unexpected(conflict("already_answered", "Phản ánh này đã được trả lời.",
                                     "This feedback has already been answered."));
    }
    auto out = public_view(db, *store::find_feedback(db, id));
    out.id = f->id;
    out.held_answer = held_answer(db, f->id);
    return out;
  }
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
  store::append_audit(db,
                      {0, actor.user_id, at, "feedback.answered", f->id, "",
                       codec::flat_object_text({{"code", f->code}, {"legal_reference", *number}})});
  auto out = public_view(db, *f);
  out.id = f->id;
  return out;
}

}  // namespace motcua::app
