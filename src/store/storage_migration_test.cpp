// Migrations 0048, 0058, 0062, 0063 and 0067 (storage per dossier) on a database written before
// them, on both engines: events chained with their prev_hash column still verify once the column is
// gone, hashes written as hex text are stored as 32 bytes once 0058 ran, event texts become
// vocabulary ids and epoch seconds once 0062 ran and still read back byte for byte, the dossier id
// becomes the dossier's integer key once 0063 ran, payloads are packed from 0067 on while the clear
// ones written before still read, and new events chain on after them.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "store/dossier_times.hpp"
#include "store/event_encoding.hpp"
#include "store/event_log.hpp"
#include "store/event_payload_packing.hpp"
#include "store/migrations.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/scoreboard_queries.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/statistics_queries.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"
#include "store/tracking_book_numbers.hpp"
#include "store/tracking_book_queries.hpp"

namespace motcua::store {
namespace {

constexpr int kBeforePrevHashDropped = 46;     // the last migration before 0048 on main
constexpr int kBeforeHashBytes = 57;           // the last migration before 0058 on main
constexpr int kBeforeCompactEvents = 61;       // the last migration before 0062 on main
constexpr int kBeforeDossierKey = 62;          // the last migration before 0063 on main
constexpr int kBeforePartyTimeClustered = 64;  // the last migration before 0065 on main
constexpr int kBeforeKeyedReadModel = 65;      // the last migration before 0066 on main
constexpr int kBeforePackedPayloads = 66;      // the last migration before 0067 on main
constexpr int kBeforeDossierTimes = 67;        // the last migration before 0068
constexpr int kBeforeBookByKey = 68;           // the last migration before 0069 on main
constexpr int kBeforeRatingsRollup = 70;       // the last migration before 0071

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
    // From 0068 on, a time that is not one (the 'now' of these rows) is kept as its text.
    db->execute(
        std::string("INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, "
                    "applicant_name, applicant_folded, channel, status, version, "
                    "document, ") +
        (before >= 68 ? "created_text, updated_text" : "created_at, updated_at") +
        ") VALUES ('d1', '1.001193', 1, 'c1', 'An', 'an', 'counter', 'received', 1, "
        "'{}', 'now', 'now'), ('d2', '1.001193', 1, 'c1', 'Binh', 'binh', 'counter', "
        "'received', 1, '{}', 'now', 'now')");
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

  // A connection of its own to the database written by write_old_database, outside any store (so
  // that no migration runs): rows written as the code of that time wrote them.
  std::unique_ptr<SqlConnection> old_connection() {
    if (GetParam() == Engine::sqlite) {
      return std::make_unique<SqliteConnection>(database_.name(),
                                                SqliteConnection::Mode::read_write);
    }
    return std::make_unique<PostgresConnection>(database_.name());
  }

  // An outcome row of the test agency's procedure, received in March 2026 and finished on time,
  // as the refresh would rebuild it.
  static OutcomeRow on_time_in_march(const std::string& dossier_id, const std::string& channel,
                                     std::int64_t received_s) {
    OutcomeRow o;
    o.dossier_id = dossier_id;
    o.version = 2;
    o.agency_id = "c1";
    o.procedure_code = "1.001193";
    o.channel = channel;
    o.received_s = received_s;
    o.received_month = "2026-03";
    o.outcome = "on_time";
    return o;
  }

