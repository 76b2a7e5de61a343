// JSON of the counter queue: encoders of the views of src/app/queue (found by value_from through
// ADL) and decoders of the request bodies.
#pragma once

#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>

#include "app/queue/queue.hpp"

namespace motcua::app {

void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const QueueServiceView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const TicketView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const QueueCounterView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const KioskView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const QueueSetupView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const HallDisplayView& v);
void tag_invoke(boost::json::value_from_tag, boost::json::value& out, const QueueTimesView& v);

}  // namespace motcua::app

namespace motcua::api {

// {unit_id, name}
app::AppResult<app::NewQueueService> queue_service_from_json(const boost::json::value& body);
// {unit_id, number 1..999, service_ids: [id]}
app::AppResult<app::NewQueueCounter> queue_counter_from_json(const boost::json::value& body);
// {name?, active?, reason}
app::AppResult<app::QueueServiceChange> queue_service_change_from_json(
    const boost::json::value& body);
// {service_ids?: [id], active?, reason}
app::AppResult<app::QueueCounterChange> queue_counter_change_from_json(
    const boost::json::value& body);
// {service_id, priority_group?}
app::AppResult<app::TicketRequest> ticket_request_from_json(const boost::json::value& body);
// {outcome: served | no_show}
app::AppResult<std::string> ticket_outcome_from_json(const boost::json::value& body);

}  // namespace motcua::api
