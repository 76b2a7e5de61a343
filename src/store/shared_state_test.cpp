// What several servers on one database rely on: dossier codes, the event chain, outbox claims and
// the statistics refresh stay correct with more than one writer. Two Store objects on one SQLite
// file stand for two servers (each has its own writer thread; SQLite's file lock serialises them).
// The PostgreSQL branches are checked here by the statements they send; the engine's own suite
// runs them on a real server.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/dossier_repository.hpp"
#include "store/event_log.hpp"
#include "store/outbox.hpp"
#include "store/stale_outcomes.hpp"
#include "store/store.hpp"
#include "store/transaction_lock.hpp"

namespace motcua::store {
namespace {

namespace fs = std::filesystem;

class SharedStateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("motcua-shared-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "motcua.db").string();
    a_ = open_sqlite_store(path_);
    b_ = open_sqlite_store(path_);
  }
  void TearDown() override {
    a_.reset();
    b_.reset();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> a_, b_;
};

// Many jobs from two servers at once: four threads, each waiting for its own commits.
template <typename Job>
void hammer(Store& a, Store& b, int per_thread, Job job) {
  std::vector<std::thread> threads;
  for (Store* s : {&a, &b, &a, &b}) {
    threads.emplace_back([s, per_thread, &job] {
      for (int i = 0; i < per_thread; ++i) s->write(job);
    });
  }
  for (auto& t : threads) t.join();
}

TEST_F(SharedStateTest, DossierCodesAreNeverHandedOutTwiceByTwoServers) {
  std::mutex mu;
  std::vector<std::int64_t> handed;
  hammer(*a_, *b_, 40, [&](SqlConnection& db) {
    const auto n = next_daily_sequence(db, "000.00.00.H40", "2026-03-02");
    std::lock_guard lock(mu);
    handed.push_back(n);
  });
  const std::set<std::int64_t> distinct(handed.begin(), handed.end());
  EXPECT_EQ(distinct.size(), handed.size());
  EXPECT_EQ(*distinct.begin(), 1);
  EXPECT_EQ(*distinct.rbegin(), 160);
  std::int64_t other_day = 0;
  a_->write([&](SqlConnection& db) {
    other_day = next_daily_sequence(db, "000.00.00.H40", "2026-03-03");
  });
  EXPECT_EQ(other_day, 1);
}

TEST_F(SharedStateTest, TwoServersAppendingBuildOneVerifiableChain) {
  a_->write([](SqlConnection& db) {
    db.execute(
        "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES ('a1', '000.00.00.H01', "
        "'Sở', 'department', '2025-07-01')");
    db.execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_text, updated_text) VALUES "
        "('d1', '1.001193', 1, 'a1', 'A', 'a', 'online', 'submitted', 1, '{}', 'now', 'now')");
  });
  hammer(*a_, *b_, 25, [](SqlConnection& db) {
    append_event(db, EventDraft{"d1", "note", "u1", "reception", "2026-03-02T10:00:00+07:00", "",
                                "submitted", "submitted", "{}"});
  });
  ChainCheck check;
  b_->read([&](SqlConnection& db) { check = verify_chain(db); });
  EXPECT_TRUE(check.ok()) << check.problem;
  EXPECT_EQ(check.events_checked, 100);
}

TEST_F(SharedStateTest, OutboxRowsAreClaimedByOneWorkerUntilTheLeaseEnds) {
  a_->write([](SqlConnection& db) {
    for (int i = 1; i <= 5; ++i) {
      enqueue_outbox(db, "mail", "k" + std::to_string(i), "{}", "now", 100);
    }
    enqueue_outbox(db, "sms", "s1", "{}", "now", 100);
    enqueue_outbox(db, "mail", "later", "{}", "now", 500);
  });
  std::vector<OutboxMessage> first, second, third;
  a_->write([&](SqlConnection& db) { first = claim_outbox(db, "mail", 3, "w1", 100, 60); });
  b_->write([&](SqlConnection& db) { second = claim_outbox(db, "mail", 10, "w2", 130, 60); });
  a_->write([&](SqlConnection& db) { third = claim_outbox(db, "mail", 10, "w1", 159, 60); });
  ASSERT_EQ(first.size(), 3u);
  ASSERT_EQ(second.size(), 2u) << "the other topic, the later row and w1's rows are not taken";
  EXPECT_TRUE(third.empty()) << "every due row is leased";
  EXPECT_LT(first[0].id, first[1].id);
  EXPECT_EQ(first[0].idempotency_key, "k1");
  EXPECT_EQ(second[0].idempotency_key, "k4");

  bool done_by_w1 = true;
  a_->write([&](SqlConnection& db) { done_by_w1 = complete_outbox(db, first[0].id, "w2", "t"); });
  EXPECT_FALSE(done_by_w1) << "only the holder completes";
  a_->write([&](SqlConnection& db) { done_by_w1 = complete_outbox(db, first[0].id, "w1", "t"); });
  EXPECT_TRUE(done_by_w1);

  // w1 died: its two other rows come back when the lease ends, the delivered one never.
  std::vector<OutboxMessage> retaken;
  b_->write([&](SqlConnection& db) { retaken = claim_outbox(db, "mail", 10, "w2", 160, 60); });
  ASSERT_EQ(retaken.size(), 2u);
  EXPECT_EQ(retaken[0].id, first[1].id);
  EXPECT_EQ(retaken[1].id, first[2].id);
  bool late = true;
  a_->write([&](SqlConnection& db) { late = complete_outbox(db, first[1].id, "w1", "t"); });
  EXPECT_FALSE(late) << "a worker whose lease ended has lost the row";
}

