// Migrations 0048, 0058, 0062, 0063 and 0067 (storage per dossier) on a database written before
// them, on both engines: events chained with their prev_hash column still verify once the column is
// gone, hashes written as hex text are stored as 32 bytes once 0058 ran, event texts become
// vocabulary ids and epoch seconds once 0062 ran and still read back byte for byte, the dossier id
// becomes the dossier's integer key once 0063 ran, payloads are packed from 0067 on while the clear
// ones written before still read, and new events chain on after them.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/event_encoding.hpp"
#include "store/event_log.hpp"
#include "store/event_payload_packing.hpp"
#include "store/migrations.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"
#include "store/tracking_book_queries.hpp"

namespace motcua::store {
namespace {

constexpr int kBeforePrevHashDropped = 46;     // the last migration before 0048 on main
constexpr int kBeforeHashBytes = 57;           // the last migration before 0058 on main
constexpr int kBeforeCompactEvents = 61;       // the last migration before 0062 on main
constexpr int kBeforeDossierKey = 62;          // the last migration before 0063 on main
constexpr int kBeforePartyTimeClustered = 64;  // the last migration before 0065 on main
constexpr int kBeforePackedPayloads = 65;      // the last migration before 0067 on this branch

EventDraft note(std::int64_t n, std::string at = "2026-03-02T09:00:00+07:00",
                std::string type = "note") {
  return EventDraft{"d1",        std::move(type), "u1",
                    "reception", std::move(at),   "",
                    "received",  "received",      R"({"n":)" + std::to_string(n) + "}"};
}

void expect_same(const EventDraft& got, const EventDraft& want, std::size_t i) {
  EXPECT_EQ(got.dossier_id, want.dossier_id) << i;
  EXPECT_EQ(got.type, want.type) << i;
  EXPECT_EQ(got.actor_id, want.actor_id) << i;
  EXPECT_EQ(got.role, want.role) << i;
  EXPECT_EQ(got.at, want.at) << i;
  EXPECT_EQ(got.reason, want.reason) << i;
  EXPECT_EQ(got.from_status, want.from_status) << i;
  EXPECT_EQ(got.to_status, want.to_status) << i;
  EXPECT_EQ(got.payload, want.payload) << i;
}

class StorageMigrationTest : public ::testing::TestWithParam<Engine> {
 protected:
  // A database at migration `before` holding `count` events, written as the code of that time
  // wrote them: hashes as hex text, and before 0048 prev_hash repeated on every row.
  void write_old_database(int before, int count) {
    std::vector<EventDraft> events;
    for (std::int64_t seq = 1; seq <= count; ++seq) events.push_back(note(seq));
    write_old_database(before, events);
  }

