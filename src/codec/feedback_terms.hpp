// Reads data/templates/feedback-terms.json: the working days an installation's province allows for
// each step of handling feedback on regulations (docs/rules.md section 10). A key that is missing
// keeps the national value of engagement::FeedbackTerms.
#pragma once

#include <string>
#include <string_view>

#include "domain/engagement/feedback_deadlines.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

tl::expected<engagement::FeedbackTerms, std::string> parse_feedback_terms(std::string_view text);

}  // namespace motcua::codec
