#include "store/store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <latch>
#include <mutex>
#include <thread>

#include "store/event_log.hpp"
#include "store/migrations.hpp"
#include "store/outbox.hpp"
#include "store/postgres/postgres_connection.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

class StoreTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "store");
    store_ = database_->open();
    store_->write([](SqlConnection& db) {
      db.execute(
          "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES ('a1', '000.00.00.H01', "
          "'Sở Tư pháp', 'department', '2025-07-01')");
      for (const char* id : {"d1", "d2"}) {
        db.execute(
            "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, "
            "applicant_name, "
            "applicant_folded, channel, status, version, document, created_text, updated_text) "
            "VALUES "
            "(?, '1.001193', 1, 'a1', 'Nguyễn Văn A', 'nguyen van a', 'online', 'submitted', 1, "
            "'{}', 'now', 'now')",
            {std::string(id)});
      }
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }

  EventDraft draft(const std::string& dossier, const std::string& type) {
    return EventDraft{
        dossier, type,        "u1",       "reception",      "2026-03-02T10:00:00+07:00",
        "",      "submitted", "received", R"({"note":"x"})"};
  }

  // A raw connection that bypasses the store, as an attacker with file (or superuser) access would.
  void tamper(const std::string& sql) {
    if (GetParam() == Engine::postgres) {
      PostgresConnection(database_->name()).execute_script(sql);
      return;
    }
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(database_->name().c_str(), &raw), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(raw);
  }

  // Drops a trigger of dossier_events, in the engine's words.
  std::string drop_trigger(const std::string& name) {
    return "DROP TRIGGER " + name +
           (GetParam() == Engine::postgres ? " ON dossier_events; " : "; ");
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::ValuesIn(test_engines()), engine_name);

TEST_P(StoreTest, MigrationsApplyOnceAndSurviveReopen) {
  const int latest = migration_sources().back().version;
  EXPECT_EQ(store_->schema_version(), latest);
  store_.reset();
  store_ = database_->open();
  EXPECT_EQ(store_->schema_version(), latest);
  std::int64_t applied = 0;
  store_->read([&](SqlConnection& db) {
    applied = db.query_one("SELECT COUNT(*) FROM schema_migrations")->integer(0);
  });
  EXPECT_EQ(applied, static_cast<std::int64_t>(migration_sources().size()));
  int dossiers = 0;
  store_->read([&](SqlConnection& db) {
    dossiers = static_cast<int>(db.query_one("SELECT COUNT(*) FROM dossiers")->integer(0));
  });
  EXPECT_EQ(dossiers, 2);
}

TEST_P(StoreTest, WalModeAndFullSync) {
  if (GetParam() != Engine::sqlite) GTEST_SKIP() << "SQLite's journal";
  std::string mode;
  store_->read([&](SqlConnection& db) { mode = db.query_one("PRAGMA journal_mode")->text(0); });
  EXPECT_EQ(mode, "wal");
}

TEST_P(StoreTest, ConcurrentWritesAreGroupedIntoFewerCommits) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 25;
  const auto before = store_->stats();
  std::latch all_queued(kThreads);
  // The first job holds the writer until every thread is about to write, so their jobs queue up
  // and must be merged into shared commits.
  std::thread blocker([&] {
    store_->write([&](SqlConnection& db) {
      all_queued.wait();
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      append_event(db, draft("d1", "blocker"));
    });
  });
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      all_queued.count_down();
      for (int i = 0; i < kPerThread; ++i) {
        store_->write(
            [&](SqlConnection& db) { append_event(db, draft(t % 2 ? "d1" : "d2", "e")); });
      }
    });
  }
  for (auto& th : threads) th.join();
  blocker.join();
  const auto after = store_->stats();
  const auto jobs = after.write_jobs - before.write_jobs;
  const auto commits = after.commits - before.commits;
  EXPECT_EQ(jobs, static_cast<std::uint64_t>(kThreads * kPerThread + 1));
  EXPECT_LT(commits, jobs);
  ChainCheck check;
  store_->read([&](SqlConnection& db) { check = verify_chain(db); });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, kThreads * kPerThread + 1);
}

