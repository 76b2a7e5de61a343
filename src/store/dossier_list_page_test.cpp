// A list's page (work queue, own dossiers, approvals) on both engines: whether the store merges one
// index range per (agency, status) or sorts every match (a scope of many agencies), the page holds
// exactly the first `limit` matching dossiers by due time (none last), then creation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/dossier_repository.hpp"
#include "store/dossier_times.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"

namespace motcua::store {
namespace {

struct Seeded {
  std::string id;
  std::string agency;
  std::string status;
  std::string assignee;
  std::optional<std::int64_t> due;
  std::string created;
};

const std::vector<std::string> kStatuses{"received", "in_progress", "awaiting_supplement",
                                         "returned"};

class DossierListPageTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "dossier-list-page");
    store_ = database_->open();
    // 240 dossiers: due times with many ties and a sixth without one, creation times distinct, so
    // the expected order is total.
    std::uint32_t x = 12345;
    const auto next = [&x] { return x = x * 1103515245u + 12345u, (x >> 8) % 1000; };
    for (int i = 0; i < 240; ++i) {
      Seeded d{"d" + std::to_string(1000 + i),
               next() % 2 == 0 ? "c1" : "c2",
               kStatuses[next() % kStatuses.size()],
               next() % 3 == 0 ? "u-a" : "u-b",
               std::nullopt,
               "2026-01-01T08:" + std::to_string(10 + (i * 7) % 50) + ":" +
                   std::to_string(10 + i / 50) + "+07:00"};
      if (next() % 6 != 0) d.due = std::int64_t{1'800'000'000} + (next() % 20) * 3600;
      seeded_.push_back(d);
    }
    store_->write([this](SqlConnection& db) {
      seed_test_agencies(db);
      for (const char* user : {"u-a", "u-b"}) {
        db.execute(
            "INSERT INTO users(id, username, kind, display_name, password_hash, created_at) "
            "VALUES (?, ?, 'official', 'Cán bộ', 'x', 'now')",
            {std::string(user), std::string(user)});
      }
      for (const auto& d : seeded_) {
        db.execute(
            "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, "
            "applicant_name, applicant_folded, channel, status, assignee_id, version, document, "
            "due_s, created_s, updated_text) VALUES (?, '9.000001', 1, ?, 'An', 'an', 'online', ?, "
            "?, 1, '', ?, ?, 'now')",
            {d.id, d.agency, d.status, d.assignee, d.due ? SqlValue(*d.due) : SqlValue(nullptr),
             *iso_time_seconds(d.created)});
      }
    });
  }

  // The ids the filter should give, computed here from what was seeded.
  std::vector<std::string> expected(const DossierFilter& f) const {
    std::vector<const Seeded*> match;
    for (const auto& d : seeded_) {
      const auto in = [](const std::vector<std::string>& set, const std::string& v) {
        return set.empty() || std::find(set.begin(), set.end(), v) != set.end();
      };
      if (!in(f.agency_ids, d.agency) || !in(f.statuses, d.status)) continue;
      if (f.assignee_id && d.assignee != *f.assignee_id) continue;
      if (f.due) {
        const bool in_range = d.due && (!f.due->at_least || *d.due >= *f.due->at_least) &&
                              (!f.due->at_most || *d.due <= *f.due->at_most);
        if (!in_range && !(f.due->or_no_due && !d.due)) continue;
      }
      match.push_back(&d);
    }
    std::sort(match.begin(), match.end(), [](const Seeded* a, const Seeded* b) {
      if (a->due.has_value() != b->due.has_value()) return a->due.has_value();
      if (a->due != b->due) return *a->due < *b->due;
      return a->created < b->created;
    });
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < match.size() && i < static_cast<std::size_t>(f.limit); ++i)
      ids.push_back(match[i]->id);
    return ids;
  }

  std::vector<std::string> listed(const DossierFilter& f) {
    std::vector<std::string> ids;
    std::vector<std::string> plain;
    store_->read([&](SqlConnection& db) {
      for (const auto& row : list_dossier_rows(db, f)) ids.push_back(row.record.id);
      for (const auto& record : list_dossiers(db, f)) plain.push_back(record.id);
    });
    EXPECT_EQ(ids, plain);  // both lists choose the same page
    return ids;
  }

  std::vector<Seeded> seeded_;
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, DossierListPageTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(DossierListPageTest, ThePageIsTheFirstMatchesByDueTimeThenCreation) {
  const std::vector<std::string> open{"received", "in_progress", "awaiting_supplement"};
  for (const int limit : {1, 7, 25, 200}) {
    DossierFilter f;
    f.agency_ids = {"c1", "c2"};
    f.statuses = open;
    f.limit = limit;
    EXPECT_EQ(listed(f), expected(f)) << "limit " << limit;

    f.assignee_id = "u-a";
    EXPECT_EQ(listed(f), expected(f)) << "mine, limit " << limit;
    f.assignee_id.reset();

    for (const bool or_no_due : {false, true}) {
      f.due = DueBounds{std::int64_t{1'800'000'000} + 5 * 3600,
                        std::int64_t{1'800'000'000} + 12 * 3600, or_no_due};
      EXPECT_EQ(listed(f), expected(f)) << "due range, limit " << limit;
      f.due = DueBounds{std::nullopt, std::int64_t{1'800'000'000} + 3 * 3600, or_no_due};
      EXPECT_EQ(listed(f), expected(f)) << "due before, limit " << limit;
    }
  }
}

TEST_P(DossierListPageTest, AWideScopeSortsAndGivesTheSamePage) {
  DossierFilter narrow;
  narrow.agency_ids = {"c1", "c2"};
  narrow.statuses = kStatuses;
  narrow.limit = 30;
  // Eleven agencies x four statuses is past the ranges the store merges: it sorts instead.
  DossierFilter wide = narrow;
  for (int i = 3; i <= 11; ++i) wide.agency_ids.push_back("c" + std::to_string(i));
  const auto page = listed(narrow);
  EXPECT_EQ(page, expected(narrow));
  EXPECT_EQ(listed(wide), page);
  // No status named: every status, sorted.
  DossierFilter any = narrow;
  any.statuses.clear();
  EXPECT_EQ(listed(any), expected(any));
}

}  // namespace
}  // namespace motcua::store
