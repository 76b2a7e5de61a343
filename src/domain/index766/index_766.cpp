#include "domain/index766/index_766.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace motcua::index766 {

namespace {

// Working days the province has between announcing a procedure and its legal basis taking
// effect, and between announcing it and entering it in the national database (rules digest §8).
constexpr std::int32_t kPublicationWorkingDays = 5;
constexpr std::int32_t kDatabaseEntryWorkingDays = 5;

double round_to(double v, double unit) { return std::round(v / unit) * unit; }

struct Evaluation {
  std::vector<Item> items;  // the denominator, each counted or not
  std::vector<std::string> missing;
};

using Evaluator = std::function<Evaluation(const Facts&, const calendar::WorkingCalendar&)>;

struct IndexDef {
  const char* key;
  const char* group;
  const char* name_vi;
  const char* name_en;
  double max_points;
  double full_at;  // the value from which the index earns all its points
  Evaluator evaluate;
};

Evaluation over_dossiers(const Facts& f, bool (*in)(const DossierFacts&),
                         bool (*counted)(const DossierFacts&)) {
  Evaluation e;
  for (const auto& d : f.dossiers) {
    if (in(d)) e.items.push_back({d.id, d.code, counted(d)});
  }
  return e;
}

bool every(const DossierFacts&) { return true; }

std::optional<Date> plus_working_days(const calendar::WorkingCalendar& cal, Date d,
                                      std::int32_t n) {
  auto r = cal.nth_working_day_after(d, n);
  return r ? std::optional<Date>(*r) : std::nullopt;
}

// Procedures whose two dates are recorded; the others are listed as missing inputs.
Evaluation over_procedure_dates(const Facts& f, const char* index, const char* first_name,
                                std::optional<Date> ProcedureInputs::*first,
                                const char* second_name,
                                std::optional<Date> ProcedureInputs::*second,
                                const std::function<bool(Date, Date)>& in_time) {
  Evaluation e;
  for (const auto& p : f.procedures) {
    const auto& a = p.inputs.*first;
    const auto& b = p.inputs.*second;
    if (!a) e.missing.push_back(std::string(index) + ":" + p.code + ":" + first_name);
    if (!b) e.missing.push_back(std::string(index) + ":" + p.code + ":" + second_name);
    if (a && b) e.items.push_back({p.code, p.code, in_time(*a, *b)});
  }
  return e;
}

const std::vector<IndexDef>& definitions() {
  static const std::vector<IndexDef> defs{
      {"publication_on_time", "publicity", "Công bố thủ tục hành chính đúng hạn",
       "Procedures announced in time", 6, 1.0,
       [](const Facts& f, const calendar::WorkingCalendar& cal) {
         return over_procedure_dates(
             f, "publication_on_time", "decision_published_on",
             &ProcedureInputs::decision_published, "legal_basis_effective_on",
             &ProcedureInputs::legal_basis_effective, [&cal](Date published, Date effective) {
               const auto limit = plus_working_days(cal, published, kPublicationWorkingDays);
               return limit && *limit <= effective;
             });
       }},
      {"database_entry_on_time", "publicity", "Nhập, đăng tải thủ tục lên CSDL quốc gia đúng hạn",
       "Procedures entered in the national database in time", 6, 1.0,
       [](const Facts& f, const calendar::WorkingCalendar& cal) {
         return over_procedure_dates(
             f, "database_entry_on_time", "decision_published_on",
             &ProcedureInputs::decision_published, "entered_database_on",
             &ProcedureInputs::entered_database, [&cal](Date published, Date entered) {
               const auto limit = plus_working_days(cal, published, kDatabaseEntryWorkingDays);
               return limit && entered <= *limit;
             });
       }},
      {"dossiers_synced", "publicity", "Hồ sơ được đồng bộ lên Cổng DVCQG",
       "Dossiers synchronised with the National Portal", 6, 1.0,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         return over_dossiers(f, every, [](const DossierFacts& d) { return d.synced; });
       }},
      {"on_time", "progress", "Giải quyết hồ sơ đúng hạn", "Dossiers handled on time", 20, 1.0,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         return over_dossiers(f, every, [](const DossierFacts& d) { return d.counted_on_time; });
       }},
      {"procedures_online", "online", "Thủ tục cung cấp dịch vụ công trực tuyến",
       "Procedures offered online", 7, 0.8,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         Evaluation e;
         for (const auto& p : f.procedures) e.items.push_back({p.code, p.code, p.offered_online});
         return e;
       }},
      // The value is the online share times the sync rate (computed in score()); the items are
      // every dossier, counted when submitted online.
      {"online_dossiers", "online", "Hồ sơ trực tuyến (nhân tỷ lệ đồng bộ)",
       "Dossiers submitted online (times the sync rate)", 8, 0.5,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         return over_dossiers(f, every, [](const DossierFacts& d) { return d.online; });
       }},
      {"online_payments", "online", "Thanh toán trực tuyến", "Fees paid online", 7, 1.0,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         return over_dossiers(
             f, [](const DossierFacts& d) { return d.fee_bearing; },
             [](const DossierFacts& d) { return d.paid_online; });
       }},
      {"electronic_results", "digitisation", "Cấp kết quả điện tử", "Electronic results", 8, 1.0,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         std::map<std::string, std::optional<bool>> electronic;
         for (const auto& p : f.procedures) electronic[p.code] = p.inputs.electronic_result;
         Evaluation e;
         std::map<std::string, bool> listed;
         for (const auto& d : f.dossiers) {
           if (!d.has_result) continue;
           const auto it = electronic.find(d.procedure_code);
           if (it == electronic.end() || !it->second) {
             if (!listed[d.procedure_code]) {
               e.missing.push_back("electronic_results:" + d.procedure_code + ":electronic_result");
               listed[d.procedure_code] = true;
             }
             continue;
           }
           e.items.push_back({d.id, d.code, *it->second});
         }
         return e;
       }},
      {"digitised_dossiers", "digitisation", "Số hóa hồ sơ", "Digitised dossiers", 7, 0.8,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         return over_dossiers(f, every, [](const DossierFacts& d) { return d.digitised; });
       }},
      // Of the dossiers with electronic papers, those where a paper was taken from the
      // applicant's paper store (Decree 45/2020 Art 16) instead of uploaded again.
      {"reused_data", "digitisation", "Khai thác, tái sử dụng dữ liệu số hóa",
       "Reuse of digitised data", 7, 0.8,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         return over_dossiers(
             f, [](const DossierFacts& d) { return d.digitised; },
             [](const DossierFacts& d) { return d.reused; });
       }},
      {"feedback_on_time", "satisfaction", "Xử lý phản ánh, kiến nghị đúng hạn",
       "Feedback handled in time", 9, 1.0,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         Evaluation e;
         for (const auto& x : f.feedback) e.items.push_back({x.id, x.id, x.handled_in_time});
         return e;
       }},
      {"dossier_satisfaction", "satisfaction", "Mức độ hài lòng khi giải quyết hồ sơ",
       "Satisfaction with dossiers", 9, 0.9,
       [](const Facts& f, const calendar::WorkingCalendar&) {
         return over_dossiers(f, every, [](const DossierFacts& d) {
           return !d.late_or_overdue && !d.rated_unsatisfied;
         });
       }},
  };
  return defs;
}