  // The citizen's rating of a dossier of the test agency's procedure, `overall` of 5.
  static void rate(SqlConnection& db, const std::string& dossier_id, std::int64_t overall) {
    db.execute(
        "INSERT INTO dossier_ratings(dossier_id, applicant_id, agency_id, procedure_code, overall, "
        "contacts, bodies, attitude, points_contacts, points_bodies, points_attitude, rated_at) "
        "VALUES (?, 'citizen', 'c1', '1.001193', ?, 0, 1, 'courteous', 2, 2, 2, 't')",
        {dossier_id, overall});
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
        "applicant_folded, channel, status, version, document, created_text, updated_text) "
        "VALUES ('d3', '1.001193', 1, 'c1', 'Chi', 'chi', 'counter', 'received', 1, '{}', 'now', "
        "'now')");
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
    auto c = old_connection();
    c->execute(
        "INSERT INTO dossier_party_time(dossier_id, party, seconds) VALUES ('d1', 'applicant', "
        "3600), ('d1', 'official:u1', 7200), ('d1', 'agency:c1', 60)");
  }
  auto store = database_.open();  // applies 0065 (and 0066: the party as a term, the dossier's key)
  store->read([&](SqlConnection& db) {
    const auto rows = db.query(
        "SELECT t.term, p.seconds FROM dossier_party_time p JOIN outcome_terms t ON t.id = "
        "p.party_id WHERE p.dossier_key = (SELECT key FROM dossiers WHERE id = 'd1') "
        "ORDER BY t.term");
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
        "INSERT INTO dossier_party_time(dossier_key, party_id, seconds) SELECT d.key, t.id, 1 "
        "FROM dossiers d, outcome_terms t WHERE d.id = 'd1' AND t.term = 'applicant'");
  }),
               std::exception);
}

