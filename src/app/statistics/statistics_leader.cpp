// Leaders' statistics: on-time figures per unit and official from the control sheet, the overdue
// dossiers with their recorded causes, who used the time, and the approval queue. Every row is
// limited to the agencies the actor leads (statistics_scope.hpp).
#include <map>

#include "app/dossier/dossier_access.hpp"
#include "app/dossier/dossier_views.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_lateness.hpp"
#include "app/statistics/statistics_scope.hpp"
#include "store/dossier_repository.hpp"

namespace motcua::app {

namespace {

constexpr std::string_view kOfficialPrefix = "official:";
constexpr int kOverdueLimit = 500;

std::string official_id(const std::string& party) {
  return party.starts_with(kOfficialPrefix) ? party.substr(kOfficialPrefix.size()) : party;
}

std::optional<std::string> time_or_null(const std::optional<std::int64_t>& s, int offset) {
  if (!s) return std::nullopt;
  return to_iso(Instant{*s}, offset);
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : text + ",") {
    if (c != ',') {
      part.push_back(c);
    } else if (!part.empty()) {
      parts.emplace_back(part);
      part.clear();
    }
  }
  return parts;
}

std::int64_t minutes(std::int64_t seconds) { return (seconds + 30) / 60; }

struct StepTally {
  std::int64_t steps = 0, early = 0, on_time = 0, late = 0, no_budget = 0, used_s = 0;
  void add(const store::OfficialCounts& c) {
    steps += c.steps;
    early += c.early;
    on_time += c.on_time;
    late += c.late;
    no_budget += c.no_budget;
    used_s += c.used_s;
  }
  StepCounts view() const {
    return {steps,
            early,
            on_time,
            late,
            no_budget,
            minutes(used_s),
            rate(early + on_time, early + on_time + late)};
  }
};

// Which party an official stands for in "who used the time": the role they hold, the one who
// signs first. An official holding several roles is counted under the highest.
std::string party_kind(store::SqlConnection& db, const std::string& party,
                       std::map<std::string, std::string>& cache) {
  if (!party.starts_with(kOfficialPrefix)) return party;  // applicant, unassigned
  const auto id = official_id(party);
  if (const auto it = cache.find(id); it != cache.end()) return it->second;
  std::string kind = "other";
  const auto roles = store::user_roles(db, id);
  for (const char* r : {"leader", "processing", "reception", "administrator"}) {
    if (std::find(roles.begin(), roles.end(), r) != roles.end()) {
      kind = r;
      break;
    }
  }
  cache[id] = kind;
  return kind;
}

}  // namespace

AppResult<OfficialStatistics> official_statistics(store::SqlConnection& db,
                                                  const calendar::WorkingCalendar& cal,
                                                  const Actor& actor, const StatisticsQuery& q,
                                                  Instant now) {
  store::OutcomeScope scope;
  auto months = month_range(q, cal, now, scope);
  if (!months) return tl::unexpected(months.error());
  if (auto ok = led_agencies(db, actor, q, scope); !ok) return tl::unexpected(ok.error());
  std::map<std::string, std::vector<store::OfficialCounts>> by_unit;
  for (auto& c : store::official_counts(db, scope)) by_unit[c.agency_id].push_back(std::move(c));
  std::vector<UnitFigures> units;
  for (const auto& [agency, rows] : by_unit) {
    StepTally unit;
    std::vector<OfficialFigures> officials;
    for (const auto& c : rows) {
      unit.add(c);
      StepTally one;
      one.add(c);
      const auto id = official_id(c.party);
      officials.push_back({one.view(), id, store::user_name(db, id)});
    }
    units.push_back({unit.view(), agency, store::agency_name(db, agency), std::move(officials)});
  }
  return OfficialStatistics{
      scope.from_month, scope.to_month, to_iso(now, cal.utc_offset_minutes()), std::move(units),
      bilingual("Các bước đã kết thúc trên phiếu kiểm soát (Mẫu 06) của hồ sơ tiếp nhận trong "
                "kỳ, theo đơn vị giải quyết và người giữ bước. Kết quả bước: trước hạn / đúng "
                "hạn / quá hạn so với hạn của bước (thời gian tạm dừng không tính). Tỷ lệ đúng "
                "hạn = (trước hạn + đúng hạn) / số bước có định mức thời gian.",
                "Closed steps of the control sheet (Form 06) of dossiers received in the "
                "period, per deciding unit and the official who held the step. Step result: "
                "early / on time / late against the step's due (pauses excluded). On-time rate "
                "= (early + on time) / steps with a time budget.")};
}

