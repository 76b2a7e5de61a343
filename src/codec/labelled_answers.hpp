// The labelled set of the generic-answer detector: data/feedback/labelled_answers.jsonl, one JSON
// object a line {id, question, procedure, answer, label: specific|generic, origin:
// published|derived, source} (data/README.md "feedback/").
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "domain/engagement/generic_answer.hpp"
#include "domain/engagement/generic_answer_eval.hpp"

namespace motcua::codec {

tl::expected<std::vector<engagement::LabelledAnswer>, std::string> parse_labelled_answers(
    std::string_view jsonl);

// The data files: the labelled set and the stock phrases (data/feedback/boilerplate.txt).
tl::expected<std::vector<engagement::LabelledAnswer>, std::string> read_labelled_answers(
    const std::filesystem::path& path);
tl::expected<engagement::Boilerplate, std::string> read_boilerplate(
    const std::filesystem::path& path);

}  // namespace motcua::codec