TEST_P(StoreTest, SubmittedJobsFromOneThreadShareCommitsAndReportEachOutcome) {
  // One thread (as an io thread does) submits many jobs without waiting; each learns its own fate
  // after the commit, and the queued jobs share commits.
  constexpr int kJobs = 200;
  const auto before = store_->stats();
  std::mutex mu;
  std::condition_variable cv;
  int done = 0;
  int failed = 0;
  for (int i = 0; i < kJobs; ++i) {
    store_->submit(
        [this, i](SqlConnection& db) {
          if (i == 7) throw std::runtime_error("refused");
          append_event(db, draft("d1", "e"));
        },
        [&](std::exception_ptr error) {
          std::lock_guard lock(mu);
          ++done;
          if (error) ++failed;
          cv.notify_one();
        });
  }
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return done == kJobs; });
  EXPECT_EQ(failed, 1);
  const auto after = store_->stats();
  EXPECT_EQ(after.write_jobs - before.write_jobs, static_cast<std::uint64_t>(kJobs - 1));
  EXPECT_LT(after.commits - before.commits, static_cast<std::uint64_t>(kJobs / 2));
}

TEST_P(StoreTest, AFailingJobRollsBackOnlyItself) {
  std::thread other(
      [&] { store_->write([&](SqlConnection& db) { append_event(db, draft("d1", "kept")); }); });
  EXPECT_THROW(store_->write([&](SqlConnection& db) {
    append_event(db, draft("d2", "lost"));
    throw std::runtime_error("rule broken");
  }),
               std::runtime_error);
  other.join();
  std::vector<StoredEvent> d1, d2;
  store_->read([&](SqlConnection& db) {
    d1 = events_of(db, "d1");
    d2 = events_of(db, "d2");
  });
  ASSERT_EQ(d1.size(), 1u);
  EXPECT_EQ(d1[0].event.type, "kept");
  EXPECT_TRUE(d2.empty());
}

TEST_P(StoreTest, ConstraintViolationIsTyped) {
  EXPECT_THROW(store_->write([](SqlConnection& db) {
    db.execute(
        "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES ('a1', 'x', 'y', 'z', 'w')");
  }),
               ConstraintError);
}

TEST_P(StoreTest, EventLogIsAppendOnly) {
  store_->write([&](SqlConnection& db) { append_event(db, draft("d1", "received")); });
  EXPECT_THROW(store_->write(
                   [](SqlConnection& db) { db.execute("UPDATE dossier_events SET reason = 'x'"); }),
               ConstraintError);
  EXPECT_THROW(store_->write([](SqlConnection& db) { db.execute("DELETE FROM dossier_events"); }),
               ConstraintError);
  if (GetParam() == Engine::postgres) {
    EXPECT_THROW(store_->write([](SqlConnection& db) { db.execute("TRUNCATE dossier_events"); }),
                 ConstraintError);
  }
  std::int64_t events = 0;
  store_->read([&](SqlConnection& db) {
    events = db.query_one("SELECT COUNT(*) FROM dossier_events")->integer(0);
  });
  EXPECT_EQ(events, 1);
}

// A dossier's history without the chain's hashes: the same events, in order, only its own.
TEST_P(StoreTest, HistoryIsTheDossiersEventsWithoutTheirHashes) {
  store_->write([&](SqlConnection& db) {
    append_event(db, draft("d1", "received"));
    append_event(db, draft("d2", "received"));
    append_event(db, draft("d1", "assigned"));
  });
  std::vector<StoredEvent> full, history;
  store_->read([&](SqlConnection& db) {
    full = events_of(db, "d1");
    history = history_of(db, "d1");
  });
  ASSERT_EQ(history.size(), 2u);
  ASSERT_EQ(full.size(), 2u);
  for (std::size_t i = 0; i < history.size(); ++i) {
    EXPECT_EQ(history[i].seq, full[i].seq);
    EXPECT_EQ(history[i].event.dossier_id, "d1");
    EXPECT_EQ(history[i].event.type, full[i].event.type);
    EXPECT_EQ(history[i].event.at, full[i].event.at);
    EXPECT_EQ(history[i].event.to_status, full[i].event.to_status);
    EXPECT_EQ(history[i].event.payload, full[i].event.payload);
    EXPECT_TRUE(history[i].hash.empty());
    EXPECT_TRUE(history[i].prev_hash.empty());
    EXPECT_FALSE(full[i].hash.empty());
  }
  EXPECT_EQ(history[1].event.type, "assigned");
}

TEST_P(StoreTest, VerifyNamesTheFirstAlteredEvent) {
  store_->write([&](SqlConnection& db) {
    for (int i = 0; i < 4; ++i)
      append_event(db, draft(i % 2 ? "d1" : "d2", "e" + std::to_string(i)));
  });
  store_.reset();
  tamper(drop_trigger("dossier_events_no_update") +
         "UPDATE dossier_events SET payload = '{\"note\":\"y\"}' WHERE seq = 3;");
  store_ = database_->open();
  ChainCheck check;
  store_->read([&](SqlConnection& db) { check = verify_chain(db); });
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(*check.first_broken_seq, 3);
  EXPECT_NE(check.problem.find("altered"), std::string::npos);
}

