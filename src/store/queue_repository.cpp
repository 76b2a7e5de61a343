#include "store/queue_repository.hpp"

namespace motcua::store {

namespace {

constexpr const char* kTicketColumns =
    "SELECT id, unit_id, day, number, service_id, priority_group, status, counter_id, taken_by, "
    "taken_at, taken_at_s, called_by, called_at, called_at_s, calls, finished_by, finished_at, "
    "finished_at_s FROM queue_tickets ";

TicketRecord ticket_of(const SqlRow& r) {
  return TicketRecord{r.text(0),     r.text(1),  r.text(2),    r.integer(3),  r.text(4),
                      r.text(5),     r.text(6),  r.text(7),    r.text(8),     r.text(9),
                      r.integer(10), r.text(11), r.text(12),   r.integer(13), r.integer(14),
                      r.text(15),    r.text(16), r.integer(17)};
}

// Only '?' placeholders are built here, one per value; every value stays a parameter.
std::string placeholders(const std::vector<std::string>& values, std::vector<SqlValue>& params) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += i == 0 ? "?" : ", ?";
    params.emplace_back(values[i]);
  }
  return out;
}

std::vector<std::string> counter_services(SqlConnection& db, const std::string& counter_id) {
  std::vector<std::string> out;
  for (const auto& row : db.query(
           "SELECT service_id FROM queue_counter_services WHERE counter_id = ? ORDER BY service_id",
           {counter_id})) {
    out.push_back(row.text(0));
  }
  return out;
}

}  // namespace

void insert_queue_service(SqlConnection& db, const QueueServiceRecord& s, const std::string& by,
                          const std::string& at) {
  db.execute(
      "INSERT INTO queue_services(id, unit_id, name, created_by, created_at) VALUES (?, ?, ?, ?, "
      "?)",
      {s.id, s.unit_id, s.name, by, at});
}

std::vector<QueueServiceRecord> list_queue_services(SqlConnection& db, const std::string& unit_id) {
  std::vector<QueueServiceRecord> out;
  for (const auto& row : db.query("SELECT id, unit_id, name, active FROM queue_services WHERE "
                                  "unit_id = ? ORDER BY name, id",
                                  {unit_id})) {
    out.push_back({row.text(0), row.text(1), row.text(2), row.integer(3) != 0});
  }
  return out;
}

std::optional<QueueServiceRecord> find_queue_service(SqlConnection& db, const std::string& id) {
  const auto row =
      db.query_one("SELECT id, unit_id, name, active FROM queue_services WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return QueueServiceRecord{row->text(0), row->text(1), row->text(2), row->integer(3) != 0};
}

void update_queue_service(SqlConnection& db, const QueueServiceRecord& s) {
  db.execute("UPDATE queue_services SET name = ?, active = ? WHERE id = ?",
             {s.name, std::int64_t{s.active ? 1 : 0}, s.id});
}

void insert_queue_counter(SqlConnection& db, const QueueCounterRecord& c, const std::string& by,
                          const std::string& at) {
  db.execute(
      "INSERT INTO queue_counters(id, unit_id, number, created_by, created_at) VALUES (?, ?, ?, ?, "
      "?)",
      {c.id, c.unit_id, c.number, by, at});
  for (const auto& s : c.service_ids) {
    db.execute("INSERT INTO queue_counter_services(counter_id, service_id) VALUES (?, ?)",
               {c.id, s});
  }
}

bool queue_counter_number_taken(SqlConnection& db, const std::string& unit_id,
                                std::int64_t number) {
  return db
      .query_one("SELECT 1 FROM queue_counters WHERE unit_id = ? AND number = ?", {unit_id, number})
      .has_value();
}

std::vector<QueueCounterRecord> list_queue_counters(SqlConnection& db, const std::string& unit_id) {
  std::vector<QueueCounterRecord> out;
  for (const auto& row : db.query("SELECT id, unit_id, number, active FROM queue_counters WHERE "
                                  "unit_id = ? ORDER BY number",
                                  {unit_id})) {
    out.push_back({row.text(0), row.text(1), row.integer(2), {}, row.integer(3) != 0});
  }
  for (auto& c : out) c.service_ids = counter_services(db, c.id);
  return out;
}

std::optional<QueueCounterRecord> find_queue_counter(SqlConnection& db, const std::string& id) {
  const auto row =
      db.query_one("SELECT id, unit_id, number, active FROM queue_counters WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return QueueCounterRecord{row->text(0), row->text(1), row->integer(2),
                            counter_services(db, row->text(0)), row->integer(3) != 0};
}

void update_queue_counter(SqlConnection& db, const QueueCounterRecord& c) {
  db.execute("UPDATE queue_counters SET active = ? WHERE id = ?",
             {std::int64_t{c.active ? 1 : 0}, c.id});
  db.execute("DELETE FROM queue_counter_services WHERE counter_id = ?", {c.id});
  for (const auto& s : c.service_ids) {
    db.execute("INSERT INTO queue_counter_services(counter_id, service_id) VALUES (?, ?)",
               {c.id, s});
  }
}

std::int64_t take_day_number(SqlConnection& db, const std::string& unit_id,
                             const std::string& day) {
  // One statement that both engines run as an atomic increment inside the write transaction.
  db.execute(
      "INSERT INTO queue_day_numbers(unit_id, day, last_number) VALUES (?, ?, 1) ON CONFLICT "
      "(unit_id, day) DO UPDATE SET last_number = queue_day_numbers.last_number + 1",
      {unit_id, day});
  return db
      .query_one("SELECT last_number FROM queue_day_numbers WHERE unit_id = ? AND day = ?",
                 {unit_id, day})
      ->integer(0);
}

void insert_ticket(SqlConnection& db, const TicketRecord& t) {
  db.execute(
      "INSERT INTO queue_tickets(id, unit_id, day, number, service_id, priority_group, status, "
      "counter_id, taken_by, taken_at, taken_at_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {t.id, t.unit_id, t.day, t.number, t.service_id, t.priority_group, t.status, t.counter_id,
       t.taken_by, t.taken_at, t.taken_at_s});
}

