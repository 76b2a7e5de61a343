// Replays the worked example of docs/rules.md ("Decision 766 index", worked example) fact by fact
// and asserts every number printed there. If this test changes, the example must change with it.
#include "domain/index766/index_766.hpp"

#include <gtest/gtest.h>

#include <map>

namespace motcua::index766 {
namespace {

using calendar::OfficeHours;
using calendar::WorkingCalendar;

const WorkingCalendar& plain_calendar() {
  static const WorkingCalendar cal = *WorkingCalendar::build({}, OfficeHours::standard());
  return cal;
}

Date march(int day) { return date_from_ymd(2026, 3, day); }

// The table of the worked example: dossier, procedure, then the flags in the table's column order
// (online, on time, late or overdue, synced, fee, paid online, digitised, result, unsatisfied).
DossierFacts dossier(const char* id, const char* procedure, const char* flags) {
  const auto on = [&](int i) { return flags[i] == 'x'; };
  return {id, id, procedure, on(0), on(1), on(2), on(3), on(4), on(5), on(6), on(7), on(8)};
}

Facts worked_example() {
  Facts f;
  f.procedures = {
      {"1.000001", true, {march(2), march(10), march(6), true}},
      {"1.000002", false, {march(2), march(6), march(12), false}},
      {"1.000003", true, {}},
  };
  //                                     onl ont lat syn fee pay dig res uns
  f.dossiers = {dossier("D1", "1.000001", "xx.xxxxx."), dossier("D2", "1.000001", "xx.xxxxx."),
                dossier("D3", "1.000001", "xx.xx.xx."), dossier("D4", "1.000001", "x.xx..xx."),
                dossier("D5", "1.000002", ".x.xx..x."), dossier("D6", "1.000002", ".x.x...xx"),
                dossier("D7", "1.000002", "..x....x."), dossier("D8", "1.000003", "xx.x..x.."),
                dossier("D9", "1.000003", "xx.x..xx."), dossier("D10", "1.000003", "..x......")};
  f.feedback = {{"F1", true}, {"F2", true}, {"F3", false}};
  return f;
}

TEST(Index766, WorkedExampleOfRulesMd) {
  const auto s = score(worked_example(), plain_calendar());
  std::map<std::string, const GroupScore*> groups;
  std::map<std::string, const IndexScore*> idx;
  for (const auto& g : s.groups) {
    groups[g.key] = &g;
    for (const auto& i : g.indices) idx[i.key] = &i;
  }
  ASSERT_EQ(s.groups.size(), 5u);
  const auto expect = [&](const char* key, std::int64_t num, std::int64_t den,
                          std::optional<double> value, double points, double max) {
    SCOPED_TRACE(key);
    ASSERT_TRUE(idx.count(key));
    EXPECT_EQ(idx[key]->numerator, num);
    EXPECT_EQ(idx[key]->denominator, den);
    EXPECT_EQ(idx[key]->value.has_value(), value.has_value());
    if (value && idx[key]->value) {
      EXPECT_NEAR(*idx[key]->value, *value, 1e-9);
    }
    EXPECT_NEAR(idx[key]->points, points, 1e-9);
    EXPECT_EQ(idx[key]->max_points, max);
  };
  expect("publication_on_time", 1, 2, 0.5, 3.00, 6);
  expect("database_entry_on_time", 1, 2, 0.5, 3.00, 6);
  expect("dossiers_synced", 8, 10, 0.8, 4.80, 6);
  expect("on_time", 7, 10, 0.7, 14.00, 20);
  expect("procedures_online", 2, 3, 0.6667, 5.83, 7);
  expect("online_dossiers", 6, 10, 0.48, 7.68, 8);
  expect("online_payments", 2, 4, 0.5, 3.50, 7);
  expect("electronic_results", 4, 7, 0.5714, 4.57, 8);
  expect("digitised_dossiers", 6, 10, 0.6, 5.25, 7);
  expect("reused_data", 0, 6, 0.0, 0.00, 7);
  expect("feedback_on_time", 2, 3, 0.6667, 6.00, 9);
  expect("dossier_satisfaction", 6, 10, 0.6, 6.00, 9);

  EXPECT_NEAR(groups["publicity"]->points, 10.80, 1e-9);
  EXPECT_NEAR(groups["progress"]->points, 14.00, 1e-9);
  EXPECT_NEAR(groups["online"]->points, 17.01, 1e-9);
  EXPECT_NEAR(groups["digitisation"]->points, 9.82, 1e-9);
  EXPECT_NEAR(groups["satisfaction"]->points, 12.00, 1e-9);
  EXPECT_NEAR(s.total, 63.63, 1e-9);
  EXPECT_EQ(groups["publicity"]->max_points, 18);
  EXPECT_EQ(groups["progress"]->max_points, 20);
  EXPECT_EQ(groups["online"]->max_points, 22);
  EXPECT_EQ(groups["digitisation"]->max_points, 22);
  EXPECT_EQ(groups["satisfaction"]->max_points, 18);

  EXPECT_EQ(groups["publicity"]->missing_inputs,
            (std::vector<std::string>{"publication_on_time:1.000003:decision_published_on",
                                      "publication_on_time:1.000003:legal_basis_effective_on",
                                      "database_entry_on_time:1.000003:decision_published_on",
                                      "database_entry_on_time:1.000003:entered_database_on"}));
  EXPECT_EQ(groups["digitisation"]->missing_inputs,
            (std::vector<std::string>{"electronic_results:1.000003:electronic_result"}));
  EXPECT_TRUE(groups["progress"]->missing_inputs.empty());
  EXPECT_TRUE(groups["online"]->missing_inputs.empty());
  EXPECT_TRUE(groups["satisfaction"]->missing_inputs.empty());
}

TEST(Index766, ItemsAreTheDenominatorWithWhatCounts) {
  const auto list = items("online_payments", worked_example(), plain_calendar());
  ASSERT_TRUE(list);
  std::vector<std::pair<std::string, bool>> got;
  for (const auto& i : *list) got.emplace_back(i.id, i.counted);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, bool>>{
                     {"D1", true}, {"D2", true}, {"D3", false}, {"D5", false}}));
  EXPECT_FALSE(items("no_such_index", worked_example(), plain_calendar()));
}

TEST(Index766, NothingToMeasureScoresNothingAndSaysSo) {
  const auto s = score(Facts{}, plain_calendar());
  EXPECT_EQ(s.total, 0);
  for (const auto& g : s.groups) {
    for (const auto& i : g.indices) EXPECT_FALSE(i.value) << i.key;
  }
}

}  // namespace
}  // namespace motcua::index766