// Migration 0058: the chain's hashes are stored as 32 raw bytes (BLOB, bytea), handed out as hex.
TEST_P(StoreTest, EventHashesAreStoredAsThirtyTwoBytes) {
  StoredEvent first, second;
  store_->write([&](SqlConnection& db) {
    first = append_event(db, draft("d1", "received"));
    second = append_event(db, draft("d1", "assigned"));
  });
  EXPECT_EQ(first.prev_hash, kGenesisHash);
  EXPECT_EQ(second.prev_hash, first.hash);
  EXPECT_EQ(first.hash.size(), 64u);
  store_->read([&](SqlConnection& db) {
    const auto rows = db.query("SELECT hash FROM dossier_events ORDER BY seq");
    ASSERT_EQ(rows.size(), 2u);
    ASSERT_TRUE(std::holds_alternative<Bytes>(rows[0].values[0]));
    EXPECT_EQ(rows[0].bytes(0).size(), 32u);
    EXPECT_EQ(hash_hex(rows[1].values[0]), second.hash);
    // Typed: a binary column is not read as a text by mistake.
    EXPECT_THROW(rows[0].text(0), StoreError);
    const auto events = events_of(db, "d1");
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].prev_hash, kGenesisHash);
    EXPECT_EQ(events[0].hash, first.hash);
    EXPECT_EQ(events[1].prev_hash, first.hash);
    EXPECT_EQ(events[1].hash, second.hash);
    EXPECT_TRUE(verify_chain(db).ok());
  });
}

// Bytes go in and come back byte for byte (zero bytes, high bytes, the empty value) on both
// engines: bound as BLOB / binary-format bytea, read back as Bytes, never as a text.
TEST_P(StoreTest, BytesRoundTripThroughABinaryColumn) {
  const std::string raw("\x00\x01\x7f\x80\xff\\x'\"", 9);
  std::vector<SqlRow> rows;
  store_->write([&](SqlConnection& db) {
    db.execute(db.dialect() == Dialect::postgres
                   ? "CREATE TABLE blob_probe (id BIGINT PRIMARY KEY, b BYTEA)"
                   : "CREATE TABLE blob_probe (id INTEGER PRIMARY KEY, b BLOB)");
    db.execute("INSERT INTO blob_probe(id, b) VALUES (?, ?)", {std::int64_t{1}, Bytes{raw}});
    db.execute("INSERT INTO blob_probe(id, b) VALUES (?, ?)", {std::int64_t{2}, Bytes{}});
    db.execute("INSERT INTO blob_probe(id, b) VALUES (?, ?)", {std::int64_t{3}, nullptr});
  });
  store_->read([&](SqlConnection& db) {
    rows = db.query("SELECT b, length(b) FROM blob_probe ORDER BY id");
    const auto found = db.query_one("SELECT id FROM blob_probe WHERE b = ?", {Bytes{raw}});
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->integer(0), 1);
  });
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].values[0], SqlValue(Bytes{raw}));
  EXPECT_EQ(rows[0].bytes(0), raw);
  EXPECT_EQ(rows[0].integer(1), 9);
  EXPECT_EQ(rows[1].values[0], SqlValue(Bytes{}));
  EXPECT_EQ(rows[1].integer(1), 0);
  EXPECT_TRUE(rows[2].is_null(0));
  EXPECT_EQ(rows[2].bytes(0), "");
}

TEST_P(StoreTest, VerifyNamesAnEditedHash) {
  store_->write([&](SqlConnection& db) {
    for (int i = 0; i < 4; ++i) append_event(db, draft("d1", "e" + std::to_string(i)));
  });
  store_.reset();
  // 32 zero bytes in place of event 2's hash: a well-formed value, but not the event's hash.
  tamper(drop_trigger("dossier_events_no_update") +
         (GetParam() == Engine::postgres
              ? "UPDATE dossier_events SET hash = decode(repeat('00', 32), 'hex') WHERE seq = 2;"
              : "UPDATE dossier_events SET hash = zeroblob(32) WHERE seq = 2;"));
  store_ = database_->open();
  ChainCheck check;
  store_->read([&](SqlConnection& db) { check = verify_chain(db); });
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(*check.first_broken_seq, 2);
  EXPECT_NE(check.problem.find("altered"), std::string::npos);
}

