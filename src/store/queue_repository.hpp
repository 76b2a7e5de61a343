// Rows of the counter queue (migration 0022): services, counters and the services they serve,
// tickets, and the per-unit, per-day number sequence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct QueueServiceRecord {
  std::string id;
  std::string unit_id;
  std::string name;
  bool active = true;  // switched off: no longer offered at the kiosk (migration 0023)
};

struct QueueCounterRecord {
  std::string id;
  std::string unit_id;
  std::int64_t number = 0;
  std::vector<std::string> service_ids;
  bool active = true;  // switched off: not on the desk, not chosen for new tickets
};

struct TicketRecord {
  std::string id;
  std::string unit_id;
  std::string day;  // local date, YYYY-MM-DD
  std::int64_t number = 0;
  std::string service_id;
  std::string priority_group;  // '' when none
  std::string status;          // waiting | called | served | no_show
  std::string counter_id;      // the counter suggested at taking, then the one that called
  std::string taken_by;
  std::string taken_at;
  std::int64_t taken_at_s = 0;
  std::string called_by;
  std::string called_at;
  std::int64_t called_at_s = 0;
  std::int64_t calls = 0;
  std::string finished_by;
  std::string finished_at;
  std::int64_t finished_at_s = 0;
};

void insert_queue_service(SqlConnection& db, const QueueServiceRecord& s, const std::string& by,
                          const std::string& at);
// Every service of the unit, active or not (callers that serve people keep the active ones).
std::vector<QueueServiceRecord> list_queue_services(SqlConnection& db, const std::string& unit_id);
std::optional<QueueServiceRecord> find_queue_service(SqlConnection& db, const std::string& id);
// Writes the name and the active flag.
void update_queue_service(SqlConnection& db, const QueueServiceRecord& s);

void insert_queue_counter(SqlConnection& db, const QueueCounterRecord& c, const std::string& by,
                          const std::string& at);
bool queue_counter_number_taken(SqlConnection& db, const std::string& unit_id, std::int64_t number);
// Every counter of the unit, active or not.
std::vector<QueueCounterRecord> list_queue_counters(SqlConnection& db, const std::string& unit_id);
std::optional<QueueCounterRecord> find_queue_counter(SqlConnection& db, const std::string& id);
// Writes the active flag and replaces the services the counter serves.
void update_queue_counter(SqlConnection& db, const QueueCounterRecord& c);

// The next number of the unit's day, consumed in the caller's write transaction.
std::int64_t take_day_number(SqlConnection& db, const std::string& unit_id, const std::string& day);

void insert_ticket(SqlConnection& db, const TicketRecord& t);
std::optional<TicketRecord> find_ticket(SqlConnection& db, const std::string& id);
// Waiting tickets of the unit's day for any of `service_ids`.
std::vector<TicketRecord> waiting_tickets(SqlConnection& db, const std::string& unit_id,
                                          const std::string& day,
                                          const std::vector<std::string>& service_ids);
// The unit's day's tickets in a state, the last changed first (called: by call time).
std::vector<TicketRecord> tickets_in_state(SqlConnection& db, const std::string& unit_id,
                                           const std::string& day, const std::string& status,
                                           int limit);
// Writes the call (status, counter, who, when, calls); false when the ticket was no longer in
// `from_status`.
bool record_ticket_call(SqlConnection& db, const TicketRecord& t, const std::string& from_status);
// Writes the end (served | no_show); false when the ticket was no longer called.
bool record_ticket_end(SqlConnection& db, const TicketRecord& t);
// Every ticket of the units between two local days, inclusive.
std::vector<TicketRecord> tickets_between(SqlConnection& db, const std::vector<std::string>& units,
                                          const std::string& from_day, const std::string& to_day);

}  // namespace motcua::store