AppResult<OverdueStatistics> overdue_statistics(store::SqlConnection& db,
                                                const calendar::WorkingCalendar& cal,
                                                const Actor& actor, const StatisticsQuery& q,
                                                Instant now) {
  store::OutcomeScope scope;
  auto months = month_range(q, cal, now, scope);
  if (!months) return tl::unexpected(months.error());
  if (auto ok = led_agencies(db, actor, q, scope); !ok) return tl::unexpected(ok.error());
  const int offset = cal.utc_offset_minutes();
  std::vector<OverdueDossier> out;
  for (const auto& row : store::overdue_dossiers(db, scope, now.seconds, kOverdueLimit)) {
    const auto& o = row.outcome;
    std::vector<LateStep> late_steps;
    const auto steps = store::steps_of(db, o.dossier_id);
    for (const auto& s : steps) {
      // A step counts when it ended late, or is still running past its due.
      const bool running_late = !s.ended_s && s.due_s && *s.due_s < now.seconds;
      if (s.result != "late" && !running_late) continue;
      const auto who = official_id(s.party);
      late_steps.push_back({s.name, who, store::user_name(db, who),
                            to_iso(Instant{s.started_s}, offset), time_or_null(s.due_s, offset),
                            time_or_null(s.ended_s, offset), minutes(s.used_s)});
    }
    OverdueCauses causes;
    const auto verdict = lateness_of(db, cal, o, steps, true, now);
    if (verdict.primary) causes.primary = std::string(clock::to_string(*verdict.primary));
    for (const auto& share : verdict.causes) {
      causes.shares.push_back(
          {std::string(clock::to_string(share.cause)), share.step, minutes(share.overrun)});
    }
    if (!o.apology_reason.empty()) {
      causes.apology = ApologyCause{o.apology_reason, time_or_null(o.apology_new_due_s, offset)};
    }
    causes.late_steps = std::move(late_steps);
    causes.supplement_requests = o.supplement_requests;
    causes.applicant_minutes = minutes(store::applicant_time(db, o.dossier_id));
    if (!o.paused.empty()) causes.paused = o.paused;
    causes.flags = split_commas(o.flags);
    std::optional<DossierHolder> holder;
    if (o.outcome == "open" && row.assignee_id) {
      holder =
          DossierHolder{*row.assignee_id, store::user_name(db, *row.assignee_id), row.current_step};
    }
    out.push_back({o.dossier_id, row.code, o.procedure_code,
                   store::procedure_name(db, o.procedure_code), o.agency_id,
                   store::agency_name(db, o.agency_id), row.status,
                   o.outcome == "late" ? "finished_late" : "open_overdue",
                   to_iso(Instant{o.received_s}, offset), time_or_null(o.due_s, offset),
                   time_or_null(o.due_766_s, offset), time_or_null(o.finished_s, offset),
                   std::move(holder), std::move(causes)});
  }
  return OverdueStatistics{
      scope.from_month,
      scope.to_month,
      to_iso(now, offset),
      kOverdueLimit,
      std::move(out),
      bilingual("Hồ sơ tiếp nhận trong kỳ đã hoàn thành quá hạn hoặc chưa hoàn thành và đã "
                "quá hạn (hạn theo Quyết định 766), kèm nguyên nhân đã ghi nhận: phiếu xin "
                "lỗi, bước xử lý quá hạn và người giữ bước, số lần yêu cầu bổ sung và thời gian "
                "chờ công dân.",
                "Dossiers received in the period that finished late or are open and overdue "
                "(Decision 766 due date), with the causes on record: the apology slip, the "
                "steps that overran and who held them, supplement requests and the time spent "
                "waiting for the applicant.")};
}

