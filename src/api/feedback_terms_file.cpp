#include "api/feedback_terms_file.hpp"

#include <fstream>
#include <sstream>

#include "codec/feedback_terms.hpp"

namespace motcua::api {

engagement::FeedbackTerms load_feedback_terms(const std::string& templates_dir) {
  std::ifstream in(templates_dir + "/feedback-terms.json");
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = codec::parse_feedback_terms(text.str());
  return parsed ? *parsed : engagement::FeedbackTerms{};
}

}  // namespace motcua::api