// 0066: the read model by the dossier's key, its steps' names and parties as terms. Rows written
// before it read back the same through the store's queries, the rollup still equals the rows, and
// on SQLite no table keeps a second copy of its key.
TEST_P(StorageMigrationTest, TheReadModelIsKeyedAndReadsBackTheSame) {
  write_old_database(kBeforeKeyedReadModel, std::vector<EventDraft>{});
  {
    auto c = old_connection();
    // As the code of 0065 wrote them: ids and texts.
    c->execute(
        "INSERT INTO dossier_outcomes(dossier_id, version, agency_id, procedure_code, channel, "
        "received_s, received_month, finished_s, outcome, late_cause, has_result) VALUES "
        "('d1', 3, 'c1', '1.001193', 'counter', 1000, '2026-03', 5000, 'late', 'official', 1), "
        "('d2', 1, 'c1', '1.001193', 'online', 2000, '2026-03', NULL, 'open', '', 0)");
    c->execute(
        "INSERT INTO dossier_step_outcomes(dossier_id, idx, name, party, started_s, ended_s, "
        "due_s, used_s, result) VALUES "
        "('d1', 0, 'Thẩm định hồ sơ', 'official:u1', 1000, 3000, 2500, 2000, 'late'), "
        "('d1', 1, 'Phê duyệt', 'official:u2', 3000, 5000, 6000, 2000, 'early'), "
        "('d2', 0, 'Thẩm định hồ sơ', 'official:u1', 2000, NULL, 9000, 100, '')");
    c->execute(
        "INSERT INTO dossier_party_time(dossier_id, party, seconds) VALUES "
        "('d1', 'applicant', 300), ('d1', 'official:u1', 2000), ('d2', 'official:u1', 100)");
  }
  auto store = database_.open();  // applies 0066
  store->read([&](SqlConnection& db) {
    const auto steps = steps_of(db, "d1");
    ASSERT_EQ(steps.size(), 2u);
    EXPECT_EQ(steps[0].name, "Thẩm định hồ sơ");
    EXPECT_EQ(steps[0].party, "official:u1");
    EXPECT_EQ(steps[0].ended_s, 3000);
    EXPECT_EQ(steps[0].result, "late");
    EXPECT_EQ(steps[1].name, "Phê duyệt");
    EXPECT_EQ(steps[1].party, "official:u2");
    EXPECT_EQ(steps_of(db, "d2").size(), 1u);
    EXPECT_EQ(applicant_time(db, "d1"), 300);
    EXPECT_EQ(applicant_time(db, "d2"), 0);
    OutcomeScope scope;
    scope.from_month = "2026-03";
    scope.to_month = "2026-03";
    scope.all_agencies = true;
    const auto officials = official_counts(db, scope);  // steps that ended, per party
    ASSERT_EQ(officials.size(), 2u);
    EXPECT_EQ(officials[0].party, "official:u1");
    EXPECT_EQ(officials[0].late, 1);
    EXPECT_EQ(officials[1].party, "official:u2");
    EXPECT_EQ(officials[1].early, 1);
    const auto parties = party_time(db, scope);  // finished dossiers only: d1
    ASSERT_EQ(parties.size(), 2u);
    EXPECT_EQ(parties[0].party, "applicant");
    EXPECT_EQ(parties[0].seconds, 300);
    const auto overdue = overdue_dossiers(db, scope, 10000, 10);
    ASSERT_EQ(overdue.size(), 1u);  // d1 late; d2 open without an overdue instant
    EXPECT_EQ(overdue[0].outcome.dossier_id, "d1");
    EXPECT_EQ(overdue[0].outcome.version, 3);
    EXPECT_EQ(overdue[0].outcome.late_cause, "official");
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM outcome_terms")->integer(0), 5);
    if (GetParam() == Engine::sqlite) {
      for (const char* table : {"dossier_step_outcomes", "dossier_party_time"}) {
        const auto sql = db.query_one(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", {table});
        ASSERT_TRUE(sql) << table;
        EXPECT_NE(sql->text(0).find("WITHOUT ROWID"), std::string::npos) << sql->text(0);
      }
      // The outcome row's key is its rowid: no index holds the id or the key a second time.
      EXPECT_FALSE(db.query_one(
          "SELECT name FROM sqlite_master WHERE name = 'sqlite_autoindex_dossier_outcomes_1'"));
      EXPECT_FALSE(db.query_one(
          "SELECT name FROM sqlite_master WHERE name = 'dossier_step_outcomes_party'"));
    }
  });
  // A rebuilt row goes in by key, and its new party becomes a term in the same transaction.
  store->write([](SqlConnection& db) {
    OutcomeRow o = on_time_in_march("d2", "online", 2000);
    o.finished_s = 4000;
    replace_outcome(db, o,
                    {StepRow{"Thẩm định hồ sơ", "official:u3", 2000, 4000, 9000, 2000, "early"}},
                    {{"official:u3", 2000}});
  });
  store->read([&](SqlConnection& db) {
    const auto steps = steps_of(db, "d2");
    ASSERT_EQ(steps.size(), 1u);
    EXPECT_EQ(steps[0].party, "official:u3");
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM dossier_outcomes")->integer(0), 2);
    EXPECT_EQ(db.query_one("SELECT outcome FROM dossier_outcomes WHERE dossier_key = (SELECT key "
                           "FROM dossiers WHERE id = 'd2')")
                  ->text(0),
              "on_time");
  });
}

// 0069: the tracking book's lines by the dossier's key. Lines written before it read back by the
// dossier's id; their numbers still may not repeat; a new line goes in by key.
TEST_P(StorageMigrationTest, TrackingBookLinesAreKeptByKey) {
  write_old_database(kBeforeBookByKey, std::vector<EventDraft>{});
  {
    auto c = old_connection();
    c->execute(
        "INSERT INTO tracking_book_entries(dossier_id, book_key, year, volume, line, sets) VALUES "
        "('d1', 'mc-1', 2026, 1, 7, 2)");
  }
  auto store = database_.open();  // applies 0069
  store->read([&](SqlConnection& db) {
    const auto d1 = book_number_of(db, "d1");
    ASSERT_TRUE(d1);
    EXPECT_EQ(d1->year, 2026);
    EXPECT_EQ(d1->volume, 1);
    EXPECT_EQ(d1->line, 7);
    EXPECT_EQ(d1->sets, 2);
    EXPECT_FALSE(book_number_of(db, "d2"));
    if (GetParam() == Engine::sqlite) {
      // The key is the rowid: no index holds it (the one left is the line's unique index).
      EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM sqlite_master m, pragma_index_info(m.name) i "
                             "WHERE m.type = 'index' AND m.tbl_name = 'tracking_book_entries' AND "
                             "i.name IN ('dossier_key', 'dossier_id')")
                    ->integer(0),
                0);
      EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
                             "tbl_name = 'tracking_book_entries'")
                    ->integer(0),
                1);
    }
  });
  // The line's number stays unique in its book and year.
  EXPECT_THROW(store->write([](SqlConnection& db) {
    db.execute(
        "INSERT INTO tracking_book_entries(dossier_key, book_key, year, volume, line) SELECT key, "
        "'mc-1', 2026, 1, 7 FROM dossiers WHERE id = 'd2'");
  }),
               std::exception);
  store->write([](SqlConnection& db) {
    const auto n = assign_book_number(db, "d2", "mc-1", 2026, 1);
    EXPECT_EQ(n.line, 1);  // the counters were not part of the copy: the test wrote none
  });
  store->read([&](SqlConnection& db) {
    const auto d2 = book_number_of(db, "d2");
    ASSERT_TRUE(d2);
    EXPECT_EQ(d2->line, 1);
  });
}

