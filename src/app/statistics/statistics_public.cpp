// Public statistics: on-time figures per agency or procedure and month (the Decision 766 index is
// in statistics_index766.cpp).
#include <map>

#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_scope.hpp"

namespace motcua::app {

namespace {

struct Tally {
  std::int64_t received = 0, early = 0, on_time = 0, late = 0;
  std::int64_t open_within = 0, open_overdue = 0, open_paused = 0, online = 0;
  std::int64_t late_agency = 0, late_official = 0, late_other_agency = 0, late_applicant = 0;

  template <typename Counts>  // store::OnTimeCounts or another Tally
  void add(const Counts& c) {
    received += c.received;
    early += c.early;
    on_time += c.on_time;
    late += c.late;
    open_within += c.open_within;
    open_overdue += c.open_overdue;
    open_paused += c.open_paused;
    online += c.online;
    late_agency += c.late_agency;
    late_official += c.late_official;
    late_other_agency += c.late_other_agency;
    late_applicant += c.late_applicant;
  }
  // Decision 766 progress: finished on time (early included) or still open within time, over
  // every dossier received.
  std::int64_t counted_on_time() const { return early + on_time + open_within; }

  OnTimeTally view() const {
    return {received,
            early,
            on_time,
            late,
            open_within,
            open_overdue,
            open_paused,
            rate(counted_on_time(), received),
            {late_agency, late_official, late_other_agency, late_applicant}};
  }
};

OnTimeDefinition definition() {
  return {
      .period = bilingual("Hồ sơ được nhóm theo tháng tiếp nhận (giờ Việt Nam).",
                          "Dossiers are grouped by the month they were received (Vietnam time)."),
      .due_date = bilingual(
          "Hạn dùng là hạn theo Quyết định 766 (due_766): thời gian chờ bổ sung, nộp phí "
          "được cộng thêm; phiếu xin lỗi không dời hạn.",
          "The due date is the Decision 766 one (due_766): time waiting for papers or fees "
          "is added; an apology slip does not move it."),
      .on_time =
          bilingual("Đúng hạn: hoàn thành (có kết quả, từ chối sau thẩm định hoặc dừng) không muộn "
                    "hơn hạn, và không bị yêu cầu bổ sung quá một lần. Trước hạn: hoàn thành vào "
                    "một ngày trước ngày đến hạn.",
                    "On time: finished (result ready, refused after review, or stopped) no later "
                    "than the due date, with at most one supplement request. Early: finished on a "
                    "day before the due day."),
      .open =
          bilingual("Hồ sơ chưa hoàn thành: quá hạn khi đã qua hạn vào thời điểm xem; khi đang "
                    "tạm dừng chờ công dân thì giữ nguyên tình trạng lúc tạm dừng; yêu cầu bổ sung "
                    "lần hai tính là quá hạn.",
                    "Open dossiers: overdue once the due date has passed at the time of the query; "
                    "while paused for the applicant they keep their state at the pause; a second "
                    "supplement request counts as overdue."),
      .on_time_rate =
          bilingual("Tỷ lệ đúng hạn = (hoàn thành trước hạn + đúng hạn + chưa hoàn thành còn trong "
                    "hạn) / số hồ sơ tiếp nhận (Quyết định 766/QĐ-TTg, chỉ số tiến độ).",
                    "On-time rate = (finished early + on time + open within time) / dossiers "
                    "received (Decision 766/QĐ-TTg, progress index)."),
  };
}

}  // namespace

AppResult<OnTimeStatistics> on_time_statistics(store::SqlConnection& db,
                                               const calendar::WorkingCalendar& cal,
                                               const StatisticsQuery& q, Instant now) {
  if (q.group != "agency" && q.group != "procedure") {
    return tl::unexpected(invalid_input("'group' must be agency or procedure"));
  }
  store::OutcomeScope scope;
  auto months = month_range(q, cal, now, scope);
  if (!months) return tl::unexpected(months.error());
  if (auto ok = public_agencies(db, q, scope); !ok) return tl::unexpected(ok.error());
  const auto counts = store::on_time_counts(db, scope, q.group, now.seconds);

  std::map<std::string, std::map<std::string, Tally>> by_group;
  std::map<std::string, Tally> by_month;
  Tally all;
  for (const auto& c : counts) {
    by_group[c.group][c.month].add(c);
    by_month[c.month].add(c);
    all.add(c);
  }
  const auto month_rows = [&](const std::map<std::string, Tally>& tallies) {
    std::vector<MonthTally> rows;
    for (const auto& m : *months) {
      const auto it = tallies.find(m);
      const Tally t = it == tallies.end() ? Tally{} : it->second;
      rows.push_back({m, t.view()});
    }
    return rows;
  };
  std::vector<OnTimeGroup> groups;
  for (const auto& [id, tallies] : by_group) {
    Tally total;
    for (const auto& [m, t] : tallies) total.add(t);
    auto name = q.group == "agency" ? store::agency_name(db, id) : store::procedure_name(db, id);
    groups.push_back({id, std::move(name), month_rows(tallies), total.view()});
  }
  return OnTimeStatistics{
      q.group,
      scope.from_month,
      scope.to_month,
      q.agency_id.empty() ? std::nullopt : std::optional<std::string>(q.agency_id),
      to_iso(now, cal.utc_offset_minutes()),
      *months,
      std::move(groups),
      month_rows(by_month),
      all.view(),
      definition()};
}

}  // namespace motcua::app
