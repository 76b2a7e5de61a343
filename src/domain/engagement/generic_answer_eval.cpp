#include "domain/engagement/generic_answer_eval.hpp"

#include <cmath>

namespace motcua::engagement {

namespace {

constexpr int kFolds = 5;

// What the thresholds cut: computed once per item.
struct Scores {
  double bank_similarity = 0;
  double boilerplate_share = 0;
  bool off_regulation = false;
  bool generic = false;
  bool derived = false;
};

bool held(const Scores& s, const DetectorThresholds& t) {
  return s.off_regulation || s.bank_similarity >= t.bank_similarity ||
         s.boilerplate_share >= t.boilerplate;
}

void count(Confusion& c, bool generic, bool hold) {
  if (generic && hold) ++c.true_positive;
  if (!generic && hold) ++c.false_positive;
  if (generic && !hold) ++c.false_negative;
  if (!generic && !hold) ++c.true_negative;
}

// The grid: 0.05, 0.10, ... 0.95 for each threshold.
std::vector<double> grid() {
  std::vector<double> out;
  for (int i = 1; i <= 19; ++i) out.push_back(i * 0.05);
  return out;
}

DetectorThresholds tune(const std::vector<Scores>& scores, const std::vector<bool>& use) {
  DetectorThresholds best{grid().back(), grid().back()};
  double best_f1 = -1;
  for (const double bank : grid()) {
    for (const double stock : grid()) {
      Confusion c;
      for (std::size_t i = 0; i < scores.size(); ++i) {
        if (use[i]) count(c, scores[i].generic, held(scores[i], {bank, stock}));
      }
      // >= with ascending loops: on a tie the higher thresholds win (fewer answers held).
      if (c.f1() >= best_f1 - 1e-12) {
        best_f1 = c.f1();
        best = {bank, stock};
      }
    }
  }
  return best;
}

}  // namespace

double Confusion::precision() const {
  const int held = true_positive + false_positive;
  return held == 0 ? 0 : static_cast<double>(true_positive) / held;
}

double Confusion::recall() const {
  const int generic = true_positive + false_negative;
  return generic == 0 ? 0 : static_cast<double>(true_positive) / generic;
}

double Confusion::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

DetectorEvaluation evaluate_detector(const std::vector<LabelledAnswer>& items,
                                     const Boilerplate& boilerplate) {
  DetectorEvaluation out;
  out.items = static_cast<int>(items.size());
  // The set is in the order the answers were given: each is compared with the answers before it,
  // as a new answer is compared with the bank of earlier ones.
  std::vector<BankAnswer> bank;
  bank.reserve(items.size());
  // Thresholds at 2 hold nothing on similarity or stock phrases: the raw scores come back.
  const DetectorThresholds never{2.0, 2.0};
  std::vector<Scores> scores;
  for (const auto& item : items) {
    const auto v = detect_generic_answer({item.id, item.question, item.procedure, item.answer},
                                         bank, boilerplate, never);
    scores.push_back({v.bank_similarity, v.boilerplate_share, v.hold, item.generic, item.derived});
    out.generic_items += item.generic ? 1 : 0;
    out.derived_items += item.derived ? 1 : 0;
    bank.push_back({item.id, item.id, profile_answer(item.answer)});
  }

  const std::vector<bool> all(items.size(), true);
  out.tuned = tune(scores, all);
  out.lowest_equal_bank_threshold = out.tuned.bank_similarity;
  for (const double cut : grid()) {
    Confusion c;
    for (const auto& s : scores) count(c, s.generic, held(s, {cut, out.tuned.boilerplate}));
    Confusion best;
    for (const auto& s : scores) count(best, s.generic, held(s, out.tuned));
    if (c.f1() >= best.f1() - 1e-12) {
      out.lowest_equal_bank_threshold = cut;
      break;
    }
  }
  for (const auto& s : scores) {
    count(out.whole_set, s.generic, held(s, out.tuned));
    count(out.at_shipped, s.generic, held(s, DetectorThresholds{}));
  }

  for (int fold = 0; fold < kFolds; ++fold) {
    std::vector<bool> train(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) train[i] = static_cast<int>(i) % kFolds != fold;
    const auto t = tune(scores, train);
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (train[i]) continue;
      const bool hold = held(scores[i], t);
      count(out.cross_validated, scores[i].generic, hold);
      if (!scores[i].derived) count(out.published_only, scores[i].generic, hold);
    }
  }
  return out;
}

}  // namespace motcua::engagement
