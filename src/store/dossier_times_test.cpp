// Dossier times as epoch seconds (migration 0068, store/dossier_times.hpp): the repository writes
// an integer and keeps a text only when it is not canonical, reads every text back byte for byte,
// and the work queue still picks its page from the dossiers_queue index alone.
#include "store/dossier_times.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <variant>

#include "store/dossier_repository.hpp"
#include "store/open_dossiers.hpp"
#include "store/retention_queries.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"
#include "store/tracking_book_queries.hpp"

namespace motcua::store {
namespace {

TEST(DossierTimes, SecondsOfEveryOffsetAndNothingElse) {
  // 2026-03-02T08:00:00+07:00 is 1772413200.
  EXPECT_EQ(iso_time_seconds("2026-03-02T08:00:00+07:00"), 1772413200);
  EXPECT_EQ(iso_time_seconds("2026-03-02T01:00:00Z"), 1772413200);
  EXPECT_EQ(iso_time_seconds("2026-03-02T10:00:00+09:00"), 1772413200);
  EXPECT_EQ(iso_time_seconds("2026-03-01T19:30:00-05:30"), 1772413200);
  for (const char* other :
       {"now", "", "2026-02-30T10:00:00+07:00", "2026-03-02T24:00:00+07:00",
        "2026-03-02T10:00:00.5+07:00", "2026-03-02T10:00:00+15:00", "2026-03-02T10:00:00+0700",
        "2026-03-02 10:00:00+07:00", "0000-03-02T10:00:00+07:00", "2026-03-02"}) {
    EXPECT_FALSE(iso_time_seconds(other).has_value()) << other;
  }
  // Canonical: seconds alone. Another offset: seconds and the text.
  const auto canonical = stored_time(std::string("2026-03-02T08:00:00+07:00"));
  EXPECT_EQ(canonical.seconds, SqlValue(std::int64_t{1772413200}));
  EXPECT_EQ(canonical.text, SqlValue(nullptr));
  const auto zulu = stored_time(std::string("2026-03-02T01:00:00Z"));
  EXPECT_EQ(zulu.seconds, SqlValue(std::int64_t{1772413200}));
  EXPECT_EQ(zulu.text, SqlValue(std::string("2026-03-02T01:00:00Z")));
  const auto none = stored_time(std::nullopt);
  EXPECT_EQ(none.seconds, SqlValue(nullptr));
  EXPECT_EQ(none.text, SqlValue(nullptr));
  // Date bounds are local midnights; a day past the month's end is the next day's.
  EXPECT_EQ(bound_seconds("2026-03-02"), 1772413200 - 8 * 3600);
  EXPECT_EQ(bound_seconds("2026-04-31"), bound_seconds("2026-05-01"));
  EXPECT_FALSE(bound_seconds("0000-00-00").has_value());
}

class DossierTimesTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "dossier-times");
    store_ = database_->open();
    store_->write([](SqlConnection& db) { seed_test_agencies(db); });
  }

  static DossierRecord record(const std::string& id) {
    DossierRecord d;
    d.id = id;
    d.procedure_code = "1.001193";
    d.procedure_version = 1;
    d.agency_id = "c1";
    d.applicant_name = d.applicant_folded = "an";
    d.channel = "online";
    d.status = "received";
    d.version = 1;
    d.document = "{}";
    return d;
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, DossierTimesTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(DossierTimesTest, TheRowKeepsIntegersAndTheRecordItsTexts) {
  auto server = record("d1");
  server.submitted_at = "2026-03-02T08:00:00+07:00";
  server.received_at = "2026-03-02T09:00:00+07:00";
  server.created_at = "2026-03-02T07:00:00+07:00";
  server.updated_at = "2026-03-02T09:00:00+07:00";
  auto imported = record("d2");
  imported.submitted_at = "2026-03-02T01:00:00Z";
  imported.received_at = "2026-03-02T11:00:00+09:00";
  imported.finished_at = "later";
  imported.created_at = "2026-03-02T01:00:00Z";
  imported.updated_at = "2026-03-02T01:00:00Z";
  store_->write([&](SqlConnection& db) {
    insert_dossier(db, server);
    insert_dossier(db, imported);
  });
  store_->read([&](SqlConnection& db) {
    const auto row = db.query_one(
        "SELECT submitted_s, submitted_text, received_s, created_s, created_text, updated_s, "
        "finished_s, finished_text FROM dossiers WHERE id = 'd1'");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->values.at(0), SqlValue(std::int64_t{1772413200}));
    EXPECT_EQ(row->values.at(1), SqlValue(nullptr));
    EXPECT_EQ(row->values.at(2), SqlValue(std::int64_t{1772416800}));
    EXPECT_EQ(row->values.at(3), SqlValue(std::int64_t{1772409600}));
    EXPECT_EQ(row->values.at(4), SqlValue(nullptr));
    EXPECT_EQ(row->values.at(6), SqlValue(nullptr));
    EXPECT_EQ(row->values.at(7), SqlValue(nullptr));
    if (GetParam() == Engine::sqlite) {
      EXPECT_EQ(db.query_one("SELECT typeof(created_s) FROM dossiers WHERE id = 'd1'")->text(0),
                "integer");
    }
    const auto d2 = db.query_one(
        "SELECT submitted_s, submitted_text, received_s, finished_s, finished_text FROM dossiers "
        "WHERE id = 'd2'");
    EXPECT_EQ(d2->values.at(0), SqlValue(std::int64_t{1772413200}));
    EXPECT_EQ(d2->values.at(1), SqlValue(std::string("2026-03-02T01:00:00Z")));
    EXPECT_EQ(d2->values.at(2), SqlValue(std::int64_t{1772416800}));  // 02:00Z
    EXPECT_EQ(d2->values.at(3), SqlValue(nullptr));
    EXPECT_EQ(d2->values.at(4), SqlValue(std::string("later")));
    // Byte for byte back, by id and by code.
    const auto a = find_dossier(db, "d1");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->submitted_at, server.submitted_at);
    EXPECT_EQ(a->received_at, server.received_at);
    EXPECT_EQ(a->finished_at, std::nullopt);
    EXPECT_EQ(a->created_at, server.created_at);
    EXPECT_EQ(a->updated_at, server.updated_at);
    const auto b = find_dossier(db, "d2");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->submitted_at, imported.submitted_at);
    EXPECT_EQ(b->received_at, imported.received_at);
    EXPECT_EQ(b->finished_at, imported.finished_at);
    EXPECT_EQ(b->created_at, imported.created_at);
    EXPECT_EQ(b->updated_at, imported.updated_at);
    // Received and not finished: only d1 ("later" is a finish time, though no instant).
    EXPECT_EQ(open_dossier_ids(db), std::vector<std::string>{"d1"});
  });
  // An update rewrites both columns: the kept text goes when the time becomes canonical.
  store_->write([&](SqlConnection& db) {
    auto b = *find_dossier(db, "d2");
    b.finished_at = "2026-03-03T08:00:00+07:00";
    b.updated_at = "2026-03-03T08:00:00+07:00";
    ++b.version;
    update_dossier(db, b);
  });
  store_->read([&](SqlConnection& db) {
    const auto row = db.query_one(
        "SELECT finished_s, finished_text, updated_text FROM dossiers WHERE id = 'd2'");
    EXPECT_EQ(row->values.at(0), SqlValue(std::int64_t{1772499600}));
    EXPECT_EQ(row->values.at(1), SqlValue(nullptr));
    EXPECT_EQ(row->values.at(2), SqlValue(nullptr));
    EXPECT_EQ(find_dossier(db, "d2")->finished_at, "2026-03-03T08:00:00+07:00");
  });
}

