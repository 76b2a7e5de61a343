#include "app/dossier/consultations.hpp"

#include <algorithm>

#include "app/accounts/passwords.hpp"
#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_document.hpp"
#include "codec/string_list_json.hpp"
#include "domain/clock/deadline.hpp"
#include "store/agency_repository.hpp"
#include "store/paper_repository.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace {

using dossier::Role;

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

AppError unknown_agency(const std::string& code) {
  return {ErrorKind::invalid_input, "unknown_agency",
          "Cơ quan được lấy ý kiến (agency_code) không tồn tại: " + code + ".",
          "The consulted agency (agency_code) does not exist: " + code + ".",
          "agency_code: no agency with code " + code};
}

AppError unknown_shared_paper(const std::string& id) {
  return {ErrorKind::invalid_input, "unknown_paper",
          "Giấy tờ chia sẻ (shared_papers) không thuộc hồ sơ này: " + id + ".",
          "A shared paper (shared_papers) is not one of this dossier's papers: " + id + ".",
          "shared_papers: no paper " + id + " in this dossier"};
}

AppError not_consulted() {
  return {ErrorKind::forbidden, "not_consulted_agency",
          "Chỉ cán bộ xử lý hoặc lãnh đạo của cơ quan được lấy ý kiến mới trả lời được.",
          "Only a processing official or leader of the consulted agency may answer.",
          "agency_code: the actor does not belong to the consulted agency"};
}

// The deadline's time: the budget of the step the dossier is at, when its process sets one.
clock::TimeLimit consultation_limit(const clock::ClockTerms& terms, const std::string& step) {
  if (terms.process && !step.empty()) {
    for (const auto& s : terms.process->steps) {
      if (s.id == step && s.budget.amount > 0) return s.budget;
    }
  }
  return kDefaultConsultationLimit;
}

ConsultationView view_of(store::SqlConnection& db, const store::ConsultationRecord& c,
                         Instant now) {
  ConsultationView v;
  v.id = c.id;
  v.dossier_id = c.dossier_id;
  if (const auto d = store::find_dossier(db, c.dossier_id)) {
    v.dossier_code = d->code.value_or("");
    v.procedure_name = document_from_json(db, d->document).procedure_name;
  }
  v.agency_id = c.agency_id;
  v.agency_code = c.agency_code;
  if (const auto a = store::find_agency(db, c.agency_id)) v.agency_name = a->name;
  v.question = c.question;
  for (const auto& id : codec::string_list_from_text(c.shared_papers)) {
    if (const auto p = store::find_paper(db, c.dossier_id, id))
      v.shared_papers.push_back({p->id, p->paper_name, p->file_name});
  }
  const auto name = [&db](const std::string& id) -> std::optional<std::string> {
    auto n = store::user_display_name(db, id);
    if (n && n->empty()) return std::nullopt;
    return n;
  };
  v.asked_by = PersonRef{c.asked_by, name(c.asked_by)};
  v.asked_at = c.asked_at;
  v.due_at = c.due_at;
  v.open = !c.replied_s.has_value();
  v.late = v.open ? now.seconds > c.due_s : c.late;
  v.answer = c.answer;
  if (c.replied_by) v.replied_by = PersonRef{*c.replied_by, name(*c.replied_by)};
  v.replied_at = c.replied_at;
  return v;
}

}  // namespace

std::vector<Role> answering_roles(store::SqlConnection& db, const Actor& actor,
                                  const std::string& agency_id) {
  std::vector<Role> roles;
  if (actor.applicant) return roles;
  for (const Role role : {Role::processing, Role::leader}) {
    const auto agencies = scoped_agencies(db, actor, role);
    if (std::find(agencies.begin(), agencies.end(), agency_id) != agencies.end())
      roles.push_back(role);
  }
  return roles;
}

AppResult<store::ConsultationRecord> prepare_consultation(
    store::SqlConnection& db, const calendar::WorkingCalendar& cal,
    const store::DossierRecord& dossier, const clock::ClockTerms& terms,
    const std::string& current_step, const Actor& actor, const dossier::Consult& consult,
    Instant now) {
  // A blank code is the state machine's to refuse (missing_agency), with its own message.
  if (blank(consult.agency_code)) return tl::unexpected(unknown_agency(consult.agency_code));
  const auto agency_id = store::agency_with_code(db, consult.agency_code, "");
  if (!agency_id) return tl::unexpected(unknown_agency(consult.agency_code));
  for (const auto& id : consult.shared_papers) {
    if (!store::find_paper(db, dossier.id, id)) return tl::unexpected(unknown_shared_paper(id));
  }
  auto deadline = clock::compute_deadline(cal, now, consultation_limit(terms, current_step),
                                          clock::DeadlineRule::standard);
  if (!deadline) return tl::unexpected(invalid_input(deadline.error().message));
  const int offset = cal.utc_offset_minutes();
  store::ConsultationRecord c;
  c.id = "cs_" + random_token(12);
  c.dossier_id = dossier.id;
  c.agency_id = *agency_id;
  c.agency_code = consult.agency_code;
  c.question = consult.question;
  c.shared_papers = codec::string_list_to_text(consult.shared_papers);
  c.asked_by = actor.user_id;
  c.asked_at = to_iso(now, offset);
  c.asked_s = now.seconds;
  c.due_at = to_iso(deadline->due, offset);
  c.due_s = deadline->due.seconds;
  return c;
}

