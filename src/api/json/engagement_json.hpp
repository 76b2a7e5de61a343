// JSON of feedback and ratings: encoders of the views of src/app/engagement (found by value_from
// through ADL) and decoders of the request bodies, with the limits and messages of the forms.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/engagement/feedback.hpp"
#include "app/engagement/ratings.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const FeedbackView& view);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out,
                const DossierRatingView& view);

}  // namespace motcua::app

namespace motcua::api {

// Online feedback needs a phone number or an e-mail address; a letter entered by staff may give
// only the sender's postal address.
enum class ContactRule { phone_or_email, or_postal_address };

// {name, contact, procedure_code, agency_id?, content}: cleaned text, checked lengths, a contact
// the rule accepts.
app::AppResult<app::NewFeedback> feedback_from_json(
    const boost::json::value& body, ContactRule contact_rule = ContactRule::phone_or_email);
// {answer, legal_reference}: the specific-answer rules are the use case's.
app::AppResult<app::FeedbackAnswer> answer_from_json(const boost::json::value& body);
// {overall 1..5, contacts 0..99, bodies 1..99, attitude, comment?}.
app::AppResult<app::RatingInput> rating_from_json(const boost::json::value& body);

}  // namespace motcua::api
