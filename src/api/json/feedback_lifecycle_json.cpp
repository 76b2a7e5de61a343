#include "api/json/feedback_lifecycle_json.hpp"

#include <boost/json.hpp>

#include "api/json/engagement_json.hpp"
#include "codec/json_fields.hpp"
#include "domain/text/fold.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

constexpr std::size_t kMaxTextBytes = 5000;

app::AppError body_error(const std::string& field, const std::string& vi, const std::string& en) {
  return app::AppError{app::ErrorKind::invalid_input, "invalid_input", field + ": " + vi,
                       field + ": " + en, field};
}

std::string text_of(const json::object& o, const char* key, bool multi_line = false) {
  return text::clean_text(codec::optional_string(o, key), {.keep_line_breaks = multi_line});
}

}  // namespace

app::AppResult<app::StaffIntake> intake_from_json(const json::value& body) {
  const bool letter = body.is_object() && text_of(body.as_object(), "channel") == "letter";
  auto feedback = feedback_from_json(
      body, letter ? ContactRule::or_postal_address : ContactRule::phone_or_email);
  if (!feedback) return tl::unexpected(feedback.error());
  const auto& o = body.as_object();
  app::StaffIntake in{std::move(*feedback)};
  in.feedback.channel = text_of(o, "channel");
  in.feedback.kind = text_of(o, "kind");
  return in;
}

app::AppResult<std::string> text_field_from_json(const json::value& body, const char* field) {
  if (!body.is_object())
    return tl::unexpected(
        body_error("body", "phải là một đối tượng JSON.", "must be a JSON object."));
  auto text = text_of(body.as_object(), field, true);
  if (text.size() > kMaxTextBytes)
    return tl::unexpected(body_error(field, "tối đa 5000 byte.", "at most 5000 bytes."));
  return text;
}

app::AppResult<app::ForwardInput> forward_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(
        body_error("body", "phải là một đối tượng JSON.", "must be a JSON object."));
  const auto& o = body.as_object();
  app::ForwardInput in{text_of(o, "target"), text_of(o, "target_id"), text_of(o, "reason", true)};
  if (in.reason.size() > kMaxTextBytes || in.target_id.size() > 200)
    return tl::unexpected(body_error("reason", "tối đa 5000 byte.", "at most 5000 bytes."));
  return in;
}

app::AppResult<FeedbackRatingInput> feedback_rating_from_json(const json::value& body) {
  if (!body.is_object())
    return tl::unexpected(
        body_error("body", "phải là một đối tượng JSON.", "must be a JSON object."));
  const auto& o = body.as_object();
  return FeedbackRatingInput{text_of(o, "rating"), text_of(o, "comment", true)};
}

}  // namespace motcua::api
