// The outbox as the delivery engine uses it, on both engines: claims in order per dossier, leases,
// outcomes, the administrators' retry and cancel, counts and pruning.
#include "store/outbox.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/test_database.hpp"

namespace motcua::store {
namespace {

class OutboxTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "outbox");
    store_ = database_->open();
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  void enqueue(const std::string& topic, const std::string& key, const std::string& order_key,
               std::int64_t at = 100) {
    store_->write(
        [&](SqlConnection& db) { enqueue_outbox(db, topic, key, "{}", "t", at, order_key); });
  }
  std::vector<OutboxMessage> claim(const std::string& worker, std::int64_t now_s, int limit = 10,
                                   std::int64_t lease_s = 60, const std::string& topic = "mail") {
    std::vector<OutboxMessage> out;
    store_->write(
        [&](SqlConnection& db) { out = claim_outbox(db, topic, limit, worker, now_s, lease_s); });
    return out;
  }
  static std::vector<std::string> keys(const std::vector<OutboxMessage>& messages) {
    std::vector<std::string> out;
    for (const auto& m : messages) out.push_back(m.idempotency_key);
    return out;
  }
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, OutboxTest, ::testing::ValuesIn(test_engines()), engine_name);

TEST_P(OutboxTest, ALaterRowOfOneDossierWaitsUntilTheEarlierOneIsDone) {
  enqueue("mail", "d1:1", "d1");
  enqueue("mail", "d1:2", "d1");
  enqueue("mail", "d2:1", "d2");
  enqueue("mail", "free", "");
  enqueue("mail", "d1:3", "d1");
  auto first = claim("w1", 100);
  EXPECT_EQ(keys(first), (std::vector<std::string>{"d1:1", "d2:1", "free"}));
  // Another worker finds nothing: d1's next row waits behind its leased head.
  EXPECT_TRUE(claim("w2", 101).empty());

  // The head of d1 fails and retries later: its followers still wait.
  FailOutcome failed{};
  store_->write([&](SqlConnection& db) {
    failed = fail_outbox(db, first[0].id, "w1", "HTTP 500", false, 101, "t", 0.99);
    complete_outbox(db, first[1].id, "w1", "t", 101, "ref-d2");
    complete_outbox(db, first[2].id, "w1", "t", 101, "ref-free");
  });
  EXPECT_EQ(failed, FailOutcome::retrying);
  EXPECT_TRUE(claim("w2", 101).empty()) << "d1:2 must not overtake d1:1";

  // Once d1:1 is delivered, d1:2 goes, then d1:3.
  auto again = claim("w2", 200);
  ASSERT_EQ(keys(again), std::vector<std::string>{"d1:1"});
  store_->write([&](SqlConnection& db) { complete_outbox(db, again[0].id, "w2", "t", 200); });
  EXPECT_EQ(keys(claim("w2", 200)), std::vector<std::string>{"d1:2"});
}