AppResult<TimeUsedStatistics> time_used_statistics(store::SqlConnection& db,
                                                   const calendar::WorkingCalendar& cal,
                                                   const Actor& actor, const StatisticsQuery& q,
                                                   Instant now) {
  store::OutcomeScope scope;
  auto months = month_range(q, cal, now, scope);
  if (!months) return tl::unexpected(months.error());
  if (auto ok = led_agencies(db, actor, q, scope); !ok) return tl::unexpected(ok.error());
  std::map<std::string, std::int64_t> finished;
  for (const auto& [code, n] : store::finished_per_procedure(db, scope)) finished[code] = n;
  std::map<std::string, std::map<std::string, std::int64_t>> by_procedure;
  std::map<std::string, std::string> kinds;
  for (const auto& p : store::party_time(db, scope)) {
    by_procedure[p.procedure_code][party_kind(db, p.party, kinds)] += p.seconds;
  }
  std::map<std::string, std::int64_t> all_parties;
  std::int64_t all_total = 0, all_dossiers = 0;
  const auto shares = [](const std::map<std::string, std::int64_t>& parties, std::int64_t total,
                         std::int64_t dossiers) {
    std::vector<PartyShare> out;
    for (const auto& [party, seconds] : parties) {
      out.push_back({party, minutes(seconds),
                     dossiers > 0 ? minutes(seconds / dossiers) : std::int64_t{0},
                     rate(seconds, total)});
    }
    return out;
  };
  std::vector<ProcedureTime> procedures;
  for (const auto& [code, parties] : by_procedure) {
    std::int64_t total = 0;
    for (const auto& [party, seconds] : parties) {
      total += seconds;
      all_parties[party] += seconds;
    }
    all_total += total;
    all_dossiers += finished[code];
    procedures.push_back({code, store::procedure_name(db, code), finished[code], minutes(total),
                          shares(parties, total, finished[code])});
  }
  return TimeUsedStatistics{
      scope.from_month,
      scope.to_month,
      to_iso(now, cal.utc_offset_minutes()),
      std::move(procedures),
      all_dossiers,
      minutes(all_total),
      shares(all_parties, all_total, all_dossiers),
      bilingual("Thời gian làm việc (phút, theo lịch làm việc) của các hồ sơ đã hoàn thành, "
                "tiếp nhận trong kỳ, chia theo bên sử dụng: applicant = chờ công dân bổ sung "
                "hoặc nộp phí; unassigned = từ lúc bắt đầu tính đến khi giao bước đầu tiên; "
                "reception / processing / leader = các bước do cán bộ có vai trò đó giữ (cán bộ "
                "nhiều vai trò tính vào vai trò cao nhất); agency:<mã> = thời gian lấy ý kiến cơ "
                "quan đó, từ lúc hỏi đến lúc trả lời (không tính cho người giữ bước).",
                "Working time (minutes, on the working calendar) of finished dossiers received "
                "in the period, by the party that used it: applicant = waiting for papers or "
                "fees; unassigned = from the start of counting to the first step; reception / "
                "processing / leader = steps held by officials with that role (an official "
                "with several roles counts under the highest); agency:<id> = time a consulted "
                "agency had the question, from asking to its answer (not the step holder's).")};
}

AppResult<ApprovalQueue> approval_queue(store::SqlConnection& db,
                                        const calendar::WorkingCalendar& cal, const Actor& actor,
                                        Instant now) {
  if (actor.applicant || !actor.has_role(dossier::Role::leader)) {
    return tl::unexpected(forbidden_action("the approval queue is for leaders"));
  }
  store::DossierFilter filter;
  filter.agency_ids = scoped_agencies(db, actor, dossier::Role::leader);
  filter.assignee_id = actor.user_id;
  filter.statuses = {"in_progress"};
  filter.limit = 500;
  std::vector<ApprovalItem> items;
  if (!filter.agency_ids.empty()) {
    for (const auto& row : store::list_dossier_rows(db, filter)) {
      items.push_back(queue_item(row, cal, now));
    }
  }
  return ApprovalQueue{
      to_iso(now, cal.utc_offset_minutes()), std::move(items),
      bilingual("Hồ sơ đang xử lý được chuyển cho lãnh đạo này (bước phê duyệt, ký kết quả) "
                "tại các cơ quan do lãnh đạo phụ trách, hạn sớm nhất trước.",
                "Dossiers in progress handed to this leader (the approval and signing step) at "
                "the agencies they lead, earliest due first.")};
}

}  // namespace motcua::app