  void write_old_database(int before, const std::vector<EventDraft>& events) {
    std::unique_ptr<SqlConnection> db;
    if (GetParam() == Engine::sqlite) {
      auto c =
          std::make_unique<SqliteConnection>(database_.name(), SqliteConnection::Mode::read_write);
      for (const auto& m : sqlite_migrations()) {
        if (m.version <= before) c->execute_script(m.sql);
      }
      db = std::move(c);
    } else {
      auto c = std::make_unique<PostgresConnection>(database_.name());
      for (const auto& m : postgres_migrations()) {
        if (m.version <= before) c->execute_script(m.sql);
      }
      db = std::move(c);
    }
    db->execute(
        "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    for (const auto& m : sqlite_migrations()) {
      if (m.version <= before) {
        db->execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')",
                    {std::int64_t{m.version}, m.name});
      }
    }
    seed_test_agencies(*db);
    db->execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_at, updated_at) VALUES "
        "('d1', '1.001193', 1, 'c1', 'An', 'an', 'counter', 'received', 1, '{}', 'now', 'now'), "
        "('d2', '1.001193', 1, 'c1', 'Binh', 'binh', 'counter', 'received', 1, '{}', 'now', "
        "'now')");
    std::string prev = kGenesisHash;
    for (std::int64_t seq = 1; seq <= static_cast<std::int64_t>(events.size()); ++seq) {
      const EventDraft& e = events[static_cast<std::size_t>(seq - 1)];
      const auto hash = event_hash(seq, e, prev);
      std::vector<SqlValue> values{seq,  e.dossier_id, e.type,        e.actor_id,  e.role,
                                   e.at, e.reason,     e.from_status, e.to_status, e.payload};
      if (before < 48) values.emplace_back(prev);
      // From 0058 on, the code of the time wrote the 32 bytes (a bytea column on PostgreSQL).
      values.emplace_back(before >= 58 ? stored_hash(hash) : SqlValue{hash});
      if (before >= 62) {
        // As 0062's code wrote them: the four terms as event_terms ids, a canonical time as its
        // seconds, and the dossier still as its text id.
        for (const auto* term : {&e.type, &e.role, &e.from_status, &e.to_status}) {
          db->execute("INSERT INTO event_terms(term) VALUES (?) ON CONFLICT (term) DO NOTHING",
                      {*term});
        }
        const auto at_s = canonical_event_seconds(e.at);
        db->execute(
            "INSERT INTO dossier_events(seq, dossier_id, type_id, actor_id, role_id, at_s, at, "
            "reason, from_status_id, to_status_id, payload, hash) VALUES (?, ?, (SELECT id FROM "
            "event_terms WHERE term = ?), ?, (SELECT id FROM event_terms WHERE term = ?), ?, ?, ?, "
            "(SELECT id FROM event_terms WHERE term = ?), (SELECT id FROM event_terms WHERE term = "
            "?), ?, ?)",
            {seq, e.dossier_id, e.type, e.actor_id, e.role,
             at_s ? SqlValue{*at_s} : SqlValue{nullptr}, at_s ? SqlValue{nullptr} : SqlValue{e.at},
             e.reason, e.from_status, e.to_status, e.payload, stored_hash(hash)});
        hashes_.push_back(hash);
        prev = hash;
        continue;
      }
      db->execute(before < 48 ? "INSERT INTO dossier_events(seq, dossier_id, type, actor_id, role, "
                                "at, reason, from_status, to_status, payload, prev_hash, hash) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                              : "INSERT INTO dossier_events(seq, dossier_id, type, actor_id, role, "
                                "at, reason, from_status, to_status, payload, hash) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  values);
      hashes_.push_back(hash);
      prev = hash;
    }
  }

  // The hex hashes written, in seq order.
  std::vector<std::string> hashes_;
  TestDatabase database_{GetParam(), "storage-migration"};
};

INSTANTIATE_TEST_SUITE_P(Engines, StorageMigrationTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(StorageMigrationTest, AnUpgradedEventLogVerifiesAndChainsOn) {
  write_old_database(kBeforePrevHashDropped, 5);
  auto store = database_.open();  // applies 0048
  ChainCheck check;
  bool column_gone = false;
  store->read([&](SqlConnection& db) {
    check = verify_chain(db);
    const auto columns =
        db.dialect() == Dialect::sqlite
            ? db.query_one(
                  "SELECT COUNT(*) FROM pragma_table_info('dossier_events') "
                  "WHERE name = 'prev_hash'")
            : db.query_one(
                  "SELECT COUNT(*) FROM information_schema.columns "
                  "WHERE table_name = 'dossier_events' AND column_name = 'prev_hash'");
    column_gone = columns && columns->integer(0) == 0;
  });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 5);
  EXPECT_TRUE(column_gone);

  store->write([&](SqlConnection& db) {
    append_event(db, {"d1", "note", "u1", "reception", "2026-03-02T10:00:00+07:00", "", "received",
                      "received", "{}"});
  });
  store->read([&](SqlConnection& db) { check = verify_chain(db); });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 6);
}

