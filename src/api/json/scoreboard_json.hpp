// JSON of the public scoreboard (app/statistics/scoreboard.hpp), found by value_from through ADL.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/statistics/scoreboard.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const Scoreboard& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const ScoreboardHistory& v);

}  // namespace motcua::app
