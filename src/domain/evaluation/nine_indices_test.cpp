// Every index on fixtures and every band edge of Circular 01/2018 Art. 15, including the rounding
// (one decimal, half away from zero) that turns 4.95 into 5.0.
#include "domain/evaluation/nine_indices.hpp"

#include <gtest/gtest.h>

namespace motcua::evaluation {
namespace {

const Rules kRules{};

DossierFacts finished(const char* outcome) {
  DossierFacts d;
  d.id = "d1";
  d.agency_id = "c1";
  d.procedure_code = "1.001193";
  d.outcome = outcome;
  d.steps = {{"official:a", "early"}, {"official:b", "early"}};
  d.rating = RatingFact{2, 2, 2};
  d.through_one_stop = true;
  d.in_catalog = true;
  d.decision_known = true;
  return d;
}

const AgencyOnline kOnline{10, 2, 10, 3, 0};

std::optional<int> points(const DossierFacts& d, int index, const AgencyOnline& a = kOnline) {
  return evaluate(d, a, kRules).indices[static_cast<std::size_t>(index - 1)].points;
}

TEST(NineIndices, TotalTimeFollowsTheLegalClock) {
  EXPECT_EQ(points(finished("early"), 1), 2);
  EXPECT_EQ(points(finished("on_time"), 1), 1);
  EXPECT_EQ(points(finished("late"), 1), 0);
}

TEST(NineIndices, AnOpenDossierIsNotScoredOnAnyIndex) {
  const auto e = evaluate(finished("open"), kOnline, kRules);
  for (const auto& i : e.indices) EXPECT_FALSE(i.points) << i.index;
}

TEST(NineIndices, AgencyTimeFromTheControlSheetSteps) {
  auto d = finished("on_time");
  EXPECT_EQ(points(d, 2), 2);
  d.steps = {{"official:a", "early"}, {"official:b", "on_time"}, {"official:c", ""}};
  EXPECT_EQ(points(d, 2), 1);
  d.steps.push_back({"official:d", "late"});
  EXPECT_EQ(points(d, 2), 0);
  d.steps = {{"official:a", ""}};
  EXPECT_FALSE(points(d, 2));  // no step with a budget: nothing to measure
}

TEST(NineIndices, ContactsBodiesAndAttitudeComeFromTheRatingOrAreNotScored) {
  auto d = finished("early");
  d.rating = RatingFact{1, 0, 2};
  EXPECT_EQ(points(d, 3), 1);
  EXPECT_EQ(points(d, 4), 0);
  EXPECT_EQ(points(d, 7), 2);
  d.rating.reset();
  EXPECT_FALSE(points(d, 3));
  EXPECT_FALSE(points(d, 4));
  EXPECT_FALSE(points(d, 7));
}

TEST(NineIndices, OneStopAndPublication) {
  auto d = finished("early");
  EXPECT_EQ(points(d, 5), 2);
  d.through_one_stop = false;
  EXPECT_EQ(points(d, 5), 0);
  EXPECT_EQ(points(d, 6), 2);
  d.decision_known = false;
  EXPECT_EQ(points(d, 6), 1);
  d.in_catalog = false;
  EXPECT_EQ(points(d, 6), 0);
}

TEST(NineIndices, FeedbackOnTimeAt100And90Percent) {
  auto d = finished("early");
  EXPECT_EQ(points(d, 8), 2);  // no feedback at all
  d.feedback_total = 10;
  d.feedback_in_time = 10;
  EXPECT_EQ(points(d, 8), 2);
  d.feedback_in_time = 9;
  EXPECT_EQ(points(d, 8), 1);
  d.feedback_total = 100;
  d.feedback_in_time = 89;
  EXPECT_EQ(points(d, 8), 0);
}

TEST(NineIndices, OnlineThresholdsOfTheUnit) {
  const auto d = finished("early");
  EXPECT_EQ(points(d, 9, {10, 2, 10, 3, 0}), 2);  // 20% procedures, 30% dossiers, none late
  EXPECT_EQ(points(d, 9, {10, 2, 10, 3, 1}), 1);  // one online dossier late
  EXPECT_EQ(points(d, 9, {10, 1, 10, 3, 0}), 1);  // 10% of procedures online
  EXPECT_EQ(points(d, 9, {20, 4, 20, 3, 0}), 1);  // 15% of dossiers
  EXPECT_EQ(points(d, 9, {20, 4, 100, 14, 0}), 0);
  EXPECT_FALSE(points(d, 9, {0, 0, 0, 0, 0}));
}

TEST(NineIndices, MeansRoundToOneDecimalHalfAwayFromZero) {
  EXPECT_EQ(mean_tenths(19, 20), 10);   // 0.95 -> 1.0
  EXPECT_EQ(mean_tenths(189, 200), 9);  // 0.945 -> 0.9
  EXPECT_EQ(mean_tenths(1, 3), 3);
  EXPECT_EQ(mean_tenths(2, 3), 7);
  EXPECT_EQ(mean_tenths(-1, 20), -1);  // -0.05 -> -0.1
}

TEST(NineIndices, IndexScoresSkipDossiersNotScored) {
  auto a = finished("early");
  auto b = finished("late");
  b.rating.reset();
  const auto ea = evaluate(a, kOnline, kRules);
  const auto eb = evaluate(b, kOnline, kRules);
  const auto scores = index_scores({&ea, &eb}, {1, 3});
  EXPECT_EQ(scores[0].tenths, 10);  // (2 + 0) / 2
  EXPECT_EQ(scores[0].scored, 2);
  EXPECT_EQ(scores[1].tenths, 20);  // only a was rated
  EXPECT_EQ(scores[1].scored, 1);
  EXPECT_FALSE(index_scores({}, {1})[0].tenths);
}

TEST(NineIndices, OfficialBandEdgesAfterRounding) {
  // 19 of 20 dossiers early on index 1 (mean 0.95 -> 1.0) and 1.0 on four others: 5.0, not 4.95.
  const int total = mean_tenths(19, 20) + 4 * 10;
  EXPECT_EQ(total, 50);
  EXPECT_EQ(official_band(total, kRules), OfficialBand::full);
  EXPECT_EQ(official_band(49, kRules), OfficialBand::partial);
  EXPECT_EQ(official_band(35, kRules), OfficialBand::partial);
  EXPECT_EQ(official_band(34, kRules), OfficialBand::low);
}

TEST(NineIndices, UnitBandEdges) {
  EXPECT_EQ(unit_band(150, kRules), UnitBand::excellent);
  EXPECT_EQ(unit_band(149, kRules), UnitBand::good);
  EXPECT_EQ(unit_band(120, kRules), UnitBand::good);
  EXPECT_EQ(unit_band(119, kRules), UnitBand::fair);
  EXPECT_EQ(unit_band(90, kRules), UnitBand::fair);
  EXPECT_EQ(unit_band(89, kRules), UnitBand::average);
  EXPECT_EQ(unit_band(60, kRules), UnitBand::average);
  EXPECT_EQ(unit_band(59, kRules), UnitBand::weak);
  EXPECT_EQ(to_string(UnitBand::weak), "weak");
  EXPECT_EQ(to_string(OfficialBand::partial), "tasks_70_100");
}

}  // namespace
}  // namespace motcua::evaluation
