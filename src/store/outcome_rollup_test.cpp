// The monthly rollup of the statistics read model (migration 0052) against the GROUP BY over the
// outcome rows it replaces, on both engines: after a random history in which dossiers change
// outcome, month, agency and procedure many times over, every scope and grouping gives the same
// figures, and a group every dossier left shows no row.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "store/dossier_repository.hpp"
#include "store/migrations.hpp"
#include "store/statistics_queries.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

const std::vector<std::string> kAgencies{"a1", "a2", "a3"};
const std::vector<std::string> kProcedures{"p1", "p2", "p3"};
const std::vector<std::string> kMonths{"2026-01", "2026-02", "2026-03", "2026-04"};

std::string text(const std::vector<OnTimeCounts>& rows) {
  std::ostringstream out;
  for (const auto& c : rows) {
    out << c.group << ' ' << c.month << ": " << c.received << ' ' << c.early << ' ' << c.on_time
        << ' ' << c.late << ' ' << c.open_within << ' ' << c.open_overdue << ' ' << c.open_paused
        << ' ' << c.online << ' ' << c.late_agency << ' ' << c.late_official << ' '
        << c.late_other_agency << ' ' << c.late_applicant << '\n';
  }
  return out.str();
}

class OutcomeRollup : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "rollup");
    store_ = database_->open();
    store_->write([](SqlConnection& db) {
      for (const auto& id : kAgencies) {
        db.execute(
            "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES (?, ?, ?, 'commune', "
            "'2025-07-01')",
            {id, id, id});
      }
      for (const auto& code : kProcedures) {
        db.execute(
            "INSERT INTO procedures(code, version, name, name_folded, effective_from, "
            "content_hash, document, imported_at) VALUES (?, 1, 'n', 'n', '2025-01-01', 'h', '{}', "
            "'t')",
            {code});
      }
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  void dossier(SqlConnection& db, const std::string& id) {
    DossierRecord d;
    d.id = id;
    d.code = "C-" + id;
    d.procedure_code = "p1";
    d.agency_id = "a1";
    d.applicant_name = d.applicant_folded = "x";
    d.channel = "counter";
    d.status = "received";
    d.received_at = "2026-01-05T08:00:00+07:00";
    d.version = 1;
    d.document = "{}";
    d.created_at = d.updated_at = "t";
    insert_dossier(db, d);
  }
  static OutcomeRow outcome(const std::string& id, const std::string& month,
                            const std::string& agency, const std::string& procedure,
                            const std::string& outcome) {
    OutcomeRow o;
    o.dossier_id = id;
    o.version = 1;
    o.agency_id = agency;
    o.procedure_code = procedure;
    o.channel = "counter";
    o.received_s = 1000;
    o.received_month = month;
    o.outcome = outcome;
    return o;
  }
  // Both readings of every grouping over `scope`, at several instants around the overdue times.
  void expect_same(const OutcomeScope& scope, const std::string& label) {
    store_->read([&](SqlConnection& db) {
      for (const char* group : {"agency", "procedure"}) {
        for (const std::int64_t now : {0, 500, 1000, 5000}) {
          const auto rows = on_time_counts_from_rows(db, scope, group, now);
          EXPECT_EQ(text(on_time_counts(db, scope, group, now)), text(rows))
              << label << " by " << group << " at " << now;
        }
      }
    });
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

TEST_P(OutcomeRollup, RandomHistoryGivesTheRowQueryFigures) {
  constexpr int kDossiers = 60;
  store_->write([&](SqlConnection& db) {
    for (int i = 0; i < kDossiers; ++i) dossier(db, "d" + std::to_string(i));
  });
  std::mt19937 random(17);
  const auto pick = [&](const auto& list) { return list[random() % list.size()]; };
  const std::vector<std::string> outcomes{"early", "on_time", "late", "open", "open"};
  const std::vector<std::string> causes{"", "agency", "official", "other_agency", "applicant"};
  // Forty transactions of ten replacements: each dossier is rewritten about seven times, moving
  // between months, agencies and procedures, opening and finishing.
  for (int batch = 0; batch < 40; ++batch) {
    store_->write([&](SqlConnection& db) {
      for (int k = 0; k < 10; ++k) {
        auto o = outcome("d" + std::to_string(random() % kDossiers), pick(kMonths), pick(kAgencies),
                         pick(kProcedures), pick(outcomes));
        o.version = batch + 2;
        o.channel = random() % 2 == 0 ? "online" : "counter";
        if (o.outcome == "late") o.late_cause = pick(causes);
        if (o.outcome == "open") {
          o.paused = random() % 3 == 0 ? "supplement" : "";
          const auto r = random() % 4;
          if (r != 0) o.overdue_from_s = std::vector<std::int64_t>{0, 1000, 4000}[r - 1];
        }
        replace_outcome(db, o, {}, {});
      }
    });
  }
  OutcomeScope all{kMonths.front(), kMonths.back(), {}, true};
  expect_same(all, "all agencies, all months");
  expect_same(OutcomeScope{"2026-02", "2026-03", {}, true}, "all agencies, two months");
  expect_same(OutcomeScope{"2026-01", "2026-04", {"a1", "a3"}, false}, "two agencies");
  expect_same(OutcomeScope{"2026-03", "2026-03", {"a2"}, false}, "one agency, one month");
  expect_same(OutcomeScope{"2026-01", "2026-04", {}, false}, "no agency");
  // The history really exercised the figures (a guard against a vacuous comparison).
  store_->read([&](SqlConnection& db) {
    const auto rows = on_time_counts(db, all, "agency", 1000);
    std::int64_t received = 0, overdue = 0, late_agency = 0;
    for (const auto& c : rows) {
      received += c.received;
      overdue += c.open_overdue;
      late_agency += c.late_agency;
    }
    EXPECT_EQ(received, kDossiers);
    EXPECT_GT(overdue, 0);
    EXPECT_GT(late_agency, 0);
  });
}

TEST_P(OutcomeRollup, ADossierThatMovesTakesItsCountAlong) {
  store_->write([&](SqlConnection& db) {
    dossier(db, "d1");
    dossier(db, "d2");
    replace_outcome(db, outcome("d1", "2026-01", "a1", "p1", "open"), {}, {});
    replace_outcome(db, outcome("d2", "2026-01", "a1", "p1", "early"), {}, {});
  });
  // A correction of the month of receipt, the agency and the procedure, and the dossier finishes.
  store_->write([&](SqlConnection& db) {
    auto o = outcome("d1", "2026-02", "a2", "p2", "late");
    o.late_cause = "official";
    replace_outcome(db, o, {}, {});
  });
  const OutcomeScope all{kMonths.front(), kMonths.back(), {}, true};
  store_->read([&](SqlConnection& db) {
    EXPECT_EQ(text(on_time_counts(db, all, "agency", 0)),
              "a1 2026-01: 1 1 0 0 0 0 0 0 0 0 0 0\n"
              "a2 2026-02: 1 0 0 1 0 0 0 0 0 1 0 0\n");
  });
  // Its old group empties completely: no row of zeros shows up.
  store_->write([&](SqlConnection& db) {
    replace_outcome(db, outcome("d2", "2026-03", "a3", "p3", "on_time"), {}, {});
  });
  store_->read([&](SqlConnection& db) {
    EXPECT_EQ(text(on_time_counts(db, all, "procedure", 0)),
              "p2 2026-02: 1 0 0 1 0 0 0 0 0 1 0 0\n"
              "p3 2026-03: 1 0 1 0 0 0 0 0 0 0 0 0\n");
  });
  expect_same(all, "after the moves");
}

// A database migrated before 0052 already holds outcome rows: the migration's fill gives the rollup
// the row query's figures (its INSERT ... SELECT, run again here on rows written around it).
TEST_P(OutcomeRollup, TheMigrationFillsTheRollupFromExistingRows) {
  store_->write([&](SqlConnection& db) {
    for (int i = 0; i < 12; ++i) {
      const auto id = "d" + std::to_string(i);
      dossier(db, id);
      auto o = outcome(id, kMonths[i % 3], kAgencies[i % 2], kProcedures[i % 3],
                       std::vector<std::string>{"early", "on_time", "late", "open"}[i % 4]);
      if (o.outcome == "late") o.late_cause = i % 8 == 2 ? "agency" : "applicant";
      if (o.outcome == "open") o.overdue_from_s = i < 6 ? 0 : 4000;
      o.channel = i % 5 == 0 ? "online" : "counter";
      replace_outcome(db, o, {}, {});
    }
    db.execute("DELETE FROM dossier_outcome_months");
    std::string fill;
    for (const auto& m : migration_sources()) {
      if (m.version == 52) fill = migration_text(m.sql, db.dialect());
    }
    const auto at = fill.find("INSERT INTO dossier_outcome_months");
    ASSERT_NE(at, std::string::npos);
    db.execute(fill.substr(at));
  });
  expect_same(OutcomeScope{kMonths.front(), kMonths.back(), {}, true}, "filled");
  store_->read([&](SqlConnection& db) {
    EXPECT_EQ(db.query_one("SELECT SUM(received) FROM dossier_outcome_months")->integer(0), 12);
  });
}

INSTANTIATE_TEST_SUITE_P(Engines, OutcomeRollup, ::testing::ValuesIn(test_engines()), engine_name);

}  // namespace
}  // namespace motcua::store