TEST_F(SharedStateTest, AStaleOutcomeIsTakenOnce) {
  a_->write([](SqlConnection& db) {
    db.execute(
        "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES ('a1', '000.00.00.H01', "
        "'Sở', 'department', '2025-07-01')");
    db.execute(
        "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
        "applicant_folded, channel, status, version, document, created_text, updated_text) VALUES "
        "('d1', '1.001193', 1, 'a1', 'A', 'a', 'online', 'submitted', 1, '{}', 'now', 'now')");
  });
  bool first = false, second = true;
  a_->write([&](SqlConnection& db) { first = take_stale_outcome(db, "d1"); });
  b_->write([&](SqlConnection& db) { second = take_stale_outcome(db, "d1"); });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
}

// Records statements and answers nothing, speaking the dialect it is given.
class RecordingConnection : public SqlConnection {
 public:
  explicit RecordingConnection(Dialect d) : dialect_(d) {}
  Dialect dialect() const override { return dialect_; }
  std::int64_t execute(std::string_view sql, const std::vector<SqlValue>&) override {
    statements.emplace_back(sql);
    return 1;
  }
  std::vector<SqlRow> query(std::string_view sql, const std::vector<SqlValue>&) override {
    statements.emplace_back(sql);
    return {};
  }
  std::int64_t last_insert_id() override { return 0; }
  std::vector<std::string> statements;

 private:
  Dialect dialect_;
};

TEST(TransactionLock, IsAnAdvisoryLockOnPostgresAndNothingOnSqlite) {
  RecordingConnection sqlite(Dialect::sqlite);
  lock_for_transaction(sqlite, TransactionLock::event_chain);
  EXPECT_TRUE(sqlite.statements.empty());

  RecordingConnection pg(Dialect::postgres);
  lock_for_transaction(pg, TransactionLock::event_chain);
  lock_for_transaction(pg, TransactionLock::statistics_refresh);
  ASSERT_EQ(pg.statements.size(), 2u);
  EXPECT_NE(pg.statements[0].find("pg_advisory_xact_lock("), std::string::npos);
  EXPECT_NE(pg.statements[0], pg.statements[1]) << "one key per kind of work";
}

TEST(TransactionLock, TheEventChainIsLockedBeforeItsHeadIsRead) {
  RecordingConnection pg(Dialect::postgres);
  // A recording connection has no rows, so no event_terms vocabulary (migration 0062): the append
  // stops at its first term. What is checked is what came before it.
  EXPECT_THROW(append_event(pg, EventDraft{"d1", "note", "u1", "r", "t", "", "a", "b", "{}"}),
               StoreError);
  ASSERT_GE(pg.statements.size(), 3u);
  EXPECT_NE(pg.statements[0].find("pg_advisory_xact_lock("), std::string::npos);
  EXPECT_NE(pg.statements[1].find("FROM dossier_events"), std::string::npos);
}

TEST(TransactionLock, OutboxClaimsSkipRowsLockedByAnotherServerOnPostgres) {
  RecordingConnection pg(Dialect::postgres), sqlite(Dialect::sqlite);
  claim_outbox(pg, "mail", 10, "w1", 100);
  claim_outbox(sqlite, "mail", 10, "w1", 100);
  EXPECT_NE(pg.statements.at(0).find("FOR UPDATE SKIP LOCKED"), std::string::npos);
  EXPECT_EQ(sqlite.statements.at(0).find("FOR UPDATE"), std::string::npos);
}

}  // namespace
}  // namespace motcua::store