TEST_P(OutboxTest, ADeadRowBlocksItsFollowersUntilCancelledOrRetried) {
  enqueue("mail", "d1:1", "d1");
  enqueue("mail", "d1:2", "d1");
  auto head = claim("w1", 100);
  ASSERT_EQ(head.size(), 1u);
  store_->write([&](SqlConnection& db) {
    EXPECT_EQ(fail_outbox(db, head[0].id, "w1", "HTTP 400", true, 100, "t", 0.5),
              FailOutcome::dead);
  });
  EXPECT_TRUE(claim("w1", 10000).empty()) << "dead d1:1 blocks d1:2";

  AdminOutcome retried{}, again{};
  store_->write([&](SqlConnection& db) {
    retried = retry_outbox(db, head[0].id, 10000, "t2");
    again = retry_outbox(db, head[0].id, 10000, "t2");  // a fresh pending row: nothing to retry
  });
  EXPECT_EQ(retried, AdminOutcome::done);
  EXPECT_EQ(again, AdminOutcome::wrong_state);
  auto retaken = claim("w1", 10000);
  ASSERT_EQ(keys(retaken), std::vector<std::string>{"d1:1"});
  EXPECT_EQ(retaken[0].attempts, 0) << "an administrator's retry starts the count again";

  AdminOutcome cancelled{}, twice{}, missing{};
  store_->write([&](SqlConnection& db) {
    cancelled = cancel_outbox(db, head[0].id, "sai địa chỉ", 10001, "t3");
    twice = cancel_outbox(db, head[0].id, "again", 10001, "t3");
    missing = cancel_outbox(db, 999999, "x", 10001, "t3");
  });
  EXPECT_EQ(cancelled, AdminOutcome::done);
  EXPECT_EQ(twice, AdminOutcome::wrong_state);
  EXPECT_EQ(missing, AdminOutcome::not_found);
  EXPECT_EQ(keys(claim("w2", 10001)), std::vector<std::string>{"d1:2"});
  bool late = true;
  store_->write([&](SqlConnection& db) { late = complete_outbox(db, head[0].id, "w1", "t", 1); });
  EXPECT_FALSE(late) << "a cancelled row is not delivered by a worker that still held it";
}

TEST_P(OutboxTest, AnExpiredLeaseHandsTheRowToAnotherWorker) {
  enqueue("mail", "k1", "d1");
  auto first = claim("w1", 100, 10, 30);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_TRUE(claim("w2", 129).empty());
  auto second = claim("w2", 130);
  ASSERT_EQ(keys(second), std::vector<std::string>{"k1"});
  bool by_w1 = true, by_w2 = false;
  store_->write([&](SqlConnection& db) {
    by_w1 = complete_outbox(db, first[0].id, "w1", "t", 131, "r1");
    by_w2 = complete_outbox(db, first[0].id, "w2", "t", 131, "r2");
  });
  EXPECT_FALSE(by_w1);
  EXPECT_TRUE(by_w2);
  std::optional<OutboxRow> row;
  store_->read([&](SqlConnection& db) { row = outbox_row(db, first[0].id); });
  ASSERT_TRUE(row);
  EXPECT_EQ(row->state, "delivered");
  EXPECT_EQ(row->partner_ref, "r2");
  FailOutcome lost{};
  store_->write([&](SqlConnection& db) {
    lost = fail_outbox(db, first[0].id, "w1", "late", false, 132, "t", 0.1);
  });
  EXPECT_EQ(lost, FailOutcome::lost);
}

TEST_P(OutboxTest, TwoWorkersNeverHoldOneRow) {
  for (int i = 0; i < 60; ++i) enqueue("mail", "k" + std::to_string(i), "");
  auto other = database_->open();
  std::vector<OutboxMessage> a, b;
  std::thread ta([&] {
    for (int i = 0; i < 12; ++i) {
      store_->write([&](SqlConnection& db) {
        auto got = claim_outbox(db, "mail", 3, "wa", 100, 60);
        a.insert(a.end(), got.begin(), got.end());
      });
    }
  });
  std::thread tb([&] {
    for (int i = 0; i < 12; ++i) {
      other->write([&](SqlConnection& db) {
        auto got = claim_outbox(db, "mail", 3, "wb", 100, 60);
        b.insert(b.end(), got.begin(), got.end());
      });
    }
  });
  ta.join();
  tb.join();
  std::set<std::int64_t> ids;
  for (const auto& m : a) ids.insert(m.id);
  for (const auto& m : b) EXPECT_TRUE(ids.insert(m.id).second) << "row " << m.id << " twice";
  EXPECT_EQ(ids.size(), 60u);
}

