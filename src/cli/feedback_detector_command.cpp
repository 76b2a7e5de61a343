// motcua feedback-detector-eval [--data-dir data]: measures the generic-answer detector on the
// labelled set (data/feedback/labelled_answers.jsonl) and prints the tuned thresholds with the
// precision and recall, whole-set and cross-validated (method: domain/engagement/
// generic_answer_eval.hpp; figures in docs/rules.md section 10).
#include <boost/json.hpp>
#include <filesystem>

#include "cli/command.hpp"
#include "codec/labelled_answers.hpp"
#include "domain/engagement/generic_answer_eval.hpp"

namespace motcua::cli {

namespace {

boost::json::object figures(const engagement::Confusion& c) {
  const auto round3 = [](double x) {
    return static_cast<double>(static_cast<int>(x * 1000 + 0.5)) / 1000;
  };
  return {{"precision", round3(c.precision())},
          {"recall", round3(c.recall())},
          {"f1", round3(c.f1())},
          {"true_positive", c.true_positive},
          {"false_positive", c.false_positive},
          {"false_negative", c.false_negative},
          {"true_negative", c.true_negative}};
}

int run_eval(const std::string& data_dir) {
  const auto dir = std::filesystem::path(data_dir) / "feedback";
  const auto items = codec::read_labelled_answers(dir / "labelled_answers.jsonl");
  if (!items) return bad_input(items.error());
  const auto boilerplate = codec::read_boilerplate(dir / "boilerplate.txt");
  if (!boilerplate) return bad_input(boilerplate.error());
  const auto e = engagement::evaluate_detector(*items, *boilerplate);
  return print_json(boost::json::object{
      {"items", e.items},
      {"generic_items", e.generic_items},
      {"derived_items", e.derived_items},
      {"tuned",
       {{"bank_similarity", e.tuned.bank_similarity}, {"boilerplate", e.tuned.boilerplate}}},
      {"shipped",
       {{"bank_similarity", engagement::kBankSimilarityThreshold},
        {"boilerplate", engagement::kBoilerplateThreshold}}},
      {"whole_set_at_tuned", figures(e.whole_set)},
      {"whole_set_at_shipped", figures(e.at_shipped)},
      {"cross_validated", figures(e.cross_validated)},
      {"cross_validated_published_only", figures(e.published_only)}});
}

}  // namespace

void add_feedback_detector_command(CLI::App& app, Action& action) {
  auto data_dir = std::make_shared<std::string>("data");
  auto* cmd = app.add_subcommand(
      "feedback-detector-eval",
      "Measure the generic-answer detector on data/feedback/labelled_answers.jsonl");
  cmd->add_option("--data-dir", *data_dir, "The data folder (default: data)");
  cmd->callback([data_dir, &action] { action = [data_dir] { return run_eval(*data_dir); }; });
}

}  // namespace motcua::cli