TEST_P(StorageMigrationTest, HexHashesBecomeBytesAndTheChainVerifiesAndChainsOn) {
  write_old_database(kBeforeHashBytes, 5);
  auto store = database_.open();  // applies 0058
  ChainCheck check;
  std::vector<SqlRow> stored;
  std::vector<StoredEvent> events;
  std::string declared;
  store->read([&](SqlConnection& db) {
    check = verify_chain(db);
    stored = db.query("SELECT hash FROM dossier_events ORDER BY seq");
    events = events_of(db, "d1");
    if (db.dialect() == Dialect::postgres) {
      declared = db.query_one(
                       "SELECT data_type FROM information_schema.columns "
                       "WHERE table_name = 'dossier_events' AND column_name = 'hash'")
                     ->text(0);
    }
  });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 5);
  ASSERT_EQ(stored.size(), 5u);
  ASSERT_EQ(events.size(), 5u);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    ASSERT_TRUE(std::holds_alternative<Bytes>(stored[i].values[0])) << i;
    EXPECT_EQ(stored[i].bytes(0).size(), 32u);
    EXPECT_EQ(hash_hex(stored[i].values[0]), hashes_[i]);
    EXPECT_EQ(events[i].hash, hashes_[i]);
    EXPECT_EQ(events[i].prev_hash, i == 0 ? std::string(kGenesisHash) : hashes_[i - 1]);
  }
  if (GetParam() == Engine::postgres) {
    EXPECT_EQ(declared, "bytea");
  }

  // The append-only trigger was set aside for the conversion only: it refuses edits again.
  EXPECT_THROW(store->write([](SqlConnection& db) {
    db.execute("UPDATE dossier_events SET reason = 'x' WHERE seq = 1");
  }),
               ConstraintError);

  StoredEvent next;
  store->write([&](SqlConnection& db) {
    next = append_event(db, {"d1", "note", "u1", "reception", "2026-03-02T10:00:00+07:00", "",
                             "received", "received", "{}"});
  });
  EXPECT_EQ(next.prev_hash, hashes_.back());
  store->read([&](SqlConnection& db) { check = verify_chain(db); });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 6);
}

