// The Decision 766 index over the read model: gathers the facts of the period and agency subtree
// (store/index_766_queries.hpp), the inputs administrators recorded, and scores them with
// domain/index766. The figure and its drill-down come from the same facts.
#include <map>

#include "app/dossier/dossier_access.hpp"
#include "app/engagement/feedback_lifecycle.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_scope.hpp"
#include "codec/iso_time.hpp"
#include "domain/index766/index_766.hpp"
#include "store/index_766_queries.hpp"

namespace motcua::app {

namespace {

struct Gathered {
  store::OutcomeScope scope;
  index766::Facts facts;
};

// Inputs that do not parse (edited by hand in the database) are treated as missing, never
// guessed.
void apply_input(index766::ProcedureInputs& in, const store::Index766InputRow& row) {
  if (row.input_key == "electronic_result") {
    if (row.value == "yes" || row.value == "no") in.electronic_result = row.value == "yes";
    return;
  }
  const auto date = codec::parse_iso_date(row.value);
  if (!date) return;
  if (row.input_key == "decision_published_on") in.decision_published = *date;
  if (row.input_key == "legal_basis_effective_on") in.legal_basis_effective = *date;
  if (row.input_key == "entered_database_on") in.entered_database = *date;
}

// Feedback is handled in time when none of its four deadlines (reject, ask, answer, publish; and
// forward when it went out) was missed: each step taken by its due day, and the answer and the
// publication, which every accepted item owes, not yet overdue (docs/rules.md section 10).
bool handled_in_time(const store::Index766FeedbackRow& row, const calendar::WorkingCalendar& cal,
                     Instant now) {
  store::FeedbackRecord f;
  f.status = row.status;
  f.received_at = row.received_at;
  f.answer_due = row.answer_due;
  f.answered_at = row.answered_at;
  f.clock_started_at = row.clock_started_at;
  f.paused_seconds = row.paused_seconds;
  f.rejected_at = row.rejected_at;
  f.info_requested_at = row.info_requested_at;
  f.forwarded_at = row.forwarded_at;
  f.published_at = row.published_at;
  f.answer_working_days = row.answer_working_days;
  const auto steps =
      engagement::feedback_deadlines(cal, feedback_terms(engagement::FeedbackTerms{}, f),
                                     feedback_times(f, cal.utc_offset_minutes()), now);
  return steps && engagement::handled_in_time(*steps);
}

// The months, agencies and procedure asked for, checked.
AppResult<store::OutcomeScope> scope_of(store::SqlConnection& db,
                                        const calendar::WorkingCalendar& cal,
                                        const StatisticsQuery& q, Instant now) {
  store::OutcomeScope scope;
  // A catalog code ("1.001193", "2.002154.000.00.00.H42"): it also goes into the drill-down links.
  if (q.procedure_code.size() > 60 ||
      q.procedure_code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                         "0123456789.-_") != std::string::npos) {
    return tl::unexpected(AppError{ErrorKind::invalid_input, "invalid_input",
                                   "procedure_code: không phải mã thủ tục hành chính.",
                                   "procedure_code: not a procedure code.", "procedure_code"});
  }
  if (auto months = month_range(q, cal, now, scope); !months) {
    return tl::unexpected(months.error());
  }
  if (auto ok = public_agencies(db, q, scope); !ok) return tl::unexpected(ok.error());
  return scope;
}

// One procedure (issue 16 point 1: the index per procedure): its dossiers, its offer and the
// feedback about it; the same formulas.
bool in_scope(const StatisticsQuery& q, const std::string& procedure_code) {
  return q.procedure_code.empty() || procedure_code == q.procedure_code;
}

// The procedures the agencies handle, with their recorded inputs, and the feedback of the period:
// few rows, read whole by both paths. Feedback is judged at `now` (its deadlines run).
void procedures_and_feedback(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                             const StatisticsQuery& q, const store::OutcomeScope& scope,
                             Instant now, std::vector<index766::ProcedureFacts>& procedures,
                             std::vector<index766::FeedbackFacts>& feedback) {
  std::map<std::string, index766::ProcedureInputs> inputs;
  for (const auto& row : store::index_766_inputs(db)) apply_input(inputs[row.procedure_code], row);
  for (auto& p : store::index_766_procedures(db, scope)) {
    if (!in_scope(q, p.code)) continue;
    const auto it = inputs.find(p.code);
    procedures.push_back(
        {p.code, p.offered_online, it == inputs.end() ? index766::ProcedureInputs{} : it->second});
  }
  for (const auto& f : store::index_766_feedback(db, scope)) {
    if (!in_scope(q, f.procedure_code)) continue;
    feedback.push_back({f.id, handled_in_time(f, cal, now)});
  }
}

// One row per dossier of the period: the figure's reference and the drill-down's items.
AppResult<Gathered> gather(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                           const StatisticsQuery& q, Instant now) {
  Gathered g;
  auto scope = scope_of(db, cal, q, now);
  if (!scope) return tl::unexpected(scope.error());
  g.scope = std::move(*scope);
  for (auto& r : store::index_766_dossiers(db, g.scope, now.seconds)) {
    if (!in_scope(q, r.procedure_code)) continue;
    g.facts.dossiers.push_back({std::move(r.id), std::move(r.code), std::move(r.procedure_code),
                                r.online, r.counted_on_time, r.late_or_overdue, r.synced,
                                r.fee_bearing, r.paid_online, r.digitised, r.has_result,
                                r.rated_unsatisfied, r.reused});
  }
  procedures_and_feedback(db, cal, q, g.scope, now, g.facts.procedures, g.facts.feedback);
  return g;
}

// The dossiers counted from the monthly rollup (store::index_766_counts), open ones judged at
// `now`.
index766::DossierCounts counted_dossiers(store::SqlConnection& db, const StatisticsQuery& q,
                                         const store::OutcomeScope& scope, Instant now) {
  auto c = store::index_766_counts(db, scope, q.procedure_code, now.seconds);
  index766::DossierCounts out;
  out.dossiers = c.received;
  out.online = c.online;
  out.counted_on_time = c.finished_in_time + (c.open - c.open_overdue);
  out.synced = c.synced;
  out.fee_bearing = c.fee_bearing;
  out.fee_paid_online = c.fee_paid_online;
  out.digitised = c.digitised;
  out.digitised_reused = c.digitised_reused;
  out.satisfied = c.satisfied_finished + c.open_within_satisfied;
  out.results = std::move(c.results);
  return out;
}

// The index scored from the monthly rollup and the catalog's and feedback's few rows.
index766::Score rollup_score(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                             const StatisticsQuery& q, const store::OutcomeScope& scope,
                             Instant now) {
  index766::CountedFacts facts;
  facts.dossiers = counted_dossiers(db, q, scope, now);
  procedures_and_feedback(db, cal, q, scope, now, facts.procedures, facts.feedback);
  return index766::score(facts, cal);
}

Bilingual group_name(const std::string& key) {
  if (key == "publicity") return bilingual("Công khai, minh bạch", "Publicity and transparency");
  if (key == "progress") return bilingual("Tiến độ giải quyết", "Progress of handling");
  if (key == "online") return bilingual("Dịch vụ công trực tuyến", "Online services");
  if (key == "digitisation") return bilingual("Mức độ số hóa hồ sơ", "Digitisation");
  return bilingual("Mức độ hài lòng", "Satisfaction");
}

std::string query_text(const StatisticsQuery& q, const store::OutcomeScope& scope) {
  std::string s = "?from=" + scope.from_month + "&to=" + scope.to_month;
  if (!q.agency_id.empty()) s += "&agency_id=" + q.agency_id;
  if (!q.procedure_code.empty()) s += "&procedure_code=" + q.procedure_code;
  return s;
}

// Items are listed to an official whose grants (any role) cover every agency asked for; the
// whole province (no agency_id) is listed to no one, only counted.
bool may_list(store::SqlConnection& db, const std::optional<Actor>& actor,
              const store::OutcomeScope& scope) {
  if (!actor || actor->applicant || scope.all_agencies) return false;
  const auto granted = scoped_agencies(db, *actor);
  for (const auto& id : scope.agency_ids) {
    if (std::find(granted.begin(), granted.end(), id) == granted.end()) return false;
  }
  return true;
}

Index766 view_of(const index766::Score& score, const calendar::WorkingCalendar& cal,
                 const StatisticsQuery& q, const store::OutcomeScope& scope, Instant now) {
  const auto query = query_text(q, scope);
  Index766 out{scope.from_month,
               scope.to_month,
               q.agency_id.empty() ? std::nullopt : std::optional<std::string>(q.agency_id),
               to_iso(now, cal.utc_offset_minutes()),
               score.total,
               {},
               bilingual("Quyết định 766/QĐ-TTg ngày 23/6/2022; công thức theo bản mô tả của bên "
                         "thứ ba [S]; cách chia điểm trong nhóm: docs/rules.md.",
                         "Decision 766/QĐ-TTg of 23/06/2022; formulas from a third-party "
                         "transcription [S]; the split of a group's points: docs/rules.md.")};
  for (const auto& group : score.groups) {
    Index766Group view{group.key,        group_name(group.key), group.points,
                       group.max_points, group.missing_inputs,  {}};
    for (const auto& i : group.indices) {
      view.indices.push_back({i.key,
                              {i.name_vi, i.name_en},
                              i.value,
                              i.points,
                              i.max_points,
                              i.numerator,
                              i.denominator,
                              "/api/v1/statistics/index-766/" + i.key + "/items" + query});
    }
    out.groups.push_back(std::move(view));
  }
  return out;
}

}  // namespace