std::optional<TicketRecord> find_ticket(SqlConnection& db, const std::string& id) {
  const auto row = db.query_one(std::string(kTicketColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return ticket_of(*row);
}

std::vector<TicketRecord> waiting_tickets(SqlConnection& db, const std::string& unit_id,
                                          const std::string& day,
                                          const std::vector<std::string>& service_ids) {
  if (service_ids.empty()) return {};
  std::vector<SqlValue> params{unit_id, day};
  const std::string sql = std::string(kTicketColumns) +
                          "WHERE unit_id = ? AND day = ? AND status = 'waiting' AND service_id "
                          "IN (" +
                          placeholders(service_ids, params) + ") ORDER BY number";
  std::vector<TicketRecord> out;
  for (const auto& row : db.query(sql, params)) out.push_back(ticket_of(row));
  return out;
}

std::vector<TicketRecord> tickets_in_state(SqlConnection& db, const std::string& unit_id,
                                           const std::string& day, const std::string& status,
                                           int limit) {
  std::vector<TicketRecord> out;
  for (const auto& row :
       db.query(std::string(kTicketColumns) +
                    "WHERE unit_id = ? AND day = ? AND status = ? ORDER BY called_at_s DESC, "
                    "number DESC LIMIT ?",
                {unit_id, day, status, std::int64_t{limit}})) {
    out.push_back(ticket_of(row));
  }
  return out;
}

bool record_ticket_call(SqlConnection& db, const TicketRecord& t, const std::string& from_status) {
  return db.execute(
             "UPDATE queue_tickets SET status = ?, counter_id = ?, called_by = ?, called_at = ?, "
             "called_at_s = ?, calls = ? WHERE id = ? AND status = ?",
             {t.status, t.counter_id, t.called_by, t.called_at, t.called_at_s, t.calls, t.id,
              from_status}) == 1;
}

bool record_ticket_end(SqlConnection& db, const TicketRecord& t) {
  return db.execute(
             "UPDATE queue_tickets SET status = ?, finished_by = ?, finished_at = ?, "
             "finished_at_s = ? WHERE id = ? AND status = 'called'",
             {t.status, t.finished_by, t.finished_at, t.finished_at_s, t.id}) == 1;
}

std::vector<TicketRecord> tickets_between(SqlConnection& db, const std::vector<std::string>& units,
                                          const std::string& from_day, const std::string& to_day) {
  if (units.empty()) return {};
  std::vector<SqlValue> params;
  std::string sql = std::string(kTicketColumns) + "WHERE unit_id IN (" +
                    placeholders(units, params) + ") AND day >= ? AND day <= ? ORDER BY number";
  params.emplace_back(from_day);
  params.emplace_back(to_day);
  std::vector<TicketRecord> out;
  for (const auto& row : db.query(sql, params)) out.push_back(ticket_of(row));
  return out;
}

}  // namespace motcua::store