AppResult<store::ConsultationRecord> prepare_reply(
    store::SqlConnection& db, const calendar::WorkingCalendar& cal, const Actor& actor,
    const std::string& dossier_id, const dossier::ReplyToConsultation& reply,
    const std::string& consultation_id, Instant now) {
  std::optional<store::ConsultationRecord> found;
  if (!consultation_id.empty()) {
    found = store::find_consultation(db, consultation_id);
  } else {
    for (auto& c : store::consultations_of(db, dossier_id)) {
      if (!c.replied_s && c.agency_code == reply.agency_code) {
        found = std::move(c);
        break;
      }
    }
  }
  if (!found || found->dossier_id != dossier_id || found->replied_s) {
    return tl::unexpected(AppError{
        ErrorKind::invalid_input, "no_open_consultation",
        "Không có yêu cầu lấy ý kiến nào đang chờ cơ quan " + reply.agency_code + " trả lời.",
        "No consultation of agency " + reply.agency_code + " awaits an answer.",
        "agency_code: no open consultation to " + reply.agency_code});
  }
  if (answering_roles(db, actor, found->agency_id).empty()) return tl::unexpected(not_consulted());
  if (blank(reply.summary)) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "missing_answer",
                                   "Chưa nhập nội dung trả lời (answer).",
                                   "The answer (answer) is empty.", "answer: blank"});
  }
  auto& c = *found;
  c.answer = reply.summary;
  c.replied_by = actor.user_id;
  c.replied_at = to_iso(now, cal.utc_offset_minutes());
  c.replied_s = now.seconds;
  c.late = now.seconds > c.due_s;
  return std::move(c);
}

AppResult<std::vector<ConsultationView>> consultation_queue(store::SqlConnection& db,
                                                            const Actor& actor, bool open_only,
                                                            Instant now, int /*utc_offset*/) {
  if (actor.applicant) return tl::unexpected(forbidden_action("consultations are for officials"));
  std::vector<std::string> agencies = scoped_agencies(db, actor, Role::processing);
  for (auto& id : scoped_agencies(db, actor, Role::leader)) {
    if (std::find(agencies.begin(), agencies.end(), id) == agencies.end())
      agencies.push_back(std::move(id));
  }
  std::vector<ConsultationView> out;
  for (const auto& c : store::consultations_to(db, agencies, open_only, 200))
    out.push_back(view_of(db, c, now));
  return out;
}

AppResult<ConsultationView> consultation_detail(store::SqlConnection& db, const Actor& actor,
                                                const std::string& id, Instant now) {
  const auto c = store::find_consultation(db, id);
  if (!c) return tl::unexpected(not_found("consultation " + id));
  const bool consulted = !answering_roles(db, actor, c->agency_id).empty();
  if (!consulted && !may_see_dossier(db, actor, c->dossier_id))
    return tl::unexpected(not_found("consultation " + id));
  return view_of(db, *c, now);
}

void add_consultation_rows(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                           const std::string& dossier_id, Instant now, clock::ClockReport& report,
                           std::map<std::string, std::string>& party_names) {
  for (const auto& c : store::consultations_of(db, dossier_id)) {
    const std::string party = "agency:" + c.agency_id;
    std::string agency_name = c.agency_code;
    if (const auto a = store::find_agency(db, c.agency_id)) agency_name = a->name;
    party_names[party] = agency_name;
    clock::StepReport row;
    row.name = "Lấy ý kiến " + agency_name;
    row.party = party;
    row.started = Instant{c.asked_s};
    if (c.replied_s) row.ended = Instant{*c.replied_s};
    row.due = Instant{c.due_s};
    const Instant until = row.ended.value_or(now);
    if (until.seconds > c.asked_s) {
      if (const auto used = cal.working_time_between(row.started, until)) row.used = *used;
    }
    if (c.replied_s) {
      row.result = *c.replied_s > c.due_s ? clock::StepResult::late : clock::StepResult::on_time;
    } else if (now.seconds > c.due_s) {
      row.result = clock::StepResult::late;
    }
    report.steps.push_back(std::move(row));
  }
  shift_consultation_time(db, cal, dossier_id, now, report);
}

void shift_consultation_time(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                             const std::string& dossier_id, std::optional<Instant> now,
                             clock::ClockReport& report) {
  const auto working = [&](Instant a, Instant b) -> Seconds {
    if (b.seconds <= a.seconds) return 0;
    return cal.working_time_between(a, b).value_or(0);
  };
  for (const auto& c : store::consultations_of(db, dossier_id)) {
    if (!c.replied_s && !now) continue;
    const Instant asked{c.asked_s};
    const Instant answered = c.replied_s ? Instant{*c.replied_s} : *now;
    report.used_by_party["agency:" + c.agency_id] += working(asked, answered);
    // The officials' steps (the control sheet's own rows, not other consultations) running while
    // the consulted agency had the question.
    for (const auto& step : report.steps) {
      if (!step.party.starts_with("official:")) continue;
      const Instant step_end = step.ended.value_or(now.value_or(answered));
      const Instant from{std::max(asked.seconds, step.started.seconds)};
      const Instant to{std::min(answered.seconds, step_end.seconds)};
      const Seconds overlap = working(from, to);
      if (overlap == 0) continue;
      auto& used = report.used_by_party[step.party];
      used = std::max<Seconds>(0, used - overlap);
    }
  }
}

std::vector<ConsultationView> consultations_of_dossier(store::SqlConnection& db,
                                                       const std::string& dossier_id, Instant now) {
  std::vector<ConsultationView> out;
  for (const auto& c : store::consultations_of(db, dossier_id)) out.push_back(view_of(db, c, now));
  return out;
}

}  // namespace motcua::app