// 0068: the five dossier times of rows written before it become epoch seconds, the texts kept
// only when they are not canonical, and every time reads back byte for byte; the work queue's
// index is on the seconds.
TEST_P(StorageMigrationTest, DossierTimesBecomeSecondsAndReadBackByteForByte) {
  write_old_database(kBeforeDossierTimes, std::vector<EventDraft>{});
  // Per row: submitted_at, received_at, finished_at, created_at, updated_at as written then.
  struct Old {
    const char* id;
    std::vector<std::optional<std::string>> times;
  };
  const std::vector<Old> rows{
      // The server's own form, and NULLs.
      {"d1",
       {"2026-03-02T08:00:00+07:00", "2026-03-02T09:30:00+07:00", std::nullopt,
        "2026-03-02T07:59:59+07:00", "2026-03-02T09:30:00+07:00"}},
      // An import with other offsets: seconds for the range, the text kept.
      {"d2",
       {"2026-03-02T01:00:00Z", "2026-03-02T10:00:00+09:00", "2026-03-01T20:00:00-05:30",
        "2026-03-02T01:00:00Z", "2026-12-31T23:59:59+07:00"}},
      // Texts that are no time (a test's 'now', a 30 February, an hour 24, a fraction).
      {"d3",
       {std::nullopt, "2026-02-30T10:00:00+07:00", "2026-03-02T24:00:00+07:00", "now",
        "2026-03-02T10:00:00.5+07:00"}},
  };
  {
    auto c = old_connection();
    c->execute("DELETE FROM dossiers");
    for (const auto& row : rows) {
      std::vector<SqlValue> values{std::string(row.id)};
      for (const auto& t : row.times) values.emplace_back(t ? SqlValue(*t) : SqlValue(nullptr));
      c->execute(
          "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
          "applicant_folded, channel, status, version, document, submitted_at, received_at, "
          "finished_at, created_at, updated_at) VALUES (?, '1.001193', 1, 'c1', 'An', 'an', "
          "'counter', 'received', 1, '{}', ?, ?, ?, ?, ?)",
          values);
    }
  }
  auto store = database_.open();  // applies 0068
  store->read([&](SqlConnection& db) {
    for (const auto& row : rows) {
      const auto got = db.query_one(
          "SELECT submitted_s, submitted_text, received_s, received_text, finished_s, "
          "finished_text, created_s, created_text, updated_s, updated_text FROM dossiers "
          "WHERE id = ?",
          {std::string(row.id)});
      ASSERT_TRUE(got) << row.id;
      for (std::size_t i = 0; i < 5; ++i) {
        const auto& want = row.times[i];
        const auto& seconds = got->values.at(2 * i);
        const auto& text = got->values.at(2 * i + 1);
        EXPECT_EQ(time_from(seconds, text), want) << row.id << " " << i;
        // The same seconds as the code writes for the text, on both engines.
        const auto expected = want ? iso_time_seconds(*want) : std::nullopt;
        if (expected) {
          ASSERT_TRUE(std::holds_alternative<std::int64_t>(seconds)) << row.id << " " << i;
          EXPECT_EQ(std::get<std::int64_t>(seconds), *expected) << row.id << " " << i;
        } else {
          EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(seconds)) << row.id << " " << i;
        }
        // A canonical text is not kept twice.
        const bool canonical = want && canonical_event_seconds(*want).has_value();
        EXPECT_EQ(std::holds_alternative<std::nullptr_t>(text), !want || canonical)
            << row.id << " " << i;
      }
    }
    // The server's time and the "Z" import are the same instant minus one second, in that order.
    const auto order = db.query(
        "SELECT id FROM dossiers WHERE created_s IS NOT NULL ORDER BY "
        "created_s DESC");
    ASSERT_EQ(order.size(), 2u);
    EXPECT_EQ(order[0].text(0), "d2");
    if (GetParam() == Engine::sqlite) {
      EXPECT_EQ(db.query_one("SELECT typeof(created_s) FROM dossiers WHERE id = 'd1'")->text(0),
                "integer");
      const auto index = db.query_one(
          "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'dossiers_queue'");
      ASSERT_TRUE(index);
      EXPECT_NE(index->text(0).find("created_s"), std::string::npos) << index->text(0);
    } else {
      const auto types = db.query(
          "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = "
          "'dossiers' AND column_name IN ('submitted_s', "
          "'received_s', 'finished_s', 'created_s', 'updated_s')");
      ASSERT_EQ(types.size(), 5u);
      for (const auto& t : types) EXPECT_EQ(t.text(1), "bigint") << t.text(0);
    }
  });
  // The old text columns are gone: a reader still comparing texts fails loudly.
  store->read([](SqlConnection& db) {
    EXPECT_THROW(db.query("SELECT created_at FROM dossiers"), std::exception);
  });
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
    auto c = old_connection();
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