// Migration 0062 on a log written as text: every field reads back as written (a time in the
// canonical form from its seconds, any other as the text it was), the chain verifies, the
// append-only triggers and the outcome trigger of 0054 hold, and new events chain on.
TEST_P(StorageMigrationTest, TextEventsBecomeCompactAndReadBackAsWritten) {
  const std::vector<EventDraft> written{
      note(1),
      note(2, "2026-03-02T02:00:00Z"),                            // another form: kept as text
      note(3, "2026-02-30T10:00:00+07:00"),                       // the form, but no such day
      note(4, "2026-03-02T09:00:00+07:00 "),                      // trailing blank
      note(5, ""),                                                // empty
      note(6, "1969-12-31T23:59:59+07:00", "payment_requested"),  // before the epoch
      note(7, "2024-02-29T23:59:59+07:00", "dossier_approved"),   // a leap day
      note(8, "2026-03-02T24:00:00+07:00"),                       // no hour 24
      note(9, "2026-03-02T09:00:00+08:00"),                       // another offset
  };
  write_old_database(kBeforeCompactEvents, written);
  auto store = database_.open();  // applies 0062
  ChainCheck check;
  std::vector<StoredEvent> events, history;
  std::vector<SqlRow> stored;
  std::int64_t terms = 0;
  store->read([&](SqlConnection& db) {
    check = verify_chain(db);
    events = events_of(db, "d1");
    history = history_of(db, "d1");
    stored = db.query("SELECT at_s, at, type_id FROM dossier_events ORDER BY seq");
    terms = db.query_one("SELECT COUNT(*) FROM event_terms")->integer(0);
  });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 9);
  ASSERT_EQ(events.size(), written.size());
  ASSERT_EQ(history.size(), written.size());
  ASSERT_EQ(stored.size(), written.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    expect_same(events[i].event, written[i], i);
    expect_same(history[i].event, written[i], i);
    EXPECT_EQ(events[i].hash, hashes_[i]);
    // The canonical ones as seconds (and no text), the others as text.
    const bool canonical = i == 0 || i == 5 || i == 6;
    EXPECT_EQ(stored[i].is_null(0), !canonical) << i;
    EXPECT_EQ(stored[i].is_null(1), canonical) << i;
    if (canonical) {
      EXPECT_EQ(stored[i].integer(0), *canonical_event_seconds(written[i].at)) << i;
    } else {
      EXPECT_EQ(stored[i].text(1), written[i].at) << i;
    }
    EXPECT_FALSE(stored[i].is_null(2));
  }
  // note, payment_requested, dossier_approved, reception, received.
  EXPECT_EQ(terms, 5);
  EXPECT_EQ(stored[0].integer(0), 1772416800);  // 2026-03-02T02:00:00Z

  EXPECT_THROW(store->write([](SqlConnection& db) {
    db.execute("UPDATE dossier_events SET reason = 'x' WHERE seq = 1");
  }),
               ConstraintError);
  EXPECT_THROW(store->write([](SqlConnection& db) { db.execute("DELETE FROM dossier_events"); }),
               ConstraintError);

  // The outcome trigger (migration 0054) again, by id: a fee requested marks the dossier stale,
  // a note does not.
  std::int64_t marked_after_note = -1, marked_after_fee = -1;
  store->write([&](SqlConnection& db) {
    db.execute("DELETE FROM dossier_outcomes_dirty");
    append_event(db, note(10, "2026-03-02T10:00:00+07:00"));
    marked_after_note = db.query_one("SELECT COUNT(*) FROM dossier_outcomes_dirty")->integer(0);
    append_event(db, note(11, "2026-03-02T10:00:00+07:00", "payment_requested"));
    marked_after_fee = db.query_one("SELECT COUNT(*) FROM dossier_outcomes_dirty")->integer(0);
  });
  EXPECT_EQ(marked_after_note, 0);
  EXPECT_EQ(marked_after_fee, 1);

  StoredEvent next;
  store->write([&](SqlConnection& db) { next = append_event(db, note(12, "not a time", "new")); });
  store->read([&](SqlConnection& db) {
    check = verify_chain(db);
    events = events_of(db, "d1");
  });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 12);
  ASSERT_EQ(events.size(), 12u);
  expect_same(events.back().event, note(12, "not a time", "new"), 11);
  EXPECT_EQ(events.back().hash, next.hash);
}

