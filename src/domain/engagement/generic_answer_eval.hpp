// Measuring and tuning the generic-answer detector on a labelled set (data/feedback/
// labelled_answers.jsonl; `motcua feedback-detector-eval`; docs/rules.md section 10).
//
// Method: the set is in the order the answers were given; each item is scored once against the
// items before it as its bank (the earlier answers to other questions) and the stock phrases; a
// threshold pair is then only a cut on those scores. The pair is chosen on a grid by the highest F1
// of "generic" (ties: the higher thresholds, i.e. fewer answers held). Honest figures come from
// 5-fold cross-validation: the pair is tuned on four folds and applied to the fifth, and the
// predictions of the five held-out folds are pooled.
#pragma once

#include <string>
#include <vector>

#include "domain/engagement/generic_answer.hpp"

namespace motcua::engagement {

struct LabelledAnswer {
  std::string id;
  std::string question;
  std::string procedure;  // '' when the question names none
  std::string answer;
  bool generic = false;  // the label
  bool derived = false;  // written by us from the patterns seen, not a published answer
  std::string source;    // URL of the published text (or of the pattern, for derived items)
};

struct Confusion {
  int true_positive = 0;   // generic, held
  int false_positive = 0;  // specific, held
  int false_negative = 0;  // generic, passed
  int true_negative = 0;
  double precision() const;
  double recall() const;
  double f1() const;
};

struct DetectorEvaluation {
  DetectorThresholds tuned;  // on the whole set
  // The lowest similarity threshold with the same (maximal) F1 at the tuned boilerplate one: the
  // similarity cut matters only from there, and copies are held from the lowest safe value.
  double lowest_equal_bank_threshold = 0;
  Confusion whole_set;        // at `tuned`, on the whole set (optimistic)
  Confusion cross_validated;  // 5 folds, pooled held-out predictions
  Confusion published_only;   // the cross-validated predictions, published items only
  Confusion at_shipped;       // the whole set at the thresholds the code ships with
  int items = 0;
  int generic_items = 0;
  int derived_items = 0;
};

DetectorEvaluation evaluate_detector(const std::vector<LabelledAnswer>& items,
                                     const Boilerplate& boilerplate);

}  // namespace motcua::engagement
