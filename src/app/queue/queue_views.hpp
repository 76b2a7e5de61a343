// What the counter queue's use cases answer; their JSON is in api/json/queue_json.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/queue/priority_group.hpp"

namespace motcua::app {

struct QueueServiceView {
  std::string id;
  std::string unit_id;
  std::string name;
  bool active = true;
};

struct TicketView {
  std::string id;
  std::int64_t number = 0;
  std::string label;  // "0123"
  std::string unit_id;
  std::string service_id;
  std::string service_name;
  std::string priority_group;  // '' when none
  std::string status;          // waiting | called | served | no_show
  std::optional<std::int64_t> counter_number;
  std::string slip_vi;  // "Số 0123 — Quầy 2", as printed on the ticket
  std::string slip_en;
  std::optional<std::string> call_text_vi;  // "Mời số 0123 đến quầy số 2", once called
  std::optional<std::string> call_text_en;
  std::int64_t calls = 0;
  std::string taken_at;
  std::optional<std::string> called_at;
  std::optional<std::string> finished_at;
};

struct QueueCounterView {
  std::string id;
  std::string unit_id;
  std::string unit_name;
  std::int64_t number = 0;
  std::vector<QueueServiceView> services;
  std::int64_t waiting = 0;           // tickets of its services waiting today
  std::optional<TicketView> current;  // the ticket it called and has not finished
  bool active = true;
};

// The administrator's view of a unit's queue: every service and counter, switched off or not.
struct QueueSetupView {
  std::string unit_id;
  std::string unit_name;
  std::vector<QueueServiceView> services;
  std::vector<QueueCounterView> counters;
};

// What the kiosk shows: the unit's services and the priority groups one may declare.
struct KioskView {
  std::string unit_id;
  std::string unit_name;
  std::vector<QueueServiceView> services;
  std::vector<QueueCounterView> counters;
  std::vector<queue::PriorityGroup> priority_groups;
};

// The hall display: the tickets called today, the latest first, and how many wait.
struct HallDisplayView {
  std::string unit_id;
  std::string unit_name;
  std::string day;
  std::vector<TicketView> called;  // most recent first, at most kDisplayedCalls
  std::int64_t waiting = 0;
};

// Waiting and service times of one counter and service over a period.
struct QueueTimesRow {
  std::int64_t counter_number = 0;
  std::string service_id;
  std::string service_name;
  std::int64_t served = 0;
  std::int64_t no_show = 0;
  std::optional<double> average_wait_minutes;  // taking to first call, of the tickets called
  std::optional<double> median_wait_minutes;
  std::optional<double> average_service_minutes;  // call to served
  std::optional<double> median_service_minutes;
};

struct QueueTimesView {
  std::string unit_id;
  std::string from;  // local days, inclusive
  std::string to;
  std::vector<QueueTimesRow> rows;
};

}  // namespace motcua::app