struct GroupDef {
  const char* key;
  int max_points;
};
constexpr GroupDef kGroups[] = {{"publicity", 18},
                                {"progress", 20},
                                {"online", 22},
                                {"digitisation", 22},
                                {"satisfaction", 18}};

struct Tally {
  std::int64_t numerator = 0;
  std::int64_t denominator = 0;
};

// An index over the dossiers, from their counts; nullopt for the indices over procedures and
// feedback (scored from their lists).
std::optional<Tally> dossier_tally(const std::string& key, const CountedFacts& facts,
                                   std::vector<std::string>& missing) {
  const auto& c = facts.dossiers;
  if (key == "dossiers_synced") return Tally{c.synced, c.dossiers};
  if (key == "on_time") return Tally{c.counted_on_time, c.dossiers};
  if (key == "online_dossiers") return Tally{c.online, c.dossiers};
  if (key == "online_payments") return Tally{c.fee_paid_online, c.fee_bearing};
  if (key == "digitised_dossiers") return Tally{c.digitised, c.dossiers};
  if (key == "reused_data") return Tally{c.digitised_reused, c.digitised};
  if (key == "dossier_satisfaction") return Tally{c.satisfied, c.dossiers};
  if (key != "electronic_results") return std::nullopt;
  std::map<std::string, std::optional<bool>> electronic;
  for (const auto& p : facts.procedures) electronic[p.code] = p.inputs.electronic_result;
  Tally t;
  for (const auto& [code, n] : c.results) {
    const auto it = electronic.find(code);
    if (it == electronic.end() || !it->second) {
      missing.push_back("electronic_results:" + code + ":electronic_result");
      continue;
    }
    t.denominator += n;
    if (*it->second) t.numerator += n;
  }
  return t;
}

