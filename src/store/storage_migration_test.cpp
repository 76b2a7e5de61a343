// Migration 0048 (storage per dossier) on a database written before it, on both engines: events
// chained with their prev_hash column still verify once the column is gone, and new events chain
// on after them.
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

constexpr int kBefore = 46;  // the last migration before this one on main

class StorageMigrationTest : public ::testing::TestWithParam<Engine> {
 protected:
  // A database at migration kBefore holding `count` events, written as the code before 0048 wrote
  // them (prev_hash repeated on every row).
  void write_old_database(int count) {
    std::unique_ptr<SqlConnection> db;
    if (GetParam() == Engine::sqlite) {
      auto c =
          std::make_unique<SqliteConnection>(database_.name(), SqliteConnection::Mode::read_write);
      for (const auto& m : sqlite_migrations()) {
        if (m.version <= kBefore) c->execute_script(m.sql);
      }
      db = std::move(c);
    } else {
      auto c = std::make_unique<PostgresConnection>(database_.name());
      for (const auto& m : postgres_migrations()) {
        if (m.version <= kBefore) c->execute_script(m.sql);
      }
      db = std::move(c);
    }
    db->execute(
        "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    for (const auto& m : sqlite_migrations()) {
      if (m.version <= kBefore) {
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
      db->execute(
          "INSERT INTO dossier_events(seq, dossier_id, type, actor_id, role, at, reason, "
          "from_status, to_status, payload, prev_hash, hash) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {seq, e.dossier_id, e.type, e.actor_id, e.role, e.at, e.reason, e.from_status,
           e.to_status, e.payload, prev, hash});
      prev = hash;
    }
  }

  TestDatabase database_{GetParam(), "storage-migration"};
};

INSTANTIATE_TEST_SUITE_P(Engines, StorageMigrationTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(StorageMigrationTest, AnUpgradedEventLogVerifiesAndChainsOn) {
  write_old_database(5);
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

}  // namespace
}  // namespace motcua::store
