#include "store/tracking_book_queries.hpp"

#include <limits>

#include "domain/calendar/date.hpp"
#include "store/dossier_times.hpp"
#include "store/event_encoding.hpp"
#include "store/event_payload_packing.hpp"
#include "store/personal_data.hpp"

namespace motcua::store {

namespace {

constexpr const char* kUnit =
    "SELECT u.id, u.name, u.address, u.agency_id, a.name, COALESCE(pa.name, '') "
    "FROM one_stop_units u JOIN agencies a ON a.id = u.agency_id "
    "LEFT JOIN agencies pa ON pa.id = a.parent_id WHERE u.id = ?";
constexpr const char* kBook =
    "SELECT d.id, d.code, d.procedure_code, d.applicant_name, d.document, d.agency_id, "
    "a.name, d.channel, d.received_s, d.received_text, d.due_s, d.finished_s, d.finished_text, "
    "d.status, b.volume, b.line, COALESCE(b.sets, 1) FROM dossiers d "
    "JOIN agencies a ON a.id = d.agency_id "
    "LEFT JOIN tracking_book_entries b ON b.dossier_key = d.key WHERE d.receiving_unit_id = ? "
    "AND d.received_s >= ? AND d.received_s < ? ORDER BY d.received_s, b.line, d.code LIMIT 5000";
constexpr const char* kReturn =
    "SELECT at_s, at, payload FROM dossier_events WHERE dossier_key = (SELECT d.key FROM "
    "dossiers d WHERE d.id = ?) AND type_id = "
    "(SELECT t.id FROM event_terms t WHERE t.term = 'result_returned') ORDER BY seq DESC LIMIT 1";

}  // namespace

std::optional<BookUnitRow> book_unit(SqlConnection& db, const std::string& unit_id) {
  const auto r = db.query_one(kUnit, {unit_id});
  if (!r) return std::nullopt;
  return BookUnitRow{r->text(0), r->text(1), r->text(2), r->text(3), r->text(4), r->text(5)};
}

std::vector<BookDossierRow> book_dossiers(SqlConnection& db, const std::string& unit_id,
                                          const std::string& from, const std::string& to) {
  std::vector<BookDossierRow> out;
  // The days from `from` to `to` (local dates, both included) as a range of receipt seconds
  // (migration 0068); a bound that is no date leaves that side open.
  const auto first = bound_seconds(from), last = bound_seconds(to);
  const std::int64_t since = first ? *first : std::numeric_limits<std::int64_t>::min();
  const std::int64_t until =
      last ? *last + kSecondsPerDay : std::numeric_limits<std::int64_t>::max();
  for (const auto& r : db.query(kBook, {unit_id, since, until})) {
    // The form is sealed at rest (store/personal_data.hpp).
    out.push_back({r.text(0), r.optional_text(1), r.text(2), r.text(3),
                   unseal_stored(r.values.at(4), "dossiers", "document", r.text(0)), r.text(5),
                   r.text(6), r.text(7), time_from(r.values.at(8), r.values.at(9)).value_or(""),
                   r.optional_integer(10), time_from(r.values.at(11), r.values.at(12)), r.text(13),
                   r.optional_integer(14), r.optional_integer(15), r.integer(16)});
  }
  return out;
}

std::optional<ReturnEventRow> last_return(SqlConnection& db, const std::string& dossier_id) {
  auto r = db.query_one(kReturn, {dossier_id});
  if (!r) return std::nullopt;
  // The time and the payload as the event was appended (their encodings: store/event_log.hpp,
  // store/event_payload_packing.hpp).
  return ReturnEventRow{event_time_text(r->values.at(0), r->values.at(1)),
                        event_payload_text(std::move(r->values.at(2)))};
}

}  // namespace motcua::store
