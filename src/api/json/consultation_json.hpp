// JSON of consultations between agencies (app/dossier/consultations.hpp): the view's encoder
// (found by value_from through ADL) and the decoder of an answer's body.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <string>

#include "app/common/app_error.hpp"
#include "app/dossier/consultations.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ConsultationView& view);

}  // namespace motcua::app

namespace motcua::api {

// {answer}: cleaned text, at most 5000 bytes; a blank answer is the use case's to refuse.
app::AppResult<std::string> consultation_answer_from_json(const boost::json::value& body);

}  // namespace motcua::api