TEST_P(StoreTest, VerifyNamesARemovedEvent) {
  store_->write([&](SqlConnection& db) {
    for (int i = 0; i < 4; ++i) append_event(db, draft("d1", "e"));
  });
  store_.reset();
  tamper(drop_trigger("dossier_events_no_delete") + "DELETE FROM dossier_events WHERE seq = 2;");
  store_ = database_->open();
  ChainCheck check;
  store_->read([&](SqlConnection& db) { check = verify_chain(db); });
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(*check.first_broken_seq, 2);
  EXPECT_NE(check.problem.find("missing"), std::string::npos);
}

TEST_P(StoreTest, OutboxIsIdempotentAndBacksOff) {
  bool first = false, second = false;
  store_->write([&](SqlConnection& db) {
    first = enqueue_outbox(db, "mail", "d1:1:mail", R"({"to":"a@example.vn"})", "now", 100);
    second = enqueue_outbox(db, "mail", "d1:1:mail", R"({"to":"a@example.vn"})", "now", 100);
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  std::vector<OutboxMessage> due;
  store_->read([&](SqlConnection& db) { due = pending_outbox(db, 100, 10); });
  ASSERT_EQ(due.size(), 1u);
  store_->write([&](SqlConnection& db) { mark_failed(db, due[0].id, "smtp down", 100); });
  store_->read([&](SqlConnection& db) {
    EXPECT_TRUE(pending_outbox(db, 159, 10).empty());
    EXPECT_EQ(pending_outbox(db, 160, 10).size(), 1u);
  });
  store_->write([&](SqlConnection& db) { mark_delivered(db, due[0].id, "later"); });
  store_->read([&](SqlConnection& db) { EXPECT_TRUE(pending_outbox(db, 100000, 10).empty()); });
}

}  // namespace
}  // namespace motcua::store

namespace motcua::store {
namespace {

TEST_P(StoreTest, ValuesComeBackTypedAlikeOnBothEngines) {
  store_->read([](SqlConnection& db) {
    // SUM over integers is NUMERIC in PostgreSQL: it must still read as an integer; a NULL stays
    // NULL; text is text; a real stays a real.
    const auto row = db.query_one(
        "SELECT SUM(procedure_version), COUNT(*), NULL, MIN(applicant_name), 0.5 FROM dossiers "
        "WHERE "
        "agency_id = ?",
        {std::string("a1")});
    ASSERT_TRUE(row);
    EXPECT_TRUE(std::holds_alternative<std::int64_t>(row->values[0]));
    EXPECT_EQ(row->integer(0), 2);
    EXPECT_EQ(row->integer(1), 2);
    EXPECT_TRUE(row->is_null(2));
    EXPECT_EQ(row->text(3), "Nguyễn Văn A");
    ASSERT_TRUE(std::holds_alternative<double>(row->values[4]));
    EXPECT_DOUBLE_EQ(std::get<double>(row->values[4]), 0.5);
  });
}

TEST_P(StoreTest, LastInsertIdIsTheKeyTheDatabaseGave) {
  std::int64_t first = 0, second = 0, stored = 0;
  store_->write([&](SqlConnection& db) {
    enqueue_outbox(db, "mail", "k1", "{}", "now", 1);
    first = db.last_insert_id();
    enqueue_outbox(db, "mail", "k2", "{}", "now", 1);
    second = db.last_insert_id();
    stored = db.query_one("SELECT id FROM outbox WHERE idempotency_key = 'k2'")->integer(0);
  });
  EXPECT_GT(first, 0);
  EXPECT_EQ(second, stored);
  EXPECT_NE(first, second);
}

TEST_P(StoreTest, ServersStartingTogetherMigrateOnce) {
  if (GetParam() != Engine::postgres) GTEST_SKIP() << "one SQLite file has one server";
  TestDatabase fresh(Engine::postgres, "together");
  std::vector<std::thread> servers;
  std::atomic<int> opened{0};
  for (int i = 0; i < 4; ++i) {
    servers.emplace_back([&] {
      // Without the migration lock one of them fails here (duplicate schema objects).
      try {
        auto store = fresh.open(1);
        if (store->schema_version() == migration_sources().back().version) ++opened;
      } catch (const StoreError& e) {
        ADD_FAILURE() << e.what();
      }
    });
  }
  for (auto& s : servers) s.join();
  EXPECT_EQ(opened.load(), 4);
  auto store = fresh.open(1);
  store->read([](SqlConnection& db) {
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM schema_migrations")->integer(0),
              static_cast<std::int64_t>(migration_sources().size()));
  });
}

}  // namespace
}  // namespace motcua::store