// Migration 0063 on a log that names dossiers by their text id: the rows keep the dossier's integer
// key instead, each dossier's events read back exactly as written (the id from the dossier row),
// the chain written before verifies, the outcome trigger marks the right dossier, and new events
// (of an old dossier and of one inserted after the migration) chain on.
TEST_P(StorageMigrationTest, EventsNameTheirDossierByKeyAndTheOldChainVerifies) {
  auto of = [](std::string dossier, std::int64_t n, std::string at = "2026-03-02T09:00:00+07:00",
               std::string type = "note") {
    auto e = note(n, std::move(at), std::move(type));
    e.dossier_id = std::move(dossier);
    return e;
  };
  const std::vector<EventDraft> written{
      of("d1", 1), of("d2", 2), of("d1", 3, "2026-03-02T02:00:00Z"),
      of("d2", 4, "2026-03-02T11:00:00+07:00", "payment_requested"), of("d1", 5)};
  write_old_database(kBeforeDossierKey, written);
  auto store = database_.open();  // applies 0063
  ChainCheck check;
  std::vector<StoredEvent> d1_events, d2_history;
  std::vector<SqlRow> stored;
  std::int64_t id_columns = -1;
  store->read([&](SqlConnection& db) {
    check = verify_chain(db);
    d1_events = events_of(db, "d1");
    d2_history = history_of(db, "d2");
    stored = db.query(
        "SELECT e.dossier_key, d.key, d.id FROM dossier_events e JOIN dossiers d ON d.key = "
        "e.dossier_key ORDER BY e.seq");
    id_columns = db.query_one(db.dialect() == Dialect::sqlite
                                  ? "SELECT COUNT(*) FROM pragma_table_info('dossier_events') "
                                    "WHERE name = 'dossier_id'"
                                  : "SELECT COUNT(*) FROM information_schema.columns WHERE "
                                    "table_name = 'dossier_events' AND column_name = 'dossier_id'")
                     ->integer(0);
  });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 5);
  EXPECT_EQ(id_columns, 0);
  ASSERT_EQ(stored.size(), written.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    EXPECT_EQ(stored[i].text(2), written[i].dossier_id) << i;
    EXPECT_GT(stored[i].integer(0), 0) << i;
  }
  EXPECT_NE(stored[0].integer(0), stored[1].integer(0));
  ASSERT_EQ(d1_events.size(), 3u);
  ASSERT_EQ(d2_history.size(), 2u);
  for (std::size_t i = 0; i < 3; ++i) {
    expect_same(d1_events[i].event, written[i * 2], i);
    EXPECT_EQ(d1_events[i].hash, hashes_[i * 2]);
  }
  expect_same(d2_history[0].event, written[1], 1);
  expect_same(d2_history[1].event, written[3], 3);

  // The outcome trigger (0054) names the dossier by id from its key; a new dossier gets a fresh
  // key (the SQLite trigger or PostgreSQL's identity) and its events chain on.
  std::vector<std::string> marked;
  std::int64_t d3_key = 0, max_before = 0;
  store->write([&](SqlConnection& db) {
    max_before = db.query_one("SELECT MAX(key) FROM dossiers")->integer(0);
    db.execute("DELETE FROM dossier_outcomes_dirty");
    append_event(db, of("d2", 6, "2026-03-02T12:00:00+07:00", "dossier_approved"));
    for (const auto& r : db.query("SELECT dossier_id FROM dossier_outcomes_dirty")) {
      marked.push_back(r.text(0));
    }
    db.execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_at, updated_at) VALUES "
        "('d3', '1.001193', 1, 'c1', 'Chi', 'chi', 'counter', 'received', 1, '{}', 'now', 'now')");
    d3_key = db.query_one("SELECT key FROM dossiers WHERE id = 'd3'")->integer(0);
    append_event(db, of("d3", 7));
  });
  EXPECT_EQ(marked, std::vector<std::string>{"d2"});
  EXPECT_EQ(d3_key, max_before + 1);
  std::vector<StoredEvent> d3_events;
  store->read([&](SqlConnection& db) {
    check = verify_chain(db);
    d3_events = events_of(db, "d3");
  });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 7);
  ASSERT_EQ(d3_events.size(), 1u);
  expect_same(d3_events[0].event, of("d3", 7), 6);

  // An event of a dossier that does not exist is refused, as the foreign key on the id did.
  EXPECT_ANY_THROW(store->write([&](SqlConnection& db) { append_event(db, of("nobody", 8)); }));
}

// On a new database: any time and any new term round-trip; a term added by a job that was rolled
// back is not taken from the writer's cache afterwards (its id may be given to another term).
TEST_P(StorageMigrationTest, NewEventsRoundTripAndARolledBackTermIsForgotten) {
  write_old_database(kBeforeCompactEvents, 0);
  auto store = database_.open();
  EXPECT_THROW(store->write([](SqlConnection& db) {
    append_event(db, note(1, "2026-03-02T09:00:00+07:00", "rolled_back_term"));
    throw StoreError("the job fails after appending");
  }),
               StoreError);
  const std::vector<EventDraft> drafts{
      note(1, "2026-03-02T09:00:00+07:00", "other_term"),
      note(2, "2026-03-02 09:00:00", "rolled_back_term"),
      note(3, "0000-01-01T00:00:00+07:00"),
      note(4, "9999-12-31T23:59:59+07:00"),
  };
  store->write([&](SqlConnection& db) {
    for (const auto& d : drafts) append_event(db, d);
  });
  std::vector<StoredEvent> events, history;
  ChainCheck check;
  store->read([&](SqlConnection& db) {
    check = verify_chain(db);
    events = events_of(db, "d1");
    history = history_of(db, "d1");
  });
  EXPECT_TRUE(check.ok()) << check.problem;
  ASSERT_EQ(events.size(), drafts.size());
  ASSERT_EQ(history.size(), drafts.size());
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    expect_same(events[i].event, drafts[i], i);
    expect_same(history[i].event, drafts[i], i);
  }
}

