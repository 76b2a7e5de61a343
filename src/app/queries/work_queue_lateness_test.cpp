// The work queue's lateness filter is a condition of the store's query (issue 17): the limit
// counts only the dossiers of the lateness asked for, and the store's answer is exactly the
// dossiers whose lateness() is the one asked for, also across evenings, weekends and holidays.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "app/common/app_test_database.hpp"
#include "app/dossier/dossier_views.hpp"
#include "app/queries/dossier_queries.hpp"
#include "store/dossier_repository.hpp"
#include "store/store.hpp"
#include "store/test_seed.hpp"

namespace motcua::app {
namespace {

using dossier::Role;

Instant at(int y, int m, int d, int hh, int mm = 0, int ss = 0) {
  return from_local(date_from_ymd(y, m, d), hh * 3600 + mm * 60 + ss, 420);
}

const calendar::WorkingCalendar& test_calendar() {
  static const auto cal = *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
  return cal;
}

constexpr Seconds kWorkingDay = 8 * 3600;  // the default warning threshold (8 working hours)

store::DossierRecord record(const std::string& id, std::optional<Instant> due,
                            const std::string& status = "in_progress") {
  store::DossierRecord r;
  r.id = id;
  r.procedure_code = "1.001193";
  r.procedure_version = 1;
  r.agency_id = "c1";
  r.applicant_name = "Nguyễn Văn An";
  r.applicant_folded = "nguyen van an";
  r.channel = "counter";
  r.status = status;
  if (due) r.due_s = due->seconds;
  r.version = 1;
  r.created_at = "2026-03-01T08:00:00+07:00";
  r.updated_at = r.created_at;
  return r;
}

class WorkQueueLatenessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    database_ = std::make_unique<test_support::AppTestDatabase>("lateness");
    store_ = database_->open();
    store_->write([](store::SqlConnection& db) {
      store::seed_test_agencies(db);
      store::seed_test_birth_procedure(db);
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }

  void insert(const std::vector<store::DossierRecord>& records) {
    store_->write([&](store::SqlConnection& db) {
      for (const auto& r : records) store::insert_dossier(db, r);
    });
  }

  // The ids the queue lists for `lateness` at `now`, checking that each row has that lateness.
  std::vector<std::string> queue_ids(const std::string& lateness, Instant now, int limit = 200) {
    std::vector<std::string> ids;
    store_->read([&](store::SqlConnection& db) {
      QueueQuery q;
      q.lateness = lateness;
      q.limit = limit;
      auto items = work_queue(db, reception_, q, test_calendar(), now);
      ASSERT_TRUE(items);
      for (const auto& item : *items) {
        EXPECT_EQ(item.lateness, lateness) << item.id;
        ids.push_back(item.id);
      }
    });
    return ids;
  }

  // The ids the store selects for `lateness` (no limit to speak of) with `soon`, among `statuses`
  // (every status when empty).
  std::set<std::string> store_ids(const std::string& lateness, Instant now, Seconds soon,
                                  const std::vector<std::string>& statuses) {
    std::set<std::string> ids;
    store_->read([&](store::SqlConnection& db) {
      store::DossierFilter filter;
      filter.agency_ids = {"c1"};
      filter.statuses = statuses;
      filter.limit = 100000;
      if (!restrict_to_lateness(filter, lateness, test_calendar(), now, soon)) return;
      for (const auto& row : store::list_dossier_rows(db, filter)) ids.insert(row.record.id);
    });
    return ids;
  }

  std::unique_ptr<test_support::AppTestDatabase> database_;
  std::unique_ptr<store::Store> store_;
  Actor reception_{"off-r", "Lê Tiếp Nhận", false, {{Role::reception, "c1"}}};
};

const std::vector<std::string> kLatenesses = {"overdue", "due_soon", "on_time", "paused", "closed"};

// 250 overdue dossiers, more than the limit, come first by due time; the few of every other
// lateness are still listed when asked for.
TEST_F(WorkQueueLatenessTest, ManyOverdueDossiersDoNotHideTheOthers) {
  const Instant now = at(2026, 3, 11, 10);  // Wednesday
  std::vector<store::DossierRecord> records;
  for (int i = 0; i < 250; ++i)
    records.push_back(record("late-" + std::to_string(i), Instant{now.seconds - 1 - i * 3600}));
  const std::vector<std::string> soon = {"soon-a", "soon-b", "soon-c"};
  records.push_back(record("soon-a", now));                        // due right now
  records.push_back(record("soon-b", at(2026, 3, 11, 17)));        // this evening
  records.push_back(record("soon-c", at(2026, 3, 12, 10)));        // one working day exactly
  records.push_back(record("time-a", at(2026, 3, 12, 10, 0, 1)));  // one second more
  records.push_back(record("time-b", at(2026, 3, 20, 17)));
  records.push_back(record("time-c", std::nullopt));        // no due time
  records.push_back(record("time-d", at(2101, 1, 2, 10)));  // beyond the calendar
  records.push_back(record("pause-a", at(2026, 3, 1, 10), "awaiting_supplement"));
  records.push_back(record("pause-b", at(2026, 3, 12, 9), "awaiting_payment"));
  records.push_back(record("closed-a", at(2026, 3, 2, 10), "result_ready"));
  insert(records);

  const int limit = 50;
  const auto overdue = queue_ids("overdue", now, limit);
  ASSERT_EQ(overdue.size(), 50u);
  // Ordered by due time: the oldest first.
  EXPECT_EQ(overdue.front(), "late-249");
  EXPECT_EQ(overdue.back(), "late-200");
  EXPECT_EQ(queue_ids("due_soon", now, limit), soon);
  EXPECT_EQ(queue_ids("on_time", now, limit),
            (std::vector<std::string>{"time-a", "time-b", "time-d", "time-c"}));
  EXPECT_EQ(queue_ids("paused", now, limit), (std::vector<std::string>{"pause-a", "pause-b"}));
  // result_ready is among the queue's statuses and is closed for its badge.
  EXPECT_EQ(queue_ids("closed", now, limit), (std::vector<std::string>{"closed-a"}));
  EXPECT_TRUE(queue_ids("sometime", now, limit).empty());
  // Everything together is the unfiltered queue.
  EXPECT_EQ(queue_ids("overdue", now, 1000).size(), 250u);
}

// The edge of due_soon with a threshold of one working day, across an evening, a weekend, the
// lunch break and Tết; each dossier's lateness() and the store's answer agree.
TEST_F(WorkQueueLatenessTest, DueSoonEndsAtTheNextWorkingInstant) {
  struct Case {
    Instant now;
    Instant due;
    std::string expected;
  };
  const std::vector<Case> cases = {
      // Thursday 08:00: the working day ends at 17:00, the evening adds nothing, so a dossier due
      // Friday at opening is due soon, one second later it is not.
      {at(2026, 3, 5, 8), at(2026, 3, 5, 20), "due_soon"},
      {at(2026, 3, 5, 8), at(2026, 3, 6, 8), "due_soon"},
      {at(2026, 3, 5, 8), at(2026, 3, 6, 8, 0, 1), "on_time"},
      // Friday 08:00: the weekend follows; due Monday at opening is due soon.
      {at(2026, 3, 6, 8), at(2026, 3, 7, 12), "due_soon"},
      {at(2026, 3, 6, 8), at(2026, 3, 9, 8), "due_soon"},
      {at(2026, 3, 6, 8), at(2026, 3, 9, 8, 0, 1), "on_time"},
      // Friday 10:00: Monday 10:00 is exactly one working day ahead.
      {at(2026, 3, 6, 10), at(2026, 3, 9, 10), "due_soon"},
      {at(2026, 3, 6, 10), at(2026, 3, 9, 10, 0, 1), "on_time"},
      // Friday evening: Monday's working day, then the evening, up to Tuesday's opening.
      {at(2026, 3, 6, 18), at(2026, 3, 10, 8), "due_soon"},
      {at(2026, 3, 6, 18), at(2026, 3, 10, 8, 0, 1), "on_time"},
      // Reached at the lunch break: up to 13:00.
      {at(2026, 3, 4, 12, 30), at(2026, 3, 5, 13), "due_soon"},
      {at(2026, 3, 4, 12, 30), at(2026, 3, 5, 13, 0, 1), "on_time"},
      // Before Tết (Monday 16 Feb 2026 is off): due on the first working morning after it.
      {at(2026, 2, 13, 8),
       *test_calendar().latest_within_working_time(at(2026, 2, 13, 8), kWorkingDay), "due_soon"},
      {at(2026, 2, 13, 8), at(2026, 2, 16, 9), "due_soon"},
      // Due now is not overdue; a second before is.
      {at(2026, 3, 4, 10), at(2026, 3, 4, 10), "due_soon"},
      {at(2026, 3, 4, 10), at(2026, 3, 4, 9, 59, 59), "overdue"},
      // Beyond the calendar, working time cannot be measured: on time.
      {at(2026, 3, 4, 10), at(2101, 1, 1, 9), "on_time"},
  };
  std::vector<store::DossierRecord> records;
  for (std::size_t i = 0; i < cases.size(); ++i)
    records.push_back(record("case-" + std::to_string(i), cases[i].due));
  insert(records);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& c = cases[i];
    const std::string id = "case-" + std::to_string(i);
    EXPECT_EQ(lateness(records[i], test_calendar(), c.now, kWorkingDay), c.expected) << id;
    for (const auto& word : kLatenesses) {
      const auto ids = queue_ids(word, c.now, 1000);
      const bool listed = std::find(ids.begin(), ids.end(), id) != ids.end();
      EXPECT_EQ(listed, word == c.expected) << id << " " << word;
    }
  }
}

// Many random due times (bunched at the edges of office hours) and nows: for every lateness, the
// store's answer is exactly the dossiers whose lateness() it is.
TEST_F(WorkQueueLatenessTest, TheStoreSelectsExactlyWhatLatenessComputes) {
  const auto& cal = test_calendar();
  std::mt19937_64 rng(17);
  const Date first = date_from_ymd(2026, 1, 1);
  std::uniform_int_distribution<std::int32_t> day(0, 120);
  std::uniform_int_distribution<Seconds> second(0, kSecondsPerDay - 1);
  const std::vector<Seconds> edges = {8 * 3600, 12 * 3600, 13 * 3600, 17 * 3600, 0};
  std::uniform_int_distribution<std::size_t> edge(0, edges.size() - 1);
  std::uniform_int_distribution<int> nudge(-1, 1);
  std::uniform_int_distribution<int> percent(0, 99);
  auto random_instant = [&] {
    const Date d = first + day(rng);
    const Seconds s = percent(rng) < 50 ? edges[edge(rng)] + nudge(rng) : second(rng);
    return from_local(d, s, 420);
  };
  const std::vector<std::string> statuses = {"in_progress", "received",         "submitted",
                                             "in_progress", "awaiting_payment", "result_ready",
                                             "returned",    "in_progress"};
  std::uniform_int_distribution<std::size_t> status(0, statuses.size() - 1);
  std::vector<store::DossierRecord> records;
  for (int i = 0; i < 400; ++i) {
    std::optional<Instant> due = random_instant();
    if (i % 40 == 0) due.reset();
    if (i % 97 == 0) due = at(2101, 6, 1, 9);
    records.push_back(record("r-" + std::to_string(i), due, statuses[status(rng)]));
  }
  insert(records);

  const std::vector<Seconds> soons = {3600, 4 * 3600, kWorkingDay, 3 * kWorkingDay, 200 * 3600};
  const std::vector<std::string> open = {"submitted",        "received",
                                         "in_progress",      "awaiting_supplement",
                                         "awaiting_payment", "withdrawal_requested",
                                         "result_ready"};
  for (int round = 0; round < 150; ++round) {
    const Instant now = random_instant();
    const Seconds soon = soons[static_cast<std::size_t>(round) % soons.size()];
    std::map<std::string, std::set<std::string>> expected;
    for (const auto& r : records) expected[lateness(r, cal, now, soon)].insert(r.id);
    for (const auto& word : kLatenesses) {
      ASSERT_EQ(store_ids(word, now, soon, {}), expected[word])
          << word << " at " << now.seconds << " soon " << soon;
      // Among the queue's own statuses (result_ready is closed, returned not there at all).
      std::set<std::string> among;
      for (const auto& r : records) {
        if (expected[word].count(r.id) &&
            std::find(open.begin(), open.end(), r.status) != open.end())
          among.insert(r.id);
      }
      ASSERT_EQ(store_ids(word, now, soon, open), among) << word << " at " << now.seconds;
    }
  }
  // The queue itself, with the installation's threshold (one working day).
  const Instant now = at(2026, 2, 27, 16, 30);
  for (const auto& word : kLatenesses) {
    std::set<std::string> expected;
    for (const auto& r : records) {
      if (lateness(r, cal, now, kWorkingDay) == word &&
          std::find(open.begin(), open.end(), r.status) != open.end())
        expected.insert(r.id);
    }
    const auto ids = queue_ids(word, now, 1000);
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), expected) << word;
  }
}

}  // namespace
}  // namespace motcua::app
