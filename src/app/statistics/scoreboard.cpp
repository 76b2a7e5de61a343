// The public scoreboard (scoreboard.hpp): one app::index_766 per agency (or per month of one
// agency), plus the ratings counted in store/scoreboard_queries.cpp, then the ranking.
#include "app/statistics/scoreboard.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/statistics/statistics_scope.hpp"
#include "store/agency_repository.hpp"
#include "store/dossier_repository.hpp"
#include "store/feedback_repository.hpp"
#include "store/scoreboard_queries.hpp"

namespace motcua::app {

namespace {

// The province this installation serves (the one its administrators are granted), else the
// first current top-level agency: the same choice as unaddressed feedback.
std::optional<std::string> province_of(store::SqlConnection& db) {
  if (auto id = store::served_province(db)) return id;
  return store::first_current_root_agency(db);
}

struct Ratings {
  std::int64_t rated = 0;
  std::int64_t satisfied = 0;
};

std::map<std::string, Ratings> ratings_by_month(store::SqlConnection& db,
                                                const store::OutcomeScope& scope) {
  std::map<std::string, Ratings> out;
  for (const auto& r : store::rating_counts(db, scope)) out[r.month] = {r.rated, r.satisfied};
  return out;
}

// The progress index of the 766 result: its value is the on-time rate, its denominator the
// dossiers received, its numerator those counted on time.
const Index766Index* on_time_index(const Index766& index) {
  for (const auto& g : index.groups) {
    for (const auto& i : g.indices) {
      if (i.key == "on_time") return &i;
    }
  }
  return nullptr;
}

// Rank keys: on-time rate, then the share satisfied; an agency without ratings comes after one
// with ratings at the same on-time rate. Rates are already rounded to 4 decimals, so equal keys
// are equal figures as published.
std::tuple<double, double> rank_key(const ScoreboardAgency& a) {
  return {a.on_time_rate.value_or(-1), a.satisfied_share.value_or(-1)};
}

void rank(std::vector<ScoreboardAgency>& agencies) {
  std::stable_sort(agencies.begin(), agencies.end(), [](const auto& a, const auto& b) {
    const bool ra = a.received > 0, rb = b.received > 0;
    if (ra != rb) return ra;
    if (ra && rank_key(a) != rank_key(b)) return rank_key(a) > rank_key(b);
    return a.name < b.name;
  });
  // Competition ranking: tied agencies share a rank, the next rank skips (1, 2, 2, 4).
  for (std::size_t i = 0; i < agencies.size() && agencies[i].received > 0; ++i) {
    const bool same_as_previous = i > 0 && rank_key(agencies[i]) == rank_key(agencies[i - 1]);
    agencies[i].rank = same_as_previous ? agencies[i - 1].rank : static_cast<int>(i + 1);
    if (same_as_previous) agencies[i].tied = agencies[i - 1].tied = true;
  }
}

Bilingual ranking_text() {
  return bilingual(
      "Xếp hạng theo tỷ lệ hồ sơ đúng hạn (chỉ số tiến độ của Quyết định 766), từ cao xuống thấp; "
      "cùng tỷ lệ đúng hạn thì theo tỷ lệ đánh giá hài lòng (cơ quan chưa có đánh giá xếp sau). "
      "Các cơ quan bằng nhau cả hai tỷ lệ (làm tròn 0,01 %) cùng hạng, hạng kế tiếp bỏ qua số "
      "tương ứng (1, 2, 2, 4) và được sắp theo tên. Cơ quan không tiếp nhận hồ sơ nào trong kỳ "
      "không được xếp hạng.",
      "Ranked by on-time rate (the progress index of Decision 766), highest first; at the same "
      "on-time rate by the share of satisfied ratings (an agency without ratings comes after). "
      "Agencies equal on both rates (rounded to 0.01 %) share a rank, the next rank skips "
      "accordingly (1, 2, 2, 4), and are listed by name. An agency that received no dossier in "
      "the period is not ranked.");
}

Bilingual satisfaction_text() {
  return bilingual(
      "Tỷ lệ hài lòng = số hồ sơ được công dân đánh giá 3 đến 5 trên 5 / số hồ sơ được đánh giá, "
      "theo tháng tiếp nhận hồ sơ. Điểm nhóm “Mức độ hài lòng” là của Quyết định 766.",
      "Satisfied share = dossiers rated 3 to 5 of 5 by their applicant / dossiers rated, by month "
      "of receipt. The satisfaction group's points are Decision 766's.");
}

}  // namespace

AppResult<Scoreboard> scoreboard(store::SqlConnection& db, const calendar::WorkingCalendar& cal,
                                 const StatisticsQuery& q, Instant now) {
  store::OutcomeScope period;
  auto months = month_range(q, cal, now, period);
  if (!months) return tl::unexpected(months.error());
  Scoreboard out;
  out.from = period.from_month;
  out.to = period.to_month;
  out.as_of = to_iso(now, cal.utc_offset_minutes());
  out.ranking = ranking_text();
  out.satisfaction = satisfaction_text();
  out.source = bilingual(
      "Số liệu từ hồ sơ tiếp nhận trên hệ thống (Quyết định 766/QĐ-TTg; docs/rules.md mục 23).",
      "Figures from the dossiers received in this system (Decision 766/QĐ-TTg; docs/rules.md "
      "section 23).");
  const auto province = province_of(db);
  if (!province) return out;
  out.province_id = *province;
  out.province_name = store::agency_name(db, *province);
  // Every agency's ratings of the period in one pass; each row below adds up its subtree's.
  const auto ratings = store::rating_counts_by_agency(db, period);
  for (const auto& agency : store::child_agencies(db, *province)) {
    // Agencies that did not exist during the period (merged away before it, or created after).
    if (agency.valid_to && *agency.valid_to < out.from + "-01") continue;
    if (agency.valid_from > out.to + "-31") continue;
    StatisticsQuery one = q;
    one.from = out.from;
    one.to = out.to;
    one.agency_id = agency.id;
    auto index = index_766(db, cal, one, now);
    if (!index) return tl::unexpected(index.error());
    ScoreboardAgency row;
    row.id = agency.id;
    row.name = agency.name;
    row.feedback_url = "/feedback/published?agency_id=" + agency.id;
    row.index_766_total = index->total;
    if (const auto* progress = on_time_index(*index)) {
      row.received = progress->denominator;
      row.counted_on_time = progress->numerator;
      row.on_time_rate = progress->value;
    }
    for (const auto& g : index->groups) {
      row.groups.push_back({g.key, g.name, g.points, g.max_points,
                            static_cast<std::int64_t>(g.missing_inputs.size())});
    }
    for (const auto& id : store::agency_subtree(db, agency.id)) {
      if (const auto it = ratings.find(id); it != ratings.end()) {
        row.rated += it->second.rated;
        row.satisfied += it->second.satisfied;
      }
    }
    row.satisfied_share = rate(row.satisfied, row.rated);
    out.agencies.push_back(std::move(row));
  }
  rank(out.agencies);
  return out;
}

AppResult<ScoreboardHistory> scoreboard_history(store::SqlConnection& db,
                                                const calendar::WorkingCalendar& cal,
                                                const std::string& agency_id,
                                                const std::string& months_text, Instant now) {
  if (agency_id.empty()) return tl::unexpected(invalid_input("'agency_id' is required"));
  int count = 12;
  if (!months_text.empty()) {
    const bool digits =
        months_text.size() <= 2 && std::all_of(months_text.begin(), months_text.end(),
                                               [](char c) { return c >= '0' && c <= '9'; });
    count = digits ? std::stoi(months_text) : 0;
    if (count < 1 || count > kMaxMonths) {
      return tl::unexpected(invalid_input("'months' must be a whole number from 1 to 36"));
    }
  }
  const auto name = store::agency_name(db, agency_id);
  if (name.empty()) return tl::unexpected(not_found("agency " + agency_id));
  // The range ends with the current month; month_range validates and lists it.
  StatisticsQuery range;
  store::OutcomeScope scope;
  auto current = month_range(range, cal, now, scope);
  if (!current) return tl::unexpected(current.error());
  const int to = *parse_month(scope.to_month);
  range.from = month_text(to - count + 1);
  range.to = month_text(to);
  auto months = month_range(range, cal, now, scope);
  if (!months) return tl::unexpected(months.error());
  scope.agency_ids = store::agency_subtree(db, agency_id);
  const auto ratings = ratings_by_month(db, scope);

  ScoreboardHistory out{
      agency_id,
      name,
      to_iso(now, cal.utc_offset_minutes()),
      {},
      bilingual("Mỗi tháng: hồ sơ tiếp nhận trong tháng; tỷ lệ đúng hạn và tổng "
                "điểm theo Quyết định 766, tỷ lệ hài lòng theo đánh giá.",
                "Each month: the dossiers received in it; on-time rate and "
                "total points as in Decision 766, satisfied share from ratings.")};
  for (const auto& m : *months) {
    StatisticsQuery one;
    one.from = m;
    one.to = m;
    one.agency_id = agency_id;
    auto index = index_766(db, cal, one, now);
    if (!index) return tl::unexpected(index.error());
    ScoreboardMonth row{m, 0, std::nullopt, 0, std::nullopt, index->total};
    if (const auto* progress = on_time_index(*index)) {
      row.received = progress->denominator;
      row.on_time_rate = progress->value;
    }
    if (const auto it = ratings.find(m); it != ratings.end()) {
      row.rated = it->second.rated;
      row.satisfied_share = rate(it->second.satisfied, it->second.rated);
    }
    out.months.push_back(std::move(row));
  }
  return out;
}

}  // namespace motcua::app