// The time's encoding: the canonical form and its seconds are one-to-one, anything else is not
// encoded.
TEST(EventTimeEncoding, CanonicalTimesAndSecondsRoundTrip) {
  EXPECT_EQ(canonical_event_seconds("1970-01-01T07:00:00+07:00"), 0);
  EXPECT_EQ(canonical_event_seconds("2026-12-07T10:00:00+07:00"), 1796612400);
  EXPECT_EQ(canonical_event_time(1796612400), "2026-12-07T10:00:00+07:00");
  EXPECT_EQ(canonical_event_time(-1), "1970-01-01T06:59:59+07:00");
  for (std::int64_t s = -62135596800 + 86400; s < 253402300799 - 86400; s += 9876543) {
    const auto text = canonical_event_time(s);
    EXPECT_EQ(canonical_event_seconds(text), s) << text;
  }
  for (const char* other :
       {"", "2026-12-07T10:00:00Z", "2026-12-07T10:00:00+07:00 ", "2026-12-07 10:00:00+07:00",
        "2026-13-01T10:00:00+07:00", "2026-02-29T10:00:00+07:00", "2026-12-07T10:60:00+07:00",
        "2026-12-07T10:00:60+07:00", "0000-01-01T00:00:00+07:00", "2026-12-07T10:00:00+0700",
        "2O26-12-07T10:00:00+07:00", "+026-12-07T10:00:00+07:00"}) {
    EXPECT_FALSE(canonical_event_seconds(other).has_value()) << other;
  }
  EXPECT_TRUE(canonical_event_seconds("2024-02-29T10:00:00+07:00").has_value());
  EXPECT_FALSE(canonical_event_seconds("2100-02-29T10:00:00+07:00").has_value());
  EXPECT_TRUE(canonical_event_seconds("2000-02-29T10:00:00+07:00").has_value());
}

// 0065: the parties' time is kept once (WITHOUT ROWID on SQLite) and every row written before it
// is still there and still read by its key.
TEST_P(StorageMigrationTest, PartyTimeRowsSurviveTheClusteredRebuild) {
  write_old_database(kBeforePartyTimeClustered, std::vector<EventDraft>{});
  {
    auto c = GetParam() == Engine::sqlite
                 ? std::unique_ptr<SqlConnection>(std::make_unique<SqliteConnection>(
                       database_.name(), SqliteConnection::Mode::read_write))
                 : std::unique_ptr<SqlConnection>(
                       std::make_unique<PostgresConnection>(database_.name()));
    c->execute(
        "INSERT INTO dossier_party_time(dossier_id, party, seconds) VALUES ('d1', 'applicant', "
        "3600), ('d1', 'official:u1', 7200), ('d1', 'agency:c1', 60)");
  }
  auto store = database_.open();  // applies 0065
  store->read([&](SqlConnection& db) {
    const auto rows = db.query(
        "SELECT party, seconds FROM dossier_party_time WHERE dossier_id = 'd1' ORDER BY party");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].text(0), "agency:c1");
    EXPECT_EQ(rows[0].integer(1), 60);
    EXPECT_EQ(rows[1].text(0), "applicant");
    EXPECT_EQ(rows[1].integer(1), 3600);
    EXPECT_EQ(rows[2].text(0), "official:u1");
    EXPECT_EQ(rows[2].integer(1), 7200);
    if (GetParam() == Engine::sqlite) {
      const auto sql = db.query_one(
          "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'dossier_party_time'");
      ASSERT_TRUE(sql);
      EXPECT_NE(sql->text(0).find("WITHOUT ROWID"), std::string::npos) << sql->text(0);
      // No second copy: the primary key is the table.
      EXPECT_FALSE(
          db.query_one("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                       "tbl_name = 'dossier_party_time'"));
    }
  });
  // The key still holds: a second row for the same party is refused.
  EXPECT_THROW(store->write([](SqlConnection& db) {
    db.execute(
        "INSERT INTO dossier_party_time(dossier_id, party, seconds) VALUES ('d1', 'applicant', 1)");
  }),
               std::exception);
}

