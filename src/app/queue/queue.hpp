// The counter queue of a one-stop unit's hall (tiếp nhận tại chỗ): the administrator configures
// services (a group of procedures or a field) and counters (quầy số N, serving some services);
// people take a numbered ticket for a service at the kiosk (no account) or from the reception
// officer; a counter's officer calls the next ticket, priority groups first, then in the order of
// the numbers (domain/queue/ticket_order.hpp); the hall display shows and reads out the calls.
// Numbers run per unit and local day and are never given twice. Every change is audited.
// docs/rules.md, section "Counter queue".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/queue/queue_views.hpp"
#include "domain/calendar/date.hpp"
#include "store/sql.hpp"

namespace motcua::app {

inline constexpr int kDisplayedCalls = 8;

struct NewQueueService {
  std::string unit_id;
  std::string name;
};

struct NewQueueCounter {
  std::string unit_id;
  std::int64_t number = 0;
  std::vector<std::string> service_ids;
};

// A change an administrator makes to a service or a counter; what is absent stays. `reason` is
// the audit log's "why" and is required.
struct QueueServiceChange {
  std::optional<std::string> name;
  std::optional<bool> active;
  std::string reason;
};

struct QueueCounterChange {
  std::optional<std::vector<std::string>> service_ids;
  std::optional<bool> active;
  std::string reason;
};

struct TicketRequest {
  std::string service_id;
  std::string priority_group;  // a code of the priority groups, '' when none
};

// Administrators whose grant covers the unit's agency. 422 unknown_unit, duplicate_counter,
// unknown_service (a service of another unit included).
AppResult<QueueServiceView> add_queue_service(store::SqlConnection& db, const Actor& actor,
                                              const NewQueueService& input, Instant now,
                                              int utc_offset_minutes);
AppResult<QueueCounterView> add_queue_counter(store::SqlConnection& db, const Actor& actor,
                                              const NewQueueCounter& input, Instant now,
                                              int utc_offset_minutes);

// Renames or switches a service on or off; changes which services a counter serves or switches
// it off. A switched-off service is no longer offered at the kiosk (tickets already taken stay
// callable); a switched-off counter leaves the desk and is not suggested for new tickets.
// Administrators of the unit's agency; 404 unknown_service / unknown_counter, 422 reason_required,
// unknown_service (a service of another unit). Audited with the values before and after.
AppResult<QueueServiceView> change_queue_service(store::SqlConnection& db, const Actor& actor,
                                                 const std::string& service_id,
                                                 const QueueServiceChange& change, Instant now,
                                                 int utc_offset_minutes);
AppResult<QueueCounterView> change_queue_counter(store::SqlConnection& db, const Actor& actor,
                                                 const std::string& counter_id,
                                                 const QueueCounterChange& change, Instant now,
                                                 int utc_offset_minutes);
// Every service and counter of the unit, switched off or not, for its administrators.
AppResult<QueueSetupView> queue_setup(store::SqlConnection& db, const Actor& actor,
                                      const std::string& unit_id, Instant now,
                                      int utc_offset_minutes);

// Public: what the kiosk and the display need to show the unit. 404 unknown unit.
AppResult<KioskView> kiosk_view(store::SqlConnection& db, const std::string& unit_id,
                                const std::vector<queue::PriorityGroup>& groups, Instant now,
                                int utc_offset_minutes);

// A ticket for the unit's service. `officer` nullopt: taken at the kiosk; else a reception
// officer of the unit takes it for a person at the desk. The slip names the counter to go to (of
// those serving the service, the one with the fewest tickets waiting). 422 unknown_service,
// unknown_priority_group, service_without_counter.
AppResult<TicketView> take_ticket(store::SqlConnection& db, const std::optional<Actor>& officer,
                                  const std::string& unit_id, const TicketRequest& request,
                                  const std::vector<queue::PriorityGroup>& groups, Instant now,
                                  int utc_offset_minutes);

// The counters of the units where the actor receives dossiers, with today's state.
AppResult<std::vector<QueueCounterView>> my_counters(store::SqlConnection& db, const Actor& actor,
                                                     Instant now, int utc_offset_minutes);

// Calls the next waiting ticket of the counter's services. 409 counter_busy while the counter's
// last call is not marked served or no-show; 409 queue_empty when nobody waits.
AppResult<TicketView> call_next(store::SqlConnection& db, const Actor& actor,
                                const std::string& counter_id, Instant now, int utc_offset_minutes);
// Calls a called ticket again (the display reads it out again). 409 not_called.
AppResult<TicketView> recall_ticket(store::SqlConnection& db, const Actor& actor,
                                    const std::string& ticket_id, Instant now,
                                    int utc_offset_minutes);
// `outcome`: served | no_show. 409 not_called.
AppResult<TicketView> finish_ticket(store::SqlConnection& db, const Actor& actor,
                                    const std::string& ticket_id, const std::string& outcome,
                                    Instant now, int utc_offset_minutes);

// Public: today's calls at the unit, the latest first.
AppResult<HallDisplayView> hall_display(store::SqlConnection& db, const std::string& unit_id,
                                        Instant now, int utc_offset_minutes);

// Waiting and service times per counter and service between two local days (YYYY-MM-DD,
// inclusive), for officials whose grant covers the unit.
AppResult<QueueTimesView> queue_times(store::SqlConnection& db, const Actor& actor,
                                      const std::string& unit_id, const std::string& from,
                                      const std::string& to);

}  // namespace motcua::app
