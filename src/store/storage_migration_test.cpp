// Migrations 0048 and 0058 (storage per dossier) on a database written before them, on both
// engines: events chained with their prev_hash column still verify once the column is gone, hashes
// written as hex text are stored as 32 bytes once 0058 ran, and new events chain on after them.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/event_log.hpp"
#include "store/migrations.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"

namespace motcua::store {
namespace {

constexpr int kBeforePrevHashDropped = 46;  // the last migration before 0048 on main
constexpr int kBeforeHashBytes = 57;        // the last migration before 0058 on main

class StorageMigrationTest : public ::testing::TestWithParam<Engine> {
 protected:
  // A database at migration `before` holding `count` events, written as the code of that time
  // wrote them: hashes as hex text, and before 0048 prev_hash repeated on every row.
  void write_old_database(int before, int count) {
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
        "('d1', '1.001193', 1, 'c1', 'An', 'an', 'counter', 'received', 1, '{}', 'now', 'now')");
    std::string prev = kGenesisHash;
    for (std::int64_t seq = 1; seq <= count; ++seq) {
      const EventDraft e{"d1",
                         "note",
                         "u1",
                         "reception",
                         "2026-03-02T09:00:00+07:00",
                         "",
                         "received",
                         "received",
                         R"({"n":)" + std::to_string(seq) + "}"};
      const auto hash = event_hash(seq, e, prev);
      std::vector<SqlValue> values{seq,  e.dossier_id, e.type,        e.actor_id,  e.role,
                                   e.at, e.reason,     e.from_status, e.to_status, e.payload};
      if (before < 48) values.emplace_back(prev);
      values.emplace_back(hash);
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

}  // namespace
}  // namespace motcua::store
