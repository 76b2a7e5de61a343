#include "codec/feedback_terms.hpp"

#include <boost/json.hpp>

namespace motcua::codec {

tl::expected<engagement::FeedbackTerms, std::string> parse_feedback_terms(std::string_view text) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(text, ec);
  if (ec || !doc.is_object()) return tl::unexpected(std::string("not a JSON object"));
  const auto& o = doc.as_object();
  engagement::FeedbackTerms terms;
  for (const auto& [key, field] :
       {std::pair{"reject_working_days", &terms.reject}, std::pair{"ask_working_days", &terms.ask},
        std::pair{"forward_working_days", &terms.forward},
        std::pair{"answer_working_days", &terms.answer},
        std::pair{"publish_working_days", &terms.publish}}) {
    const auto* v = o.if_contains(key);
    if (!v) continue;
    if (!v->is_int64() || v->as_int64() < 1 || v->as_int64() > 60)
      return tl::unexpected(std::string(key) + " must be a whole number of days from 1 to 60");
    *field = v->as_int64();
  }
  return terms;
}

}  // namespace motcua::codec
