// Reads data/evaluation/nine-indices.json: the thresholds of the nine-index evaluation
// (domain/evaluation/nine_indices.hpp). Every value must be present: a threshold of the law is
// never defaulted silently.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "domain/evaluation/nine_indices.hpp"

namespace motcua::codec {

tl::expected<evaluation::Rules, std::string> parse_evaluation_rules(std::string_view text);

}  // namespace motcua::codec
