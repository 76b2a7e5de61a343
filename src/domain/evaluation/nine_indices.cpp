#include "domain/evaluation/nine_indices.hpp"

#include <algorithm>

namespace motcua::evaluation {

namespace {

constexpr std::array<IndexName, kIndexCount> kNames{{
    {"total_time", "Tổng thời gian giải quyết so với quy định",
     "Total handling time against the legal limit"},
    {"agency_time", "Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết",
     "Time taken by each agency or unit taking part"},
    {"contacts", "Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ",
     "Contacts needed with the receiving office to complete the dossier"},
    {"bodies", "Số cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ",
     "Bodies the applicant had to contact to complete the dossier"},
    {"one_stop", "Tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa",
     "Received, handled and returned through the one-stop unit"},
    {"publication", "Công khai thủ tục hành chính", "Publication of the procedure"},
    {"attitude", "Thái độ của cán bộ, công chức, viên chức", "Attitude of the officials"},
    {"feedback", "Tiếp thu, giải trình phản ánh, kiến nghị",
     "Feedback received and answered in time"},
    {"online", "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến",
     "Progress and quality of online services"},
}};

IndexPoints scored(int index, int points, std::string vi, std::string en) {
  return {index, points, std::move(vi), std::move(en)};
}
IndexPoints unscored(int index, std::string vi, std::string en) {
  return {index, std::nullopt, std::move(vi), std::move(en)};
}

// part / whole >= percent / 100, in integers (whole > 0).
bool at_least(std::int64_t part, std::int64_t whole, int percent) {
  return part * 100 >= whole * percent;
}

IndexPoints total_time(const DossierFacts& d) {
  if (d.outcome == "early") {
    return scored(1, 2, "Hoàn thành trước hạn", "Finished before the due date");
  }
  if (d.outcome == "on_time") return scored(1, 1, "Hoàn thành đúng hạn", "Finished on time");
  if (d.outcome == "late") return scored(1, 0, "Hoàn thành quá hạn", "Finished late");
  return unscored(1, "Hồ sơ chưa hoàn thành", "The dossier is not finished");
}

// Each step of the control sheet stands for the unit that held it ([M]): every step early -> 2,
// none late -> 1, one late -> 0. Steps without a time budget have no result and are left out.
IndexPoints agency_time(const DossierFacts& d) {
  if (d.outcome == "open")
    return unscored(2, "Hồ sơ chưa hoàn thành", "The dossier is not finished");
  int with_result = 0, early = 0, late = 0;
  for (const auto& s : d.steps) {
    if (s.result.empty()) continue;
    ++with_result;
    early += s.result == "early" ? 1 : 0;
    late += s.result == "late" ? 1 : 0;
  }
  if (with_result == 0) {
    return unscored(2, "Không bước nào có định mức thời gian",
                    "No step has a time budget to measure against");
  }
  const auto n = std::to_string(with_result);
  if (late > 0) {
    return scored(2, 0, std::to_string(late) + "/" + n + " bước quá hạn",
                  std::to_string(late) + " of " + n + " steps late");
  }
  if (early == with_result) {
    return scored(2, 2, "Cả " + n + " bước trước hạn", "All " + n + " steps early");
  }
  return scored(2, 1, "Không bước nào quá hạn (" + n + " bước)", "No step late (" + n + " steps)");
}

IndexPoints from_rating(int index, const DossierFacts& d, int RatingFact::*field) {
  if (!d.rating) {
    return unscored(index, "Người nộp chưa đánh giá hồ sơ",
                    "The applicant has not rated the dossier");
  }
  return scored(index, (*d.rating).*field, "Theo đánh giá của người nộp",
                "From the applicant's rating");
}

IndexPoints one_stop(const DossierFacts& d) {
  if (d.through_one_stop) {
    return scored(5, 2, "Tiếp nhận qua Bộ phận Một cửa (quầy, trực tuyến hoặc bưu chính)",
                  "Received through the one-stop unit (counter, online or post)");
  }
  return scored(5, 0, "Tiếp nhận ngoài Bộ phận Một cửa", "Received outside the one-stop unit");
}

IndexPoints publication(const DossierFacts& d) {
  if (!d.in_catalog) {
    return scored(6, 0, "Thủ tục không có trong danh mục công khai",
                  "The procedure is not in the public catalogue");
  }
  if (!d.decision_known) {
    return scored(6, 1, "Thủ tục công khai nhưng thiếu số quyết định công bố",
                  "Published, but without the number of the announcing decision");
  }
  return scored(6, 2, "Thủ tục công khai kèm quyết định công bố",
                "Published with its announcing decision");
}

IndexPoints feedback(const DossierFacts& d, const Rules& rules) {
  if (d.feedback_total == 0) {
    return scored(8, 2, "Không có phản ánh, kiến nghị về thủ tục tại cơ quan trong kỳ",
                  "No feedback on the procedure at this agency in the period");
  }
  const auto text = std::to_string(d.feedback_in_time) + "/" + std::to_string(d.feedback_total);
  const int points =
      at_least(d.feedback_in_time, d.feedback_total, rules.feedback_full_percent)      ? 2
      : at_least(d.feedback_in_time, d.feedback_total, rules.feedback_partial_percent) ? 1
                                                                                       : 0;
  return scored(8, points, text + " phản ánh, kiến nghị được trả lời đúng hạn",
                text + " feedback items answered in time");
}

IndexPoints online(const AgencyOnline& a, const Rules& rules) {
  if (a.dossiers == 0 || a.procedures == 0) {
    return unscored(9, "Cơ quan không có hồ sơ hoặc thủ tục trong kỳ",
                    "The agency has no dossiers or procedures in the period");
  }
  const auto text_vi = std::to_string(a.procedures_online) + "/" + std::to_string(a.procedures) +
                       " thủ tục trực tuyến, " + std::to_string(a.dossiers_online) + "/" +
                       std::to_string(a.dossiers) + " hồ sơ trực tuyến, " +
                       std::to_string(a.online_late) + " hồ sơ trực tuyến quá hạn";
  const auto text_en = std::to_string(a.procedures_online) + " of " + std::to_string(a.procedures) +
                       " procedures online, " + std::to_string(a.dossiers_online) + " of " +
                       std::to_string(a.dossiers) + " dossiers online, " +
                       std::to_string(a.online_late) + " online dossiers late";
  const bool full =
      at_least(a.procedures_online, a.procedures, rules.online_procedures_full_percent) &&
      at_least(a.dossiers_online, a.dossiers, rules.online_dossiers_full_percent) &&
      a.online_late == 0;
  if (full) return scored(9, 2, text_vi, text_en);
  const bool partial =
      at_least(a.dossiers_online, a.dossiers, rules.online_dossiers_partial_percent);
  return scored(9, partial ? 1 : 0, text_vi, text_en);
}

}  // namespace

DossierEvaluation evaluate(const DossierFacts& d, const AgencyOnline& a, const Rules& rules) {
  DossierEvaluation e{d.id, {}};
  e.indices[0] = total_time(d);
  e.indices[1] = agency_time(d);
  e.indices[2] = from_rating(3, d, &RatingFact::contacts_points);
  e.indices[3] = from_rating(4, d, &RatingFact::bodies_points);
  e.indices[4] = one_stop(d);
  e.indices[5] = publication(d);
  e.indices[6] = from_rating(7, d, &RatingFact::attitude_points);
  e.indices[7] = feedback(d, rules);
  e.indices[8] = online(a, rules);
  // An open dossier is evaluated once finished: none of its indices counts yet.
  if (d.outcome == "open") {
    for (auto& i : e.indices) {
      i.points.reset();
      i.reason_vi = "Hồ sơ chưa hoàn thành";
      i.reason_en = "The dossier is not finished";
    }
  }
  return e;
}

int mean_tenths(std::int64_t sum, std::int64_t count) {
  // round(10 * sum / count), half away from zero, in integers so 0.95 is never 0.9499...
  const std::int64_t twice = 20 * (sum < 0 ? -sum : sum) + count;
  const auto magnitude = static_cast<int>(twice / (2 * count));
  return sum < 0 ? -magnitude : magnitude;
}

std::vector<IndexScore> index_scores(const std::vector<const DossierEvaluation*>& dossiers,
                                     const std::vector<int>& indices) {
  std::vector<IndexScore> out;
  for (const int index : indices) {
    std::int64_t sum = 0, count = 0;
    for (const auto* d : dossiers) {
      const auto& p = d->indices[static_cast<std::size_t>(index - 1)].points;
      if (!p) continue;
      sum += *p;
      ++count;
    }
    out.push_back(
        {index, count > 0 ? std::optional<int>(mean_tenths(sum, count)) : std::nullopt, count});
  }
  return out;
}

OfficialBand official_band(int total_tenths, const Rules& rules) {
  if (total_tenths >= rules.official_full_tenths) return OfficialBand::full;
  if (total_tenths >= rules.official_partial_tenths) return OfficialBand::partial;
  return OfficialBand::low;
}

UnitBand unit_band(int total_tenths, const Rules& rules) {
  if (total_tenths >= rules.unit_excellent_tenths) return UnitBand::excellent;
  if (total_tenths >= rules.unit_good_tenths) return UnitBand::good;
  if (total_tenths >= rules.unit_fair_tenths) return UnitBand::fair;
  if (total_tenths >= rules.unit_average_tenths) return UnitBand::average;
  return UnitBand::weak;
}

std::string_view to_string(OfficialBand b) {
  switch (b) {
    case OfficialBand::full:
      return "tasks_100";
    case OfficialBand::partial:
      return "tasks_70_100";
    case OfficialBand::low:
      return "tasks_below_70";
  }
  return "";
}

std::string_view to_string(UnitBand b) {
  switch (b) {
    case UnitBand::excellent:
      return "excellent";
    case UnitBand::good:
      return "good";
    case UnitBand::fair:
      return "fair";
    case UnitBand::average:
      return "average";
    case UnitBand::weak:
      return "weak";
  }
  return "";
}

const IndexName& index_name(int index) {
  return kNames.at(static_cast<std::size_t>(std::clamp(index, 1, kIndexCount) - 1));
}

}  // namespace motcua::evaluation