TEST(OutboxBackoff, GrowsAndIsCapped) {
  const OutboxRetryPolicy policy{.base_s = 2, .cap_s = 3600, .max_attempts = 10};
  EXPECT_EQ(outbox_backoff_ceiling(1, policy), 2);
  EXPECT_EQ(outbox_backoff_ceiling(2, policy), 4);
  EXPECT_EQ(outbox_backoff_ceiling(5, policy), 32);
  EXPECT_EQ(outbox_backoff_ceiling(12, policy), 3600);
  EXPECT_EQ(outbox_backoff_ceiling(200, policy), 3600);
  EXPECT_EQ(outbox_retry_delay(5, 0.0, policy), 0) << "full jitter starts at zero";
  EXPECT_EQ(outbox_retry_delay(5, 0.999999, policy), 32);
  EXPECT_EQ(outbox_retry_delay(5, 0.5, policy), 16);
  EXPECT_LE(outbox_retry_delay(60, 0.999999, policy), 3600);
}

TEST_P(OutboxTest, RetriesWaitLongerEachTimeAndTheTenthFailureIsDead) {
  enqueue("sms", "s1", "d9");
  const OutboxRetryPolicy policy{.base_s = 2, .cap_s = 3600, .max_attempts = 10};
  std::int64_t now = 100;
  std::int64_t previous_wait = -1;
  for (int attempt = 1; attempt <= 10; ++attempt) {
    auto got = claim("w1", now, 10, 60, "sms");
    ASSERT_EQ(got.size(), 1u) << "attempt " << attempt;
    EXPECT_EQ(got[0].attempts, attempt - 1);
    FailOutcome outcome{};
    store_->write([&](SqlConnection& db) {
      outcome = fail_outbox(db, got[0].id, "w1", "timeout", false, now, "t", 0.999999, policy);
    });
    if (attempt < 10) {
      ASSERT_EQ(outcome, FailOutcome::retrying);
      const auto wait = outbox_retry_delay(attempt, 0.999999, policy);
      EXPECT_GT(wait, previous_wait);
      previous_wait = wait;
      if (wait > 0) {
        EXPECT_TRUE(claim("w1", now + wait - 1, 10, 60, "sms").empty());
      }
      now += wait;
    } else {
      EXPECT_EQ(outcome, FailOutcome::dead);
    }
  }
  EXPECT_TRUE(claim("w1", now + 100000, 10, 60, "sms").empty());
  std::vector<OutboxTopicCounts> counts;
  store_->read([&](SqlConnection& db) { counts = outbox_counts(db); });
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].topic, "sms");
  EXPECT_EQ(counts[0].dead, 1);
  EXPECT_EQ(counts[0].pending, 0);
  std::vector<OutboxRow> dead;
  store_->read([&](SqlConnection& db) { dead = outbox_rows(db, {"sms", "dead", 10}); });
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].attempts, 10);
  EXPECT_EQ(dead[0].last_error, "timeout");
}

TEST_P(OutboxTest, CountsPerTopicAndStateWithTheOldestPendingRow) {
  enqueue("mail", "m1", "", 50);
  enqueue("mail", "m2", "", 70);
  enqueue("sms", "s1", "", 60);
  auto got = claim("w1", 100, 1);
  store_->write([&](SqlConnection& db) {
    fail_outbox(db, got[0].id, "w1", "HTTP 503", false, 100, "t", 0.5);
  });
  std::vector<OutboxTopicCounts> counts;
  store_->read([&](SqlConnection& db) { counts = outbox_counts(db); });
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0].topic, "mail");
  EXPECT_EQ(counts[0].pending, 2);
  EXPECT_EQ(counts[0].retrying, 1);
  EXPECT_EQ(counts[0].oldest_pending_s, 50);
  EXPECT_EQ(counts[1].topic, "sms");
  EXPECT_EQ(counts[1].retrying, 0);
  std::vector<OutboxRow> retrying;
  store_->read([&](SqlConnection& db) { retrying = outbox_rows(db, {"", "retrying", 10}); });
  ASSERT_EQ(retrying.size(), 1u);
  EXPECT_EQ(retrying[0].idempotency_key, "m1");
}

