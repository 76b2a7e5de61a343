// The generic-answer detector (issue 16 point 5; docs/rules.md section 10). The mission asks that
// feedback on regulations never gets a "trả lời chung chung" reply: one that could be pasted under
// any question. Three signals, each on the accent-folded text:
//  - too_similar_to: TF-IDF cosine of character 3-5-grams against earlier answers to OTHER
//    questions (the same answer sent to different people is not an answer to either);
//  - boilerplate: the share of the answer's word trigrams found in the stock phrases of
//    data/feedback/boilerplate.txt ("đề nghị ông/bà liên hệ cơ quan có thẩm quyền..."), i.e. how
//    much of the answer is nothing but stock phrases;
//  - does_not_address_regulation: the question names a document by its number (or a procedure)
//    and the answer never engages with it.
// The thresholds were tuned on data/feedback/labelled_answers.jsonl (generic_answer_eval.hpp).
// Pure: no I/O; the caller supplies the bank and the stock phrases.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::engagement {

// Tuned by `motcua feedback-detector-eval` (maximum F1, docs/rules.md section 10). The stock-phrase
// share is the tuned value; on the labelled set F1 is flat for the similarity cut from 0.50 to
// 0.95 (no generic answer there is caught by similarity alone), so it sits in the middle.
inline constexpr double kBankSimilarityThreshold = 0.70;
inline constexpr double kBoilerplateThreshold = 0.10;
// A named procedure is addressed when this share of its distinctive words appears in the answer.
inline constexpr double kProcedureWordsShare = 0.5;

// A text prepared once for comparisons: its folded form, hashed character n-grams with their
// counts (sorted by hash) and its word trigrams.
struct AnswerProfile {
  std::string folded;
  std::vector<std::pair<std::uint64_t, double>> grams;
  std::vector<std::uint64_t> word_trigrams;  // sorted, unique
};
AnswerProfile profile_answer(std::string_view utf8);

struct BankAnswer {
  std::string question_id;  // the feedback it answered
  std::string code;         // shown in the reason (the feedback's public code)
  AnswerProfile profile;
};

// The stock phrases, profiled: the union of their word trigrams.
struct Boilerplate {
  std::vector<std::uint64_t> word_trigrams;  // sorted, unique
};
// One phrase a line; blank lines and lines starting with '#' are skipped.
Boilerplate parse_boilerplate(std::string_view text);

struct DetectorInput {
  std::string_view question_id;  // answers to this same question are not compared
  std::string_view question;     // the feedback's content
  std::string_view procedure;    // the procedure's name the feedback is about ('' when none)
  std::string_view answer;
};

struct DetectorThresholds {
  double bank_similarity = kBankSimilarityThreshold;
  double boilerplate = kBoilerplateThreshold;
};

struct HoldReason {
  std::string code;    // too_similar_to | boilerplate | does_not_address_regulation
  std::string detail;  // the other feedback's code; the missing document number or procedure
  double score = 0;    // similarity or boilerplate share (0 for does_not_address_regulation)
};

struct GenericAnswerVerdict {
  bool hold = false;
  std::vector<HoldReason> reasons;
  double bank_similarity = 0;  // the highest, against any answer of the bank
  std::string most_similar;    // its code
  double boilerplate_share = 0;
};

GenericAnswerVerdict detect_generic_answer(const DetectorInput& input,
                                           const std::vector<BankAnswer>& bank,
                                           const Boilerplate& boilerplate,
                                           const DetectorThresholds& thresholds = {});

// Building blocks, exposed for tests and the evaluation.
// The legal document numbers written in a folded text ("123/2015/nd-cp", "766/qd-ttg").
std::vector<std::string> document_numbers(std::string_view folded);
// TF-IDF cosine of two profiles, with document frequencies from `bank` (plus the two texts).
double tfidf_cosine(const AnswerProfile& a, const AnswerProfile& b,
                    const std::vector<const AnswerProfile*>& corpus);
// Share of the answer's word trigrams that belong to the stock phrases, 0..1.
double boilerplate_share(const AnswerProfile& answer, const Boilerplate& boilerplate);

}  // namespace motcua::engagement