// `lists` holds the procedures and feedback of `facts` (no dossiers) for the list evaluators.
IndexScore score_index(const IndexDef& def, const CountedFacts& facts, const Facts& lists,
                       const calendar::WorkingCalendar& cal, std::vector<std::string>& missing) {
  IndexScore s{def.key, def.name_vi, def.name_en, std::nullopt, 0, def.max_points, 0, 0};
  if (const auto t = dossier_tally(s.key, facts, missing)) {
    s.numerator = t->numerator;
    s.denominator = t->denominator;
  } else {
    auto e = def.evaluate(lists, cal);
    missing.insert(missing.end(), e.missing.begin(), e.missing.end());
    s.denominator = static_cast<std::int64_t>(e.items.size());
    s.numerator =
        std::count_if(e.items.begin(), e.items.end(), [](const Item& i) { return i.counted; });
  }
  if (s.denominator == 0) return s;
  double value = static_cast<double>(s.numerator) / static_cast<double>(s.denominator);
  if (s.key == "online_dossiers") {
    value *= static_cast<double>(facts.dossiers.synced) / static_cast<double>(s.denominator);
  }
  s.value = round_to(value, 0.0001);
  s.points = round_to(def.max_points * std::min(1.0, value / def.full_at), 0.01);
  return s;
}

}  // namespace

DossierCounts count(const std::vector<DossierFacts>& dossiers) {
  DossierCounts c;
  std::map<std::string, std::size_t> result_at;  // procedure -> its place in c.results
  for (const auto& d : dossiers) {
    ++c.dossiers;
    c.online += d.online ? 1 : 0;
    c.counted_on_time += d.counted_on_time ? 1 : 0;
    c.synced += d.synced ? 1 : 0;
    c.fee_bearing += d.fee_bearing ? 1 : 0;
    c.fee_paid_online += d.fee_bearing && d.paid_online ? 1 : 0;
    c.digitised += d.digitised ? 1 : 0;
    c.digitised_reused += d.digitised && d.reused ? 1 : 0;
    c.satisfied += !d.late_or_overdue && !d.rated_unsatisfied ? 1 : 0;
    if (d.has_result) {
      const auto [it, added] = result_at.emplace(d.procedure_code, c.results.size());
      if (added) c.results.emplace_back(d.procedure_code, 0);
      ++c.results[it->second].second;
    }
  }
  return c;
}

Score score(const Facts& facts, const calendar::WorkingCalendar& cal) {
  return score(CountedFacts{count(facts.dossiers), facts.procedures, facts.feedback}, cal);
}

Score score(const CountedFacts& facts, const calendar::WorkingCalendar& cal) {
  const Facts lists{{}, facts.procedures, facts.feedback};
  Score out;
  for (const auto& g : kGroups) {
    GroupScore group{g.key, 0, g.max_points, {}, {}};
    for (const auto& def : definitions()) {
      if (std::string(def.group) != g.key) continue;
      group.indices.push_back(score_index(def, facts, lists, cal, group.missing_inputs));
      group.points += group.indices.back().points;
    }
    group.points = round_to(group.points, 0.01);
    out.total += group.points;
    out.groups.push_back(std::move(group));
  }
  out.total = round_to(out.total, 0.01);
  return out;
}

const std::vector<std::string>& index_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& d : definitions()) k.emplace_back(d.key);
    return k;
  }();
  return keys;
}

std::optional<std::vector<Item>> items(const std::string& index_key, const Facts& facts,
                                       const calendar::WorkingCalendar& cal) {
  for (const auto& d : definitions()) {
    if (index_key == d.key) return d.evaluate(facts, cal).items;
  }
  return std::nullopt;
}

}  // namespace motcua::index766
