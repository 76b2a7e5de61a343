#include "store/event_log.hpp"

#include "domain/calendar/date.hpp"
#include "store/dossier_times.hpp"
#include "store/event_encoding.hpp"
#include "store/event_payload_packing.hpp"
#include "store/hashing.hpp"
#include "store/term_vocabulary.hpp"
#include "store/transaction_lock.hpp"

namespace motcua::store {

namespace {

constexpr const char* kLastEvent = "SELECT seq, hash FROM dossier_events ORDER BY seq DESC LIMIT 1";
// Migration 0062: type, role and the two statuses as event_terms ids; the time as epoch seconds
// (at_s) when canonical, else as its text (at). See encode/decode below.
// Migration 0063: the dossier as its integer key, looked up from its id in the statement (no key:
// NULL, which the NOT NULL column refuses, as the foreign key on the id did).
constexpr const char* kInsertEvent =
    "INSERT INTO dossier_events(seq, dossier_key, type_id, actor_id, role_id, at_s, at, reason, "
    "from_status_id, to_status_id, payload, hash) VALUES (?, (SELECT d.key FROM dossiers d WHERE "
    "d.id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// Columns 0-10 in the order decode_row reads them; the chain's readers add the predecessor's hash
// (11) and the row's hash (12).
// No prev_hash column (dropped by migration 0048): it repeated the previous row's hash on every
// row, 64 bytes per event. A reader gets it from the row at seq - 1 (a primary-key lookup); the
// first event follows the genesis hash, given in C++ (event_from_row) rather than as a SQL
// literal, which would have to be a blob on SQLite and a bytea on PostgreSQL.
// Column 1 is the dossier's id, which the hash covers: read from the dossier row by the event's key
// (migration 0063); NULL when no dossier has that key any more (the chain then breaks there).
constexpr const char* kEventColumns =
    "SELECT seq, (SELECT d.id FROM dossiers d WHERE d.key = dossier_events.dossier_key), type_id, "
    "actor_id, role_id, at_s, at, reason, from_status_id, to_status_id, payload, (SELECT p.hash "
    "FROM dossier_events p WHERE p.seq = dossier_events.seq - 1), hash FROM dossier_events ";
// A dossier's events: its key looked up once, then the index (dossier_key, seq). history_of knows
// the id and sets it itself (its column 1 is left empty): no lookup of the dossier per event.
constexpr const char* kOfDossier =
    "WHERE dossier_key = (SELECT d.key FROM dossiers d WHERE d.id = ?) ORDER BY seq";
constexpr const char* kHistory =
    "SELECT seq, '', type_id, actor_id, role_id, at_s, at, reason, from_status_id, "
    "to_status_id, payload FROM dossier_events WHERE dossier_key = (SELECT d.key FROM dossiers d "
    "WHERE d.id = ?) ORDER BY seq";

// The server's one offset: every time it writes is "YYYY-MM-DDTHH:MM:SS+07:00". The civil-date
// arithmetic is the domain's (domain/calendar/date.hpp: the proleptic Gregorian calendar that
// SQLite's strftime and PostgreSQL's timestamp use too, so that rows the migration encoded decode
// here to the text they had).
constexpr int kOffsetMinutes = 7 * 60;
constexpr std::string_view kOffsetText = "+07:00";

// The log's vocabulary (migration 0062), cached per connection: store/term_vocabulary.hpp.
struct Terms : TermVocabulary {
  explicit Terms(SqlConnection& db) : TermVocabulary(db, TermTable::event_terms) {}
};

void put_field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

// Moves a text out of the row rather than copying it (SqlRow::text copies).
std::string take_text(SqlRow& r, std::size_t i) {
  auto* text = std::get_if<std::string>(&r.values.at(i));
  if (text != nullptr) return std::move(*text);
  return r.is_null(i) ? std::string() : r.text(i);
}

// The event's fields from columns 0-10 (kHistory's order), the texts exactly as appended: the
// payload packed or clear (migration 0067) read back as the clear text the hash covers.
EventDraft decode_row(SqlRow& r, Terms& terms) {
  return EventDraft{take_text(r, 1),
                    terms.term(r.integer(2)),
                    take_text(r, 3),
                    terms.term(r.integer(4)),
                    event_time_text(r.values.at(5), r.values.at(6)),
                    take_text(r, 7),
                    terms.term(r.integer(8)),
                    terms.term(r.integer(9)),
                    event_payload_text(std::move(r.values.at(10)))};
}

StoredEvent event_from_row(SqlRow& r, Terms& terms) {
  const std::int64_t seq = r.integer(0);
  // No row before: the first event follows the genesis hash; a later one lost its predecessor
  // (verify_chain reports it missing).
  std::string prev = r.is_null(11) ? (seq == 1 ? kGenesisHash : "") : hash_hex(r.values.at(11));
  auto event = decode_row(r, terms);
  return StoredEvent{seq, std::move(event), std::move(prev), hash_hex(r.values.at(12))};
}

}  // namespace

std::optional<std::int64_t> canonical_event_seconds(std::string_view at) {
  // YYYY-MM-DDTHH:MM:SS+07:00 naming a real day and time (year 0 is left as text, as PostgreSQL's
  // migration leaves it: it has no year 0); the parsing is the dossier times' (migration 0068).
  if (at.size() != 25 || at.substr(19) != kOffsetText) return std::nullopt;
  return iso_time_seconds(at);
}

std::string canonical_event_time(std::int64_t seconds) {
  return to_iso(Instant{seconds}, kOffsetMinutes);
}

std::string event_time_text(const SqlValue& at_s, const SqlValue& at) {
  if (const auto* s = std::get_if<std::int64_t>(&at_s)) return canonical_event_time(*s);
  if (const auto* text = std::get_if<std::string>(&at)) return *text;
  return {};
}

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
  Terms terms(db);
  const auto at_s = canonical_event_seconds(e.at);
  db.execute(kInsertEvent,
             {seq, e.dossier_id, terms.id(e.type), e.actor_id, terms.id(e.role),
              at_s ? SqlValue{*at_s} : SqlValue{nullptr}, at_s ? SqlValue{nullptr} : SqlValue{e.at},
              e.reason, terms.id(e.from_status), terms.id(e.to_status),
              stored_event_payload(db.dialect(), e.payload), stored_hash(stored.hash)});
  return stored;
}

