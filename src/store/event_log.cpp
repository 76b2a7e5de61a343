#include "store/event_log.hpp"

#include "store/hashing.hpp"
#include "store/transaction_lock.hpp"

namespace motcua::store {

namespace {

constexpr const char* kLastEvent = "SELECT seq, hash FROM dossier_events ORDER BY seq DESC LIMIT 1";
constexpr const char* kInsertEvent =
    "INSERT INTO dossier_events(seq, dossier_id, type, actor_id, role, at, reason, from_status, "
    "to_status, payload, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// No prev_hash column (dropped by migration 0048): it repeated the previous row's hash on every
// row, 64 bytes per event. A reader gets it from the row at seq - 1 (a primary-key lookup); the
// first event follows the genesis hash, given in C++ (event_from_row) rather than as a SQL
// literal, which would have to be a blob on SQLite and a bytea on PostgreSQL.
constexpr const char* kEventColumns =
    "SELECT seq, dossier_id, type, actor_id, role, at, reason, from_status, to_status, payload, "
    "(SELECT p.hash FROM dossier_events p WHERE p.seq = dossier_events.seq - 1), "
    "hash FROM dossier_events ";

void put_field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

StoredEvent event_from_row(const SqlRow& r) {
  const std::int64_t seq = r.integer(0);
  // No row before: the first event follows the genesis hash; a later one lost its predecessor
  // (verify_chain reports it missing).
  std::string prev = r.is_null(10) ? (seq == 1 ? kGenesisHash : "") : hash_hex(r.values.at(10));
  return StoredEvent{seq,
                     EventDraft{r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6),
                                r.text(7), r.text(8), r.text(9)},
                     std::move(prev), hash_hex(r.values.at(11))};
}

}  // namespace

SqlValue stored_hash(const std::string& hex) {
  if (auto bytes = hex_decode(hex)) return Bytes{std::move(*bytes)};
  return hex;
}

std::string hash_hex(const SqlValue& stored) {
  if (const auto* b = std::get_if<Bytes>(&stored)) return hex_encode(b->data);
  if (const auto* s = std::get_if<std::string>(&stored)) return *s;
  return {};
}

std::int64_t convert_event_hashes_to_bytes(SqlConnection& db) {
  if (db.dialect() != Dialect::sqlite) return 0;
  const auto trigger = db.query_one(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'dossier_events_no_update'");
  if (trigger) db.execute("DROP TRIGGER dossier_events_no_update");
  std::int64_t converted = 0;
  std::int64_t after = 0;
  // In pages by seq, so that a long log does not sit in memory at once.
  constexpr std::int64_t kPage = 10000;
  for (;;) {
    const auto rows = db.query(
        "SELECT seq, hash FROM dossier_events WHERE seq > ? AND typeof(hash) = 'text' ORDER BY "
        "seq LIMIT ?",
        {after, kPage});
    for (const auto& row : rows) {
      after = row.integer(0);
      // Not hex (no such row is written): left as the text it is, which verify-log still reads.
      if (auto bytes = hex_decode(row.text(1))) {
        db.execute("UPDATE dossier_events SET hash = ? WHERE seq = ?",
                   {Bytes{std::move(*bytes)}, after});
        ++converted;
      }
    }
    if (static_cast<std::int64_t>(rows.size()) < kPage) break;
  }
  if (trigger) db.execute(trigger->text(0));
  return converted;
}

std::string event_hash(std::int64_t seq, const EventDraft& e, const std::string& prev_hash) {
  std::string canonical;
  canonical.reserve(256 + e.payload.size());
  for (const std::string* field : {&prev_hash, &e.dossier_id, &e.type, &e.actor_id, &e.role, &e.at,
                                   &e.reason, &e.from_status, &e.to_status, &e.payload}) {
    put_field(canonical, *field);
  }
  put_field(canonical, std::to_string(seq));
  return sha256_hex(canonical);
}

StoredEvent append_event(SqlConnection& db, const EventDraft& e) {
  // Two servers reading the same last event would both write seq n+1: one chain, one appender at a
  // time until its transaction ends (nothing to do on SQLite's single writer).
  lock_for_transaction(db, TransactionLock::event_chain);
  const auto last = db.query_one(kLastEvent);
  const std::int64_t seq = last ? last->integer(0) + 1 : 1;
  const std::string prev = last ? hash_hex(last->values.at(1)) : kGenesisHash;
  StoredEvent stored{seq, e, prev, event_hash(seq, e, prev)};
  db.execute(kInsertEvent, {seq, e.dossier_id, e.type, e.actor_id, e.role, e.at, e.reason,
                            e.from_status, e.to_status, e.payload, stored_hash(stored.hash)});
  return stored;
}

std::vector<StoredEvent> events_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<StoredEvent> out;
  for (const auto& row :
       db.query(std::string(kEventColumns) + "WHERE dossier_id = ? ORDER BY seq", {dossier_id})) {
    out.push_back(event_from_row(row));
  }
  return out;
}

std::vector<StoredEvent> history_of(SqlConnection& db, const std::string& dossier_id) {
  static constexpr const char* kHistory =
      "SELECT seq, dossier_id, type, actor_id, role, at, reason, from_status, to_status, payload "
      "FROM dossier_events WHERE dossier_id = ? ORDER BY seq";
  std::vector<StoredEvent> out;
  auto rows = db.query(kHistory, {dossier_id});
  out.reserve(rows.size());
  for (auto& r : rows) {
    auto& v = r.values;
    // Moved out of the row rather than copied (SqlRow::text copies).
    const auto take = [&r, &v](std::size_t i) -> std::string {
      auto* text = std::get_if<std::string>(&v.at(i));
      return text != nullptr ? std::move(*text) : r.text(i);
    };
    out.push_back(StoredEvent{
        r.integer(0),
        EventDraft{take(1), take(2), take(3), take(4), take(5), take(6), take(7), take(8), take(9)},
        {},
        {}});
  }
  return out;
}

ChainCheck verify_chain(SqlConnection& db) {
  ChainCheck check;
  std::string prev = kGenesisHash;
  std::int64_t expected_seq = 1;
  // Read in pages so a long log does not sit in memory at once.
  constexpr std::int64_t kPage = 10000;
  for (;;) {
    const auto rows = db.query(std::string(kEventColumns) + "WHERE seq >= ? ORDER BY seq LIMIT ?",
                               {expected_seq, kPage});
    for (const auto& row : rows) {
      const auto e = event_from_row(row);
      if (e.seq != expected_seq) {
        check.first_broken_seq = expected_seq;
        check.problem = "event " + std::to_string(expected_seq) + " is missing";
        return check;
      }
      // Each hash is checked against its predecessor's as read in this pass (prev_hash is read
      // from that same row, so it can no longer disagree): an edited row whose hash was
      // recomputed breaks its successor's hash.
      if (event_hash(e.seq, e.event, prev) != e.hash) {
        check.first_broken_seq = e.seq;
        check.problem = "event " + std::to_string(e.seq) + " was altered (hash mismatch)";
        return check;
      }
      prev = e.hash;
      ++expected_seq;
      ++check.events_checked;
    }
    if (static_cast<std::int64_t>(rows.size()) < kPage) return check;
  }
}

}  // namespace motcua::store
