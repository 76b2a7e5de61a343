// The installation's feedback time limits, read once when the routes are registered from
// <templates_dir>/feedback-terms.json (codec/feedback_terms.hpp). Without a readable file the
// national limits apply (engagement::FeedbackTerms).
#pragma once

#include <string>

#include "domain/engagement/feedback_deadlines.hpp"

namespace motcua::api {

engagement::FeedbackTerms load_feedback_terms(const std::string& templates_dir);

}  // namespace motcua::api