std::vector<StoredEvent> events_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<StoredEvent> out;
  Terms terms(db);
  for (auto& row : db.query(std::string(kEventColumns) + kOfDossier, {dossier_id})) {
    out.push_back(event_from_row(row, terms));
  }
  return out;
}

std::vector<StoredEvent> history_of(SqlConnection& db, const std::string& dossier_id) {
  std::vector<StoredEvent> out;
  auto rows = db.query(kHistory, {dossier_id});
  out.reserve(rows.size());
  Terms terms(db);
  for (auto& r : rows) {
    out.push_back(StoredEvent{r.integer(0), decode_row(r, terms), {}, {}});
    out.back().event.dossier_id = dossier_id;
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
    auto rows = db.query(std::string(kEventColumns) + "WHERE seq >= ? ORDER BY seq LIMIT ?",
                         {expected_seq, kPage});
    Terms terms(db);
    for (auto& row : rows) {
      StoredEvent e;
      try {
        e = event_from_row(row, terms);
      } catch (const StoreError& error) {
        // A payload that does not unpack (migration 0067) or an unknown term: the row cannot be
        // what was hashed, so the chain is broken there, named like any other break.
        check.first_broken_seq = row.integer(0);
        check.problem =
            "event " + std::to_string(row.integer(0)) + " cannot be read (" + error.what() + ")";
        return check;
      }
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