AppResult<Index766> index_766(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                              const StatisticsQuery& q, Instant now) {
  auto scope = scope_of(db, cal, q, now);
  if (!scope) return tl::unexpected(scope.error());
  return view_of(rollup_score(db, cal, q, *scope, now), cal, q, *scope, now);
}

AppResult<Index766> index_766_from_rows(store::SqlConnection& db,
                                        const calendar::WorkingCalendar& cal,
                                        const StatisticsQuery& q, Instant now) {
  auto g = gather(db, cal, q, now);
  if (!g) return tl::unexpected(g.error());
  return view_of(index766::score(g->facts, cal), cal, q, g->scope, now);
}

AppResult<Index766Items> index_766_items(store::SqlConnection& db,
                                         const calendar::WorkingCalendar& cal,
                                         const std::optional<Actor>& actor,
                                         const std::string& index_key, const StatisticsQuery& q,
                                         ItemsPage page, Instant now) {
  const auto& keys = index766::index_keys();
  if (std::find(keys.begin(), keys.end(), index_key) == keys.end()) {
    return tl::unexpected(not_found("Decision 766 index " + index_key));
  }
  auto scope = scope_of(db, cal, q, now);
  if (!scope) return tl::unexpected(scope.error());
  Index766Items out;
  out.key = index_key;
  out.from = scope->from_month;
  out.to = scope->to_month;
  for (const auto& group : rollup_score(db, cal, q, *scope, now).groups) {
    for (const auto& i : group.indices) {
      if (i.key != index_key) continue;
      out.numerator = i.numerator;
      out.denominator = i.denominator;
    }
  }
  if (!may_list(db, actor, *scope)) return out;
  // Only the items need one row per dossier; the rollup equals them (index766_rollup_test.cpp).
  auto g = gather(db, cal, q, now);
  if (!g) return tl::unexpected(g.error());
  out.listed = true;
  auto listed = index766::items(index_key, g->facts, cal);  // the key was checked above
  out.total_items = listed->size();
  out.offset = page.offset;
  const std::size_t limit = std::clamp<std::size_t>(page.limit, 1, kIndex766ItemsAtMost);
  for (std::size_t k = page.offset; k < listed->size() && out.items.size() < limit; ++k) {
    auto& item = (*listed)[k];
    out.items.push_back({std::move(item.id), std::move(item.label), item.counted});
  }
  return out;
}

}  // namespace motcua::app