TEST_P(DossierTimesTest, StaleDraftsCompareInstantsWhateverTheOffset) {
  auto old_draft = record("d1");
  old_draft.status = "draft";
  old_draft.created_at = old_draft.updated_at = "2026-03-01T23:00:00Z";  // 06:00 on the 2nd
  auto new_draft = record("d2");
  new_draft.status = "draft";
  new_draft.created_at = new_draft.updated_at = "2026-03-02T00:00:00Z";  // 07:00 on the 2nd
  store_->write([&](SqlConnection& db) {
    insert_dossier(db, old_draft);
    insert_dossier(db, new_draft);
  });
  store_->read([&](SqlConnection& db) {
    // As a text, d2's "2026-03-02T00:00:00Z" sorts before "2026-03-02T06:30:00+07:00" though
    // it is half an hour later: only the seconds give the right answer.
    EXPECT_EQ(stale_draft_ids(db, "2026-03-02T06:30:00+07:00", 10), std::vector<std::string>{"d1"});
    EXPECT_EQ(stale_draft_ids(db, "2026-03-02T07:30:00+07:00", 10),
              (std::vector<std::string>{"d1", "d2"}));
  });
}

// The tracking book's days are the province's local days (+07:00), from the first midnight to the
// end of the last day, whatever offset a receipt time was written with.
TEST_P(DossierTimesTest, TheTrackingBookTakesWholeLocalDays) {
  store_->write([&](SqlConnection& db) {
    const auto received = [&](const char* id, const char* at) {
      auto d = record(id);
      d.receiving_unit_id = "u1";
      d.received_at = at;
      d.created_at = d.updated_at = at;
      d.document = "sealed";
      insert_dossier(db, d);
    };
    received("d1", "2026-03-01T23:59:59+07:00");  // the day before
    received("d2", "2026-03-02T00:00:00+07:00");  // the first second
    received("d3", "2026-03-02T23:59:59+07:00");  // the last second
    received("d4", "2026-03-02T17:30:00Z");       // 00:30 on the 3rd in the province
    received("d5", "2026-03-01T17:30:00Z");       // 00:30 on the 2nd in the province
  });
  store_->read([&](SqlConnection& db) {
    std::vector<std::string> ids, times;
    for (const auto& r : book_dossiers(db, "u1", "2026-03-02", "2026-03-02")) {
      ids.push_back(r.id);
      times.push_back(r.received_at);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"d2", "d5", "d3"}));
    EXPECT_EQ(times[1], "2026-03-01T17:30:00Z");  // read back as written
  });
}

// The page of the work queue is still chosen from index entries alone (migration 0060's reason).
TEST_P(DossierTimesTest, TheWorkQueueReadsTheQueueIndex) {
  if (GetParam() != Engine::sqlite) GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's";
  store_->read([](SqlConnection& db) {
    std::string plan;
    for (const auto& r :
         db.query("EXPLAIN QUERY PLAN SELECT d.rowid AS k, d.due_s AS due, d.created_s AS created "
                  "FROM dossiers d WHERE d.agency_id = 'c1' AND d.status = 'received' AND "
                  "d.due_s IS NOT NULL ORDER BY d.due_s, d.created_s LIMIT 20")) {
      plan += r.text(3) + "\n";
    }
    EXPECT_NE(plan.find("COVERING INDEX dossiers_queue"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  });
}

}  // namespace
}  // namespace motcua::store
