// Decoders of the feedback lifecycle's request bodies (app/engagement/feedback_lifecycle.hpp); the
// views are encoded by api/json/engagement_json.hpp. Each refusal names its field.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "app/engagement/feedback_lifecycle.hpp"

namespace motcua::api {

// The online form's fields plus {channel: letter | phone, kind?}.
app::AppResult<app::StaffIntake> intake_from_json(const boost::json::value& body);
// {<field>: text} for reject (reason), request-info (request), supply-info (information).
app::AppResult<std::string> text_field_from_json(const boost::json::value& body, const char* field);
// {target: agency | partner | portal, target_id?, reason}.
app::AppResult<app::ForwardInput> forward_from_json(const boost::json::value& body);
struct FeedbackRatingInput {
  std::string rating;
  std::string comment;
};
// {rating: satisfied | unsatisfied, comment?}.
app::AppResult<FeedbackRatingInput> feedback_rating_from_json(const boost::json::value& body);

}  // namespace motcua::api