// 0067: the rows written before it keep their clear payloads and still read and verify; new rows
// are stored packed (smaller than their payload) and read back clear, in events_of, history_of,
// verify_chain and the tracking book's return; the chain runs across both forms.
TEST_P(StorageMigrationTest, PackedPayloadsChainOnAfterClearOnes) {
  write_old_database(kBeforePackedPayloads, std::vector<EventDraft>{});
  const std::vector<EventDraft> old{
      EventDraft{"d1", "dossier_submitted", "u1", "reception", "2026-03-02T09:00:00+07:00", "",
                 "new", "submitted", R"({"channel":"counter"})"},
      EventDraft{
          "d1", "dossier_accepted", "u1", "reception", "2026-03-02T09:05:00+07:00", "", "submitted",
          "received",
          R"({"dossier_code":"000.14.29.H42-260302-0001","due":"2026-03-04T17:00:00+07:00"})"},
      EventDraft{"d2", "note", "u1", "reception", "2026-03-02T09:06:00+07:00", "", "received",
                 "received", R"({"n":"a \"quoted\" \\ word"})"},
  };
  {
    // As the code before 0067 wrote them: the payload as text, the dossier by its key.
    auto c = GetParam() == Engine::sqlite
                 ? std::unique_ptr<SqlConnection>(std::make_unique<SqliteConnection>(
                       database_.name(), SqliteConnection::Mode::read_write))
                 : std::unique_ptr<SqlConnection>(
                       std::make_unique<PostgresConnection>(database_.name()));
    std::string prev = kGenesisHash;
    for (std::int64_t seq = 1; seq <= static_cast<std::int64_t>(old.size()); ++seq) {
      const auto& e = old[static_cast<std::size_t>(seq - 1)];
      for (const auto* term : {&e.type, &e.role, &e.from_status, &e.to_status}) {
        c->execute("INSERT INTO event_terms(term) VALUES (?) ON CONFLICT (term) DO NOTHING",
                   {*term});
      }
      const auto hash = event_hash(seq, e, prev);
      c->execute(
          "INSERT INTO dossier_events(seq, dossier_key, type_id, actor_id, role_id, at_s, at, "
          "reason, from_status_id, to_status_id, payload, hash) VALUES (?, (SELECT key FROM "
          "dossiers WHERE id = ?), (SELECT id FROM event_terms WHERE term = ?), ?, (SELECT id FROM "
          "event_terms WHERE term = ?), ?, NULL, ?, (SELECT id FROM event_terms WHERE term = ?), "
          "(SELECT id FROM event_terms WHERE term = ?), ?, ?)",
          {seq, e.dossier_id, e.type, e.actor_id, e.role, *canonical_event_seconds(e.at), e.reason,
           e.from_status, e.to_status, e.payload, stored_hash(hash)});
      prev = hash;
    }
  }
  auto store = database_.open();  // applies 0067
  ChainCheck check;
  std::vector<StoredEvent> d1_events, d2_history;
  store->read([&](SqlConnection& db) {
    check = verify_chain(db);
    d1_events = events_of(db, "d1");
    d2_history = history_of(db, "d2");
  });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 3);
  ASSERT_EQ(d1_events.size(), 2u);
  expect_same(d1_events[0].event, old[0], 0);
  expect_same(d1_events[1].event, old[1], 1);
  ASSERT_EQ(d2_history.size(), 1u);
  expect_same(d2_history[0].event, old[2], 2);

  const std::vector<EventDraft> later{
      EventDraft{"d1", "dossier_assigned", "u2", "processing", "2026-03-02T10:00:00+07:00", "",
                 "received", "processing",
                 R"({"official_id":"u-chuyenvien.hoalu","step":"tham-dinh"})"},
      EventDraft{"d1", "result_returned", "u1", "reception", "2026-03-03T10:00:00+07:00", "",
                 "approved", "returned",
                 R"({"channel":"counter","receiver_name":"Nguyễn Văn Tải"})"},
      // Short: stays clear; and a backslash, which bytea's text input would have misread.
      EventDraft{"d2", "note", "u1", "reception", "2026-03-03T11:00:00+07:00", "", "received",
                 "received", R"({"n":"\""})"},
  };
  store->write([&](SqlConnection& db) {
    for (const auto& e : later) append_event(db, e);
  });
  std::vector<SqlRow> stored;
  std::optional<ReturnEventRow> returned;
  store->read([&](SqlConnection& db) {
    check = verify_chain(db);
    d1_events = events_of(db, "d1");
    d2_history = history_of(db, "d2");
    stored = db.query("SELECT payload FROM dossier_events ORDER BY seq");
    returned = last_return(db, "d1");
  });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 6);
  ASSERT_EQ(d1_events.size(), 4u);
  expect_same(d1_events[2].event, later[0], 3);
  expect_same(d1_events[3].event, later[1], 4);
  ASSERT_EQ(d2_history.size(), 2u);
  expect_same(d2_history[1].event, later[2], 5);
  ASSERT_TRUE(returned.has_value());
  EXPECT_EQ(returned->payload, later[1].payload);

  ASSERT_EQ(stored.size(), 6u);
  // The old rows as they were written: clear (text on SQLite, its bytes in PostgreSQL's bytea).
  for (std::size_t i = 0; i < old.size(); ++i) {
    const auto& v = stored[i].values[0];
    if (GetParam() == Engine::sqlite) {
      EXPECT_EQ(v, SqlValue{old[i].payload}) << i;
    } else {
      EXPECT_EQ(v, SqlValue{Bytes{old[i].payload}}) << i;
    }
  }
  // The new usual ones packed, under a third of their size.
  for (std::size_t i = 0; i < 2; ++i) {
    const auto* packed = std::get_if<Bytes>(&stored[3 + i].values[0]);
    ASSERT_NE(packed, nullptr) << i;
    EXPECT_EQ(static_cast<unsigned char>(packed->data[0]), kEventPayloadDictionary);
    EXPECT_LT(packed->data.size() * 3, later[i].payload.size()) << packed->data.size();
  }

  // A packed payload that does not inflate is a broken chain at its row, named by verify_chain.
  store->write([&](SqlConnection& db) {
    db.execute(
        "INSERT INTO dossier_events(seq, dossier_key, type_id, actor_id, role_id, at_s, at, "
        "reason, from_status_id, to_status_id, payload, hash) SELECT 7, dossier_key, type_id, "
        "actor_id, role_id, at_s, at, reason, from_status_id, to_status_id, ?, hash FROM "
        "dossier_events WHERE seq = 6",
        {Bytes{std::string("\x02\xff\xff\xff", 4)}});
  });
  store->read([&](SqlConnection& db) { check = verify_chain(db); });
  EXPECT_EQ(check.first_broken_seq, 7);
  EXPECT_NE(check.problem.find("cannot be read"), std::string::npos) << check.problem;
}

}  // namespace
}  // namespace motcua::store
