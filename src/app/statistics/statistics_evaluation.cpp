// Evaluation by the nine indices over the read model: gathers the facts of the period and the
// agencies led (store/evaluation_queries.hpp), scores each finished dossier with domain/evaluation,
// then averages per unit (the deciding agency, nine indices) and per official (the dossiers whose
// control-sheet steps they held, indices 1, 2, 3, 4, 7). One dossier's evaluation uses the figures
// of its agency in the month it was received (index 8 and 9 are properties of the unit).
#include <map>
#include <set>

#include "app/dossier/dossier_access.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_scope.hpp"
#include "codec/iso_time.hpp"
#include "store/evaluation_queries.hpp"

namespace motcua::app {

namespace {

constexpr std::string_view kOfficialPrefix = "official:";

// Feedback is handled in time when answered by its due time, or still open and not yet due (as the
// Decision 766 index reads it, statistics_index766.cpp).
bool handled_in_time(const store::EvaluationFeedbackRow& f, int offset, Instant now) {
  const auto due = codec::parse_iso_instant(f.answer_due, offset);
  if (!due) return false;
  if (!f.answered_at) return now.seconds <= due->seconds;
  const auto answered = codec::parse_iso_instant(*f.answered_at, offset);
  return answered && answered->seconds <= due->seconds;
}

struct Gathered {
  std::vector<evaluation::DossierFacts> dossiers;
  std::map<std::string, evaluation::AgencyOnline> online;  // per agency
};

Gathered gather(store::SqlConnection& db, const store::OutcomeScope& scope, int offset, Instant now,
                const std::vector<store::EvaluationDossierRow>& rows) {
  Gathered g;
  std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> feedback;
  for (const auto& f : store::evaluation_feedback(db, scope)) {
    auto& [total, in_time] = feedback[{f.agency_id, f.procedure_code}];
    ++total;
    in_time += handled_in_time(f, offset, now) ? 1 : 0;
  }
  for (const auto& p : store::evaluation_procedures(db, scope)) {
    auto& a = g.online[p.agency_id];
    ++a.procedures;
    a.procedures_online += p.offered_online ? 1 : 0;
  }
  std::map<std::string, std::vector<evaluation::StepFact>> steps;
  for (auto& s : store::evaluation_steps(db, scope)) {
    steps[s.dossier_id].push_back({std::move(s.party), std::move(s.result)});
  }
  for (const auto& r : rows) {
    auto& a = g.online[r.agency_id];
    ++a.dossiers;
    a.dossiers_online += r.online ? 1 : 0;
    a.online_late += r.online && r.late_or_overdue ? 1 : 0;
    evaluation::DossierFacts d;
    d.id = r.id;
    d.code = r.code;
    d.agency_id = r.agency_id;
    d.procedure_code = r.procedure_code;
    d.outcome = r.outcome;
    d.steps = std::move(steps[r.id]);
    if (r.rating) d.rating = {r.rating->contacts, r.rating->bodies, r.rating->attitude};
    d.through_one_stop = r.through_one_stop;
    d.in_catalog = r.in_catalog;
    d.decision_known = r.decision_known;
    const auto it = feedback.find({r.agency_id, r.procedure_code});
    if (it != feedback.end()) {
      d.feedback_total = it->second.first;
      d.feedback_in_time = it->second.second;
    }
    g.dossiers.push_back(std::move(d));
  }
  return g;
}

std::vector<EvaluationIndexScore> scores_view(const std::vector<evaluation::IndexScore>& scores) {
  std::vector<EvaluationIndexScore> out;
  for (const auto& s : scores) {
    const auto& n = evaluation::index_name(s.index);
    std::optional<double> score;
    if (s.tenths) score = *s.tenths / 10.0;
    out.push_back({s.index, n.key, bilingual(n.vi, n.en), score, s.scored});
  }
  return out;
}

// The total in tenths when every index of the set has a score.
std::optional<int> total_tenths(const std::vector<evaluation::IndexScore>& scores) {
  int total = 0;
  for (const auto& s : scores) {
    if (!s.tenths) return std::nullopt;
    total += *s.tenths;
  }
  return total;
}

std::optional<double> as_points(const std::optional<int>& tenths) {
  if (!tenths) return std::nullopt;
  return *tenths / 10.0;
}

const std::vector<int> kAllIndices{1, 2, 3, 4, 5, 6, 7, 8, 9};
const std::vector<int> kOfficialIndices{evaluation::kOfficialIndices.begin(),
                                        evaluation::kOfficialIndices.end()};

}  // namespace

AppResult<EvaluationStatistics> evaluation_statistics(store::SqlConnection& db,
                                                      const calendar::WorkingCalendar& cal,
                                                      const evaluation::Rules& rules,
                                                      const Actor& actor, const StatisticsQuery& q,
                                                      Instant now) {
  store::OutcomeScope scope;
  auto months = month_range(q, cal, now, scope);
  if (!months) return tl::unexpected(months.error());
  if (auto ok = led_agencies(db, actor, q, scope); !ok) return tl::unexpected(ok.error());
  const auto rows = store::evaluation_dossiers(db, scope, now.seconds);
  const auto g = gather(db, scope, cal.utc_offset_minutes(), now, rows);
  std::vector<evaluation::DossierEvaluation> evaluated;
  evaluated.reserve(g.dossiers.size());
  for (const auto& d : g.dossiers)
    evaluated.push_back(evaluate(d, g.online.at(d.agency_id), rules));
  // Finished dossiers only: an open one has no score yet.
  std::map<std::string, std::vector<const evaluation::DossierEvaluation*>> by_unit;
  std::map<std::string, std::map<std::string, std::vector<const evaluation::DossierEvaluation*>>>
      by_official;
  for (std::size_t i = 0; i < g.dossiers.size(); ++i) {
    const auto& d = g.dossiers[i];
    if (d.outcome == "open") continue;
    by_unit[d.agency_id].push_back(&evaluated[i]);
    std::set<std::string> officials;
    for (const auto& s : d.steps) {
      if (s.party.starts_with(kOfficialPrefix)) {
        officials.insert(s.party.substr(kOfficialPrefix.size()));
      }
    }
    for (const auto& o : officials) by_official[d.agency_id][o].push_back(&evaluated[i]);
  }
  std::vector<UnitEvaluation> units;
  for (const auto& [agency, list] : by_unit) {
    const auto scores = evaluation::index_scores(list, kAllIndices);
    const auto total = total_tenths(scores);
    UnitEvaluation unit{agency,
                        store::agency_name(db, agency),
                        static_cast<std::int64_t>(list.size()),
                        scores_view(scores),
                        as_points(total),
                        total ? std::string(to_string(evaluation::unit_band(*total, rules)))
                              : std::string("incomplete"),
                        {}};
    for (const auto& [official, theirs] : by_official[agency]) {
      const auto s = evaluation::index_scores(theirs, kOfficialIndices);
      const auto t = total_tenths(s);
      unit.officials.push_back({official, store::user_name(db, official),
                                static_cast<std::int64_t>(theirs.size()), scores_view(s),
                                as_points(t),
                                t ? std::string(to_string(evaluation::official_band(*t, rules)))
                                  : std::string("incomplete")});
    }
    units.push_back(std::move(unit));
  }
  return EvaluationStatistics{
      scope.from_month, scope.to_month, to_iso(now, cal.utc_offset_minutes()), std::move(units),
      bilingual(
          "Đánh giá theo 9 chỉ số (Nghị định 61/2018 Điều 27-32, Thông tư 01/2018/TT-VPCP Điều "
          "12-15): mỗi hồ sơ đã hoàn thành, tiếp nhận trong kỳ, được 0/1/2 điểm mỗi chỉ số; điểm "
          "chỉ số = tổng điểm / số hồ sơ được chấm, làm tròn một chữ số thập phân (0,05 làm tròn "
          "lên). Chỉ số 3, 4, 7 lấy từ đánh giá của người nộp; hồ sơ chưa được đánh giá không "
          "tính vào chỉ số đó. Cán bộ (chỉ số 1, 2, 3, 4, 7): từ 5 điểm hoàn thành 100% nhiệm "
          "vụ; 3,5 đến dưới 5: từ 70% đến dưới 100%; dưới 3,5: dưới 70%. Đơn vị (9 chỉ số): từ "
          "15 xuất sắc; 12 đến dưới 15 tốt; 9 đến dưới 12 khá; 6 đến dưới 9 trung bình; dưới 6 "
          "yếu. Thiếu điểm một chỉ số: chưa xếp loại.",
          "Evaluation by the nine indices (Decree 61/2018 Art. 27-32, Circular 01/2018/TT-VPCP "
          "Art. 12-15): each finished dossier received in the period earns 0/1/2 points per "
          "index; an index score = points / dossiers scored, rounded to one decimal (half away "
          "from zero). Indices 3, 4 and 7 come from the applicant's rating; a dossier not rated "
          "is left out of them. Officials (indices 1, 2, 3, 4, 7): 5 or more = 100% of tasks; "
          "3.5 to <5 = 70 to <100%; <3.5 = <70%. Units (nine indices): 15 or more excellent; 12 "
          "to <15 good; 9 to <12 fair; 6 to <9 average; <6 weak. An index without a score: not "
          "banded (incomplete).")};
}

AppResult<DossierEvaluationView> dossier_evaluation(store::SqlConnection& db,
                                                    const calendar::WorkingCalendar& cal,
                                                    const evaluation::Rules& rules,
                                                    const Actor& actor,
                                                    const std::string& dossier_id, Instant now) {
  if (auto ok = may_see_dossier(db, actor, dossier_id); !ok) return tl::unexpected(ok.error());
  const auto row = store::evaluation_dossier(db, dossier_id, now.seconds);
  if (!row) return tl::unexpected(not_found("dossier " + dossier_id + " has not been received"));
  // The unit's figures (indices 8 and 9) over the month the dossier was received.
  store::OutcomeScope scope;
  scope.from_month = row->received_month;
  scope.to_month = row->received_month;
  scope.agency_ids = {row->agency_id};
  const auto rows = store::evaluation_dossiers(db, scope, now.seconds);
  const auto g = gather(db, scope, cal.utc_offset_minutes(), now, rows);
  for (const auto& d : g.dossiers) {
    if (d.id != dossier_id) continue;
    const auto e = evaluate(d, g.online.at(d.agency_id), rules);
    std::vector<DossierIndexPoints> indices;
    for (const auto& i : e.indices) {
      const auto& n = evaluation::index_name(i.index);
      indices.push_back(
          {i.index, n.key, bilingual(n.vi, n.en), i.points, Bilingual{i.reason_vi, i.reason_en}});
    }
    return DossierEvaluationView{
        d.id, row->code.empty() ? std::nullopt : std::optional<std::string>(row->code), d.outcome,
        std::move(indices),
        bilingual("Điểm 0/1/2 của hồ sơ theo 9 chỉ số đánh giá (Thông tư 01/2018/TT-VPCP Điều "
                  "13), kèm lý do; chỉ số 8 và 9 tính trên cơ quan giải quyết trong tháng tiếp "
                  "nhận hồ sơ. Hồ sơ chưa hoàn thành chưa được chấm.",
                  "The dossier's 0/1/2 points on the nine evaluation indices (Circular "
                  "01/2018/TT-VPCP Art. 13) with their reasons; indices 8 and 9 are measured on "
                  "the deciding agency in the month the dossier was received. An open dossier is "
                  "not scored yet.")};
  }
  return tl::unexpected(not_found("dossier " + dossier_id + " has not been received"));
}

}  // namespace motcua::app