// 0071: the ratings of dossiers already in the read model are counted in its monthly rollup, and
// the scoreboard's counts read the same as the join of every rating did; a rating given after the
// upgrade moves the rollup with its dossier's row.
TEST_P(StorageMigrationTest, RatingsAreCountedInTheMonthlyRollup) {
  write_old_database(kBeforeRatingsRollup, std::vector<EventDraft>{});
  {
    auto c = old_connection();
    c->execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_text, updated_text) VALUES "
        "('d3', '1.001193', 1, 'c1', 'Chi', 'chi', 'counter', 'received', 1, '{}', 'now', 'now')");
    c->execute(
        "INSERT INTO users(id, username, kind, display_name, password_hash, created_at) VALUES "
        "('citizen', 'citizen', 'applicant', 'C', 'x', 't')");
    // As 0070's code wrote them: three dossiers received in March and finished on time, d1 rated
    // 2 of 5 (unsatisfied), d2 rated 5, d3 not rated; their rollup row.
    for (const char* id : {"d1", "d2", "d3"}) {
      c->execute(
          "INSERT INTO dossier_outcomes(dossier_key, version, agency_id, procedure_code, channel, "
          "received_s, received_month, outcome, rated_unsatisfied) SELECT key, 1, 'c1', "
          "'1.001193', 'counter', 1772000000, '2026-03', 'on_time', ? FROM dossiers WHERE id = ?",
          {std::int64_t{std::string(id) == "d1" ? 1 : 0}, std::string(id)});
    }
    c->execute(
        "INSERT INTO dossier_outcome_months(received_month, agency_id, procedure_code, received, "
        "early, on_time, late, open_count, open_paused, online, late_agency, late_official, "
        "late_other_agency, late_applicant, satisfied_finished) VALUES ('2026-03', 'c1', "
        "'1.001193', 3, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 2)");
    rate(*c, "d1", 2);
    rate(*c, "d2", 5);
  }
  const OutcomeScope march{"2026-03", "2026-03", {}, true};
  auto store = database_.open();  // applies 0071
  store->read([&](SqlConnection& db) {
    const auto months = rating_counts(db, march);
    ASSERT_EQ(months.size(), 1u);
    EXPECT_EQ(months[0].month, "2026-03");
    EXPECT_EQ(months[0].rated, 2);
    EXPECT_EQ(months[0].satisfied, 1);
    const auto agencies = rating_counts_by_agency(db, march);
    ASSERT_EQ(agencies.size(), 1u);
    EXPECT_EQ(agencies.at("c1").rated, 2);
    EXPECT_EQ(agencies.at("c1").satisfied, 1);
    EXPECT_TRUE(rating_counts(db, {"2026-04", "2026-12", {}, true}).empty());
  });
  // d3 is rated 4 after the upgrade: its row is replaced (as the refresh does) and the rollup
  // moves with it.
  store->write([](SqlConnection& db) {
    rate(db, "d3", 4);
    replace_outcome(db, on_time_in_march("d3", "counter", 1772000000), {}, {});
  });
  store->read([&](SqlConnection& db) {
    const auto months = rating_counts(db, march);
    ASSERT_EQ(months.size(), 1u);
    EXPECT_EQ(months[0].rated, 3);
    EXPECT_EQ(months[0].satisfied, 2);
  });
}

}  // namespace
}  // namespace motcua::store