TEST_P(OutboxTest, PruningRemovesOnlyOldDeliveredAndCancelledRows) {
  enqueue("mail", "old", "");
  enqueue("mail", "new", "");
  enqueue("mail", "gone", "");
  enqueue("mail", "open", "");
  auto got = claim("w1", 100, 3);
  ASSERT_EQ(got.size(), 3u);
  store_->write([&](SqlConnection& db) {
    complete_outbox(db, got[0].id, "w1", "t", 1000);
    complete_outbox(db, got[1].id, "w1", "t", 9000);
    cancel_outbox(db, got[2].id, "duplicate", 1000, "t");
  });
  std::int64_t pruned = 0;
  store_->write([&](SqlConnection& db) { pruned = prune_outbox(db, 5000); });
  EXPECT_EQ(pruned, 2);
  std::vector<OutboxRow> left;
  store_->read([&](SqlConnection& db) { left = outbox_rows(db, {}); });
  ASSERT_EQ(left.size(), 2u);
  EXPECT_EQ(left[0].idempotency_key, "open");
  EXPECT_EQ(left[1].idempotency_key, "new");

  // The administrators' totals still count what pruning removed, and pruning again (nothing old
  // left) counts nothing twice.
  std::vector<OutboxTopicCounts> counts;
  store_->write([&](SqlConnection& db) { pruned = prune_outbox(db, 5000); });
  EXPECT_EQ(pruned, 0);
  store_->read([&](SqlConnection& db) { counts = outbox_counts(db); });
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts[0].topic, "mail");
  EXPECT_EQ(counts[0].delivered, 2);
  EXPECT_EQ(counts[0].cancelled, 1);
  EXPECT_EQ(counts[0].pending, 1);
}

TEST_P(OutboxTest, PrunedCountsStayForATopicWithNoRowsLeft) {
  enqueue("sms", "s1", "");
  enqueue("webhook", "w1", "");
  auto sms = claim("w1", 100, 1, 60, "sms");
  auto hook = claim("w1", 100, 1, 60, "webhook");
  ASSERT_EQ(sms.size(), 1u);
  ASSERT_EQ(hook.size(), 1u);
  store_->write([&](SqlConnection& db) {
    complete_outbox(db, sms[0].id, "w1", "t", 1000);
    complete_outbox(db, hook[0].id, "w1", "t", 1000);
    prune_outbox(db, 5000);
  });
  enqueue("mail", "m1", "");
  std::vector<OutboxTopicCounts> counts;
  store_->read([&](SqlConnection& db) { counts = outbox_counts(db); });
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0].topic, "mail");
  EXPECT_EQ(counts[0].pending, 1);
  EXPECT_EQ(counts[1].topic, "sms");
  EXPECT_EQ(counts[1].delivered, 1);
  EXPECT_EQ(counts[2].topic, "webhook");
  EXPECT_EQ(counts[2].delivered, 1);
}

TEST_P(OutboxTest, MessagesOfASkippedTopicAreNotWritten) {
  set_outbox_skipped_topics({"national_portal.sync"});
  bool portal = true, mail = false;
  store_->write([&](SqlConnection& db) {
    portal = enqueue_outbox(db, "national_portal.sync", "d1:1:dvcqg", "{}", "t", 100, "d1");
    mail = enqueue_outbox(db, "mail", "d1:1:mail", "{}", "t", 100, "d1");
  });
  set_outbox_skipped_topics({});
  EXPECT_FALSE(portal);
  EXPECT_TRUE(mail);
  std::vector<OutboxRow> rows;
  store_->read([&](SqlConnection& db) { rows = outbox_rows(db, {}); });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].topic, "mail");
  // Nothing skipped: written again.
  store_->write([&](SqlConnection& db) {
    portal = enqueue_outbox(db, "national_portal.sync", "d1:1:dvcqg", "{}", "t", 100, "d1");
  });
  EXPECT_TRUE(portal);
}

}  // namespace
}  // namespace motcua::store
