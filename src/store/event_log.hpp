// The dossier event log (nhật ký xử lý hồ sơ): append-only and hash-chained. Each event's hash
// covers the previous event's hash and every field of the event, so editing, removing or
// reordering any past event breaks the chain from that point on, and `motcua verify-log` names the
// first broken event. Database triggers also refuse UPDATE and DELETE on the table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct EventDraft {
  std::string dossier_id;
  std::string type;
  std::string actor_id;
  std::string role;
  std::string at;  // ISO 8601 with offset
  std::string reason;
  std::string from_status;
  std::string to_status;
  std::string payload;  // JSON object text
};

struct StoredEvent {
  std::int64_t seq = 0;
  EventDraft event;
  std::string prev_hash;
  std::string hash;
};

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The hash of an event given its predecessor's hash: SHA-256 over a length-prefixed encoding of
// every field, so no two different events share an encoding.
std::string event_hash(std::int64_t seq, const EventDraft& e, const std::string& prev_hash);

// Appends inside the caller's write transaction (the same one that writes the dossier's new state).
// On PostgreSQL it first takes the chain's transaction lock (store/transaction_lock.hpp), so
// several servers appending at once still build one chain; the lock is held until that commit.
StoredEvent append_event(SqlConnection& db, const EventDraft& e);

std::vector<StoredEvent> events_of(SqlConnection& db, const std::string& dossier_id);

// The dossier's events as events_of, without the chain's hashes (prev_hash and hash left empty):
// what replaying a dossier's state needs. Every command and every tracking lookup reads the
// whole history; the two hashes were most of each row's bytes.
std::vector<StoredEvent> history_of(SqlConnection& db, const std::string& dossier_id);

struct ChainCheck {
  std::int64_t events_checked = 0;
  std::optional<std::int64_t> first_broken_seq;
  std::string problem;  // empty when the chain holds
  bool ok() const { return !first_broken_seq.has_value(); }
};

ChainCheck verify_chain(SqlConnection& db);

// dossier_events.hash holds the 32 raw bytes of the SHA-256 (BLOB on SQLite, bytea on PostgreSQL;
// migration 0058), half the room of its 64 hex characters. Every hash the store hands out stays
// lowercase hex: these two convert at the store boundary.
// The value to store for a hash given in hex; a hash that is not lowercase hex (none is written)
// is stored as the text it is.
SqlValue stored_hash(const std::string& hex);
// The hex of a stored hash as read back: bytes are encoded; a text (a row not converted, or a hash
// column that keeps hex, as the audit log's) is returned as it is; null is "".
std::string hash_hex(const SqlValue& stored);

// Migration 0058 on SQLite, in the migration's transaction: SQLite 3.40 has no unhex(), so the
// hex hashes written before it are rewritten as bytes here (the append-only trigger is set aside
// for that one UPDATE and put back as it was). PostgreSQL's migration converts in SQL (decode);
// there this does nothing. Returns the number of rows converted.
std::int64_t convert_event_hashes_to_bytes(SqlConnection& db);

}  // namespace motcua::store
