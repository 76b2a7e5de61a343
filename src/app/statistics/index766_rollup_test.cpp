// The Decision 766 index from the monthly rollup (migration 0054) against the same index from one
// row per dossier, on the engine of the run (SQLite; PostgreSQL under scripts/test-postgres): after
// a random history in which dossiers change outcome, month, agency and procedure, and the facts
// behind the index (portal sync rows, payments, papers, reused papers, ratings, fee and result
// events) come, change and go, each followed by the statistics refresh of the dossiers they marked
// stale, every scope gives the same answer, field for field.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <sstream>

#include "app/dossier/paper_process_test_support.hpp"
#include "app/statistics/statistics.hpp"
#include "store/dossier_repository.hpp"
#include "store/index_766_queries.hpp"
#include "store/migrations.hpp"
#include "store/outbox.hpp"
#include "store/paper_repository.hpp"
#include "store/stale_outcomes.hpp"
#include "store/statistics_queries.hpp"

namespace motcua::app {
namespace {

using test_support::local_time;
using test_support::test_calendar;

// Events written as rows (no chain needed), their type as an event_terms id (migration 0062): the
// two terms first. role and the statuses take the same id (never read back here).
constexpr const char* kInsertEventTerms =
    "INSERT INTO event_terms(term) VALUES ('payment_requested'), ('dossier_approved') "
    "ON CONFLICT (term) DO NOTHING";

const std::vector<std::string> kAgencies{"c1", "c2"};
const std::vector<std::string> kProcedures{"p-a", "p-b", "p-c", "1.001193"};
const std::vector<std::string> kMonths{"2026-01", "2026-02", "2026-03", "2026-04"};

std::int64_t month_start(int month) { return local_time(2026, month, 1, 8).seconds; }

// Every field of the answer, doubles to the last bit.
std::string text(const AppResult<Index766>& r) {
  if (!r) return "error " + r.error().code;
  std::ostringstream out;
  out.precision(17);
  out << r->from << ' ' << r->to << ' ' << r->agency_id.value_or("-") << ' ' << r->as_of << ' '
      << r->total << '\n';
  for (const auto& g : r->groups) {
    out << g.key << ' ' << g.points << '/' << g.max_points << " missing:";
    for (const auto& m : g.missing_inputs) out << ' ' << m;
    out << '\n';
    for (const auto& i : g.indices) {
      out << "  " << i.key << ' ';
      if (i.value) {
        out << *i.value;
      } else {
        out << '-';
      }
      out << ' ' << i.points << '/' << i.max_points << ' ' << i.numerator << '/' << i.denominator
          << ' ' << i.drill_down_url << '\n';
    }
  }
  return out.str();
}

class Index766Rollup : public test_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_->write([](store::SqlConnection& db) {
      for (const auto& [code, channels] : std::vector<std::pair<std::string, std::string>>{
               {"p-a", "online"}, {"p-b", "counter"}, {"p-c", "online"}}) {
        db.execute(
            "INSERT INTO procedures(code, version, name, name_folded, effective_from, "
            "content_hash, document, imported_at) VALUES (?, 1, 'n', 'n', '2025-01-01', 'h', ?, "
            "'t')",
            {code, "{\"channels\":[{\"channel\":\"" + channels + "\"}]}"});
      }
      int n = 0;
      for (const auto& agency : kAgencies) {
        for (const auto& code : kProcedures) {
          db.execute(
              "INSERT INTO processes(id, version, procedure_code, agency_id, document, "
              "updated_by, updated_at) VALUES (?, 1, ?, ?, '{}', 'x', 't')",
              {"pr" + std::to_string(n++), code, agency});
        }
      }
      store::put_index_766_input(db, {"p-a", "electronic_result", "yes", "s", "admin", "t"});
      store::put_index_766_input(db, {"p-b", "electronic_result", "no", "s", "admin", "t"});
      db.execute(
          "INSERT INTO feedback(id, code, name, contact, procedure_code, agency_id, content, "
          "status, received_at, answer_due, answered_at) VALUES ('f1', 'k1', 'n', 'c', 'p-a', "
          "'c1', 'x', 'answered', '2026-02-02T09:00:00+07:00', '2026-02-20T17:00:00+07:00', "
          "'2026-02-10T10:00:00+07:00'), ('f2', 'k2', 'n', 'c', 'p-b', 'c2', 'x', 'received', "
          "'2026-03-05T09:00:00+07:00', '2026-03-25T17:00:00+07:00', NULL)");
    });
  }

  void dossier(store::SqlConnection& db, const std::string& id) {
    store::DossierRecord d;
    d.id = id;
    d.code = "C-" + id;
    d.procedure_code = "p-a";
    d.agency_id = "c1";
    d.applicant_name = d.applicant_folded = "x";
    d.channel = "counter";
    d.status = "received";
    d.received_at = "2026-01-05T08:00:00+07:00";
    d.version = 1;
    d.document = "{}";
    d.created_at = d.updated_at = "t";
    store::insert_dossier(db, d);
  }

  // What the statistics refresh does for every dossier marked stale: rebuild its outcome row (here
  // the one the history last gave it) in the transaction that clears the mark.
  void refresh() {
    store_->write([&](store::SqlConnection& db) {
      for (const auto& id : store::stale_outcome_ids(db)) {
        if (!store::take_stale_outcome(db, id)) continue;
        const auto it = outcomes_.find(id);
        if (it != outcomes_.end()) store::replace_outcome(db, it->second, {}, {});
      }
    });
  }

  // One online dossier "d1" of c1, received in February 2026 and finished on time, refreshed.
  void online_dossier_on_time_in_february() {
    store::OutcomeRow o;
    o.dossier_id = "d1";
    o.version = 1;
    o.agency_id = "c1";
    o.procedure_code = "p-a";
    o.channel = "online";
    o.received_s = month_start(2);
    o.received_month = "2026-02";
    o.outcome = "on_time";
    outcomes_["d1"] = o;
    store_->write([&](store::SqlConnection& db) {
      dossier(db, "d1");
      store::replace_outcome(db, o, {}, {});
    });
    refresh();
  }

  void expect_same(const std::string& label) {
    for (const std::string agency : {"", "p1", "c1", "c2"}) {
      for (const std::string procedure : {"", "p-a", "1.001193"}) {
        for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {"2026-01", "2026-04"}, {"2026-02", "2026-03"}, {"2026-04", "2026-04"}}) {
          for (const auto now :
               {local_time(2026, 2, 1, 9), local_time(2026, 3, 15, 9), local_time(2026, 6, 1, 9)}) {
            StatisticsQuery q{"agency", from, to, agency, procedure};
            store_->read([&](store::SqlConnection& db) {
              EXPECT_EQ(text(index_766(db, test_calendar(), q, now)),
                        text(index_766_from_rows(db, test_calendar(), q, now)))
                  << label << ": agency '" << agency << "', procedure '" << procedure << "', "
                  << from << ".." << to << " at " << now.seconds;
            });
          }
        }
      }
    }
  }

  std::map<std::string, store::OutcomeRow> outcomes_;
};

TEST_F(Index766Rollup, RandomHistoryGivesTheRowAnswer) {
  constexpr int kDossiers = 50;
  std::mt19937 random(766);
  const auto pick = [&](const auto& list) { return list[random() % list.size()]; };
  const auto any_dossier = [&] { return "d" + std::to_string(random() % kDossiers); };
  store_->write([&](store::SqlConnection& db) {
    for (int i = 0; i < kDossiers; ++i) dossier(db, "d" + std::to_string(i));
  });
  const std::vector<std::string> outcomes{"early", "on_time", "late", "open", "open"};
  const std::vector<std::optional<std::int64_t>> overdue{std::nullopt, 0, month_start(3),
                                                         month_start(5)};
  int serial = 0;
  std::vector<std::string> sync_keys, payment_ids, paper_ids;
  for (int batch = 0; batch < 30; ++batch) {
    store_->write([&](store::SqlConnection& db) {
      for (int k = 0; k < 12; ++k) {
        const auto id = any_dossier();
        const auto s = std::to_string(++serial);
        switch (random() % 7) {
          case 0:
          case 1: {  // a new outcome: the refresh below writes it, as after a version bump
            const int month = 1 + static_cast<int>(random() % kMonths.size());
            store::OutcomeRow o;
            o.dossier_id = id;
            o.version = batch + 2;
            o.agency_id = pick(kAgencies);
            o.procedure_code = pick(kProcedures);
            o.channel = random() % 2 == 0 ? "online" : "counter";
            // Whole days apart, so that first dossiers often tie on received_s.
            o.received_s = month_start(month) + static_cast<std::int64_t>(random() % 4) * 86400;
            o.received_month = kMonths[static_cast<std::size_t>(month - 1)];
            o.outcome = pick(outcomes);
            if (o.outcome == "open") o.overdue_from_s = pick(overdue);
            if (o.outcome == "late") o.late_cause = "agency";
            outcomes_[id] = o;
            db.execute(
                "INSERT INTO dossier_outcomes_dirty(dossier_id) VALUES (?) "
                "ON CONFLICT(dossier_id) DO NOTHING",
                {id});
            break;
          }
          case 2: {  // the National Portal sync: a row, delivered, dead, pending again, pruned
            const auto r = random() % 7;
            if (r <= 1 || sync_keys.empty()) {
              sync_keys.push_back(id + ":" + s);
              store::enqueue_outbox(db, "national_portal.sync", sync_keys.back(), "{}", "t", 1, id);
            } else if (r == 6) {
              db.execute("DELETE FROM outbox WHERE idempotency_key = ?", {pick(sync_keys)});
            } else {
              const std::string state = r <= 3 ? "delivered" : r == 4 ? "dead" : "pending";
              db.execute("UPDATE outbox SET state = ? WHERE idempotency_key = ?",
                         {state, pick(sync_keys)});
            }
            break;
          }
          case 3: {  // a payment at the counter or online, settled or failed
            if (random() % 2 == 0 || payment_ids.empty()) {
              payment_ids.push_back("pay" + s);
              db.execute(
                  "INSERT INTO payments(id, dossier_id, fee_seq, method, txn_ref, amount_vnd, "
                  "state, created_by, created_at, expires_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                  "1000, ?, 'x', 't', 't', 't')",
                  {payment_ids.back(), id, std::int64_t{serial},
                   std::string(random() % 3 == 0 ? "cash" : "vnpay"), "r" + s,
                   std::string(random() % 2 == 0 ? "paid" : "failed")});
            } else {
              db.execute("UPDATE payments SET state = ? WHERE id = ?",
                         {std::string(random() % 2 == 0 ? "paid" : "refunded"), pick(payment_ids)});
            }
            break;
          }
          case 4: {  // a paper uploaded or taken from the paper store, unlinked, removed
            const auto r = random() % 4;
            if (r <= 1 || paper_ids.empty()) {
              paper_ids.push_back("pa" + s);
              store::insert_paper(db, {paper_ids.back(), id, "n", "f.pdf", "application/pdf", 1,
                                       "h", "x", "t", "", r == 1 ? "sp" + s : ""});
            } else if (r == 2) {
              db.execute("UPDATE papers SET reused_from = ? WHERE id = ?",
                         {std::string(random() % 2 == 0 ? "" : "sp"), pick(paper_ids)});
            } else {
              db.execute("DELETE FROM papers WHERE id = ?", {pick(paper_ids)});
            }
            break;
          }
          case 5: {  // a rating, changed or withdrawn
            const auto r = random() % 3;
            if (r == 0) {
              db.execute("DELETE FROM dossier_ratings WHERE dossier_id = ?", {id});
            } else {
              db.execute("DELETE FROM dossier_ratings WHERE dossier_id = ?", {id});
              db.execute(
                  "INSERT INTO dossier_ratings(dossier_id, applicant_id, agency_id, "
                  "procedure_code, overall, contacts, bodies, attitude, points_contacts, "
                  "points_bodies, points_attitude, rated_at) VALUES (?, 'citizen-1', 'c1', 'p-a', "
                  "?, 0, 1, 'courteous', 2, 2, 2, 't')",
                  {id, static_cast<std::int64_t>(1 + random() % 5)});
            }
            break;
          }
          default:  // a fee requested, a result approved
            db.execute(std::string(kInsertEventTerms));
            db.execute(
                "INSERT INTO dossier_events(seq, dossier_key, type_id, actor_id, role_id, at, "
                "from_status_id, to_status_id, payload, hash) SELECT ?, (SELECT d.key FROM "
                "dossiers d "
                "WHERE d.id = ?), id, 'x', id, 't', id, id, '{}', '' FROM event_terms WHERE term "
                "= ?",
                {std::int64_t{serial}, id,
                 std::string(random() % 2 == 0 ? "payment_requested" : "dossier_approved")});
        }
      }
    });
    refresh();
    // A fact that failed to mark its dossier shows at once, before another change of the same
    // dossier hides it: the whole province after every batch, every scope after every tenth.
    if (batch % 10 == 9) {
      expect_same("after batch " + std::to_string(batch));
    } else {
      const auto now = local_time(2026, 3, 15, 9);
      const StatisticsQuery q{"agency", "2026-01", "2026-04", "", ""};
      store_->read([&](store::SqlConnection& db) {
        EXPECT_EQ(text(index_766(db, test_calendar(), q, now)),
                  text(index_766_from_rows(db, test_calendar(), q, now)))
            << "after batch " << batch;
      });
    }
  }
  // The history really exercised every counter (a guard against a vacuous comparison).
  store_->read([&](store::SqlConnection& db) {
    const auto c = store::index_766_counts(db, {"2026-01", "2026-04", {}, true}, "",
                                           local_time(2026, 3, 15, 9).seconds);
    EXPECT_GT(c.synced, 0);
    EXPECT_GT(c.fee_paid_online, 0);
    EXPECT_GT(c.digitised_reused, 0);
    EXPECT_GT(c.open_overdue, 0);
    EXPECT_GT(c.open_within_satisfied, 0);
    EXPECT_GT(c.satisfied_finished, 0);
    EXPECT_GE(c.results.size(), 3u);
  });
}

// Each fact behind a flag, alone, followed by the refresh: the dossier must have been marked stale
// by the fact itself (no version bump here), or the rollup keeps the old flag.
TEST_F(Index766Rollup, EachFactMarksItsDossierStale) {
  online_dossier_on_time_in_february();
  const std::vector<std::pair<std::string, std::vector<std::string>>> facts{
      {"sync row",
       {"INSERT INTO outbox(topic, idempotency_key, payload, created_at, available_s, "
        "order_key, updated_at, created_s, updated_s) VALUES ('national_portal.sync', "
        "'k1', '{}', 't', 1, 'd1', 't', 1, 1)"}},
      {"sync delivered", {"UPDATE outbox SET state = 'delivered' WHERE idempotency_key = 'k1'"}},
      {"sync pruned", {"DELETE FROM outbox WHERE idempotency_key = 'k1'"}},
      {"sync delivered at once",
       {"INSERT INTO outbox(topic, idempotency_key, payload, created_at, available_s, order_key, "
        "updated_at, created_s, updated_s, state) VALUES ('national_portal.sync', 'k2', '{}', 't', "
        "1, 'd1', 't', 1, 1, 'delivered')"}},
      {"fee requested",
       {kInsertEventTerms,
        "INSERT INTO dossier_events(seq, dossier_key, type_id, actor_id, role_id, at, "
        "from_status_id, to_status_id, payload, hash) SELECT 1, (SELECT d.key FROM dossiers d "
        "WHERE d.id = 'd1'), id, 'x', id, 't', id, id, '{}', '' FROM event_terms WHERE term = "
        "'payment_requested'"}},
      {"payment pending",
       {"INSERT INTO payments(id, dossier_id, fee_seq, method, txn_ref, amount_vnd, state, "
        "created_by, created_at, expires_at, updated_at) VALUES ('pay1', 'd1', 1, 'vnpay', 'r1', "
        "1000, 'pending', 'x', 't', 't', 't')"}},
      {"payment paid", {"UPDATE payments SET state = 'paid' WHERE id = 'pay1'"}},
      {"payment refunded", {"UPDATE payments SET state = 'refunded' WHERE id = 'pay1'"}},
      {"paper uploaded",
       {"INSERT INTO papers(id, dossier_id, paper_name, file_name, content_type, size, sha256, "
        "uploaded_by, uploaded_at) VALUES ('pa1', 'd1', 'n', 'f.pdf', 'application/pdf', 1, 'h', "
        "'x', 't')"}},
      {"paper reused", {"UPDATE papers SET reused_from = 'sp1' WHERE id = 'pa1'"}},
      {"paper removed", {"DELETE FROM papers WHERE id = 'pa1'"}},
      {"rated 2",
       {"INSERT INTO dossier_ratings(dossier_id, applicant_id, agency_id, procedure_code, overall, "
        "contacts, bodies, attitude, points_contacts, points_bodies, points_attitude, rated_at) "
        "VALUES ('d1', 'citizen-1', 'c1', 'p-a', 2, 0, 1, 'courteous', 2, 2, 2, 't')"}},
      {"rating changed to 5", {"UPDATE dossier_ratings SET overall = 5 WHERE dossier_id = 'd1'"}},
      {"rating changed to 1", {"UPDATE dossier_ratings SET overall = 1 WHERE dossier_id = 'd1'"}},
      {"rating removed", {"DELETE FROM dossier_ratings WHERE dossier_id = 'd1'"}},
      {"result approved",
       {kInsertEventTerms,
        "INSERT INTO dossier_events(seq, dossier_key, type_id, actor_id, role_id, at, "
        "from_status_id, to_status_id, payload, hash) SELECT 2, (SELECT d.key FROM dossiers d "
        "WHERE d.id = 'd1'), id, 'x', id, 't', id, id, '{}', '' FROM event_terms WHERE term = "
        "'dossier_approved'"}},
      {"sync dead", {"UPDATE outbox SET state = 'dead' WHERE idempotency_key = 'k2'"}},
  };
  const StatisticsQuery q{"agency", "2026-01", "2026-04", "", ""};
  const auto now = local_time(2026, 3, 15, 9);
  for (const auto& [label, statements] : facts) {
    std::string before;
    store_->read([&](store::SqlConnection& db) {
      before = text(index_766_from_rows(db, test_calendar(), q, now));
    });
    store_->write([&](store::SqlConnection& db) {
      for (const auto& sql : statements) db.execute(sql);
    });
    refresh();
    store_->read([&](store::SqlConnection& db) {
      const auto rows = text(index_766_from_rows(db, test_calendar(), q, now));
      EXPECT_EQ(text(index_766(db, test_calendar(), q, now)), rows) << label;
      // Each step changes the answer except the ones that change no flag (a pending payment, a
      // sync row not yet delivered): the comparison is not vacuous.
      if (label != "payment pending" && label != "sync row") {
        EXPECT_NE(rows, before) << label;
      }
    });
  }
}

// A sync delivered stays a sync delivered after the outbox prunes its row (a week later in
// production): before migration 0057 the deletion marked the dossier stale and the refresh found
// no row, so every dossier fell out of the index a week after it was sent.
TEST_F(Index766Rollup, ADeliveredSyncOutlivesThePruningOfItsRow) {
  online_dossier_on_time_in_february();
  const StatisticsQuery q{"agency", "2026-01", "2026-04", "", ""};
  const auto now = local_time(2026, 3, 15, 9);
  const auto answer = [&] {
    std::string rollup, rows;
    store_->read([&](store::SqlConnection& db) {
      rollup = text(index_766(db, test_calendar(), q, now));
      rows = text(index_766_from_rows(db, test_calendar(), q, now));
    });
    EXPECT_EQ(rollup, rows);
    return rollup;
  };
  const auto never_synced = answer();
  store_->write([&](store::SqlConnection& db) {
    store::enqueue_outbox(db, "national_portal.sync", "d1:1", "{}", "t", 1, "d1");
    db.execute(
        "UPDATE outbox SET state = 'delivered', updated_s = 10 WHERE idempotency_key = 'd1:1'");
  });
  refresh();
  const auto synced = answer();
  EXPECT_NE(synced, never_synced);
  std::int64_t pruned = 0;
  store_->write([&](store::SqlConnection& db) { pruned = store::prune_outbox(db, 1000); });
  EXPECT_EQ(pruned, 1);
  refresh();
  EXPECT_EQ(answer(), synced);
  // A later sync that died still counts against it, as it did before the prune.
  store_->write([&](store::SqlConnection& db) {
    store::enqueue_outbox(db, "national_portal.sync", "d1:2", "{}", "t", 1, "d1");
    db.execute("UPDATE outbox SET state = 'dead' WHERE idempotency_key = 'd1:2'");
  });
  refresh();
  EXPECT_EQ(answer(), never_synced);
}

// A database migrated before 0054 holds outcome rows without their facts: the migration's fill
// gives the rollup the row answer (its UPDATE and INSERT ... SELECT, run again here).
TEST_F(Index766Rollup, TheMigrationFillsTheFactsAndCounters) {
  store_->write([&](store::SqlConnection& db) {
    for (int i = 0; i < 12; ++i) {
      const auto id = "d" + std::to_string(i);
      dossier(db, id);
      store::enqueue_outbox(db, "national_portal.sync", id + ":1", "{}", "t", 1, id);
      if (i % 3 != 0) {
        db.execute("UPDATE outbox SET state = 'delivered' WHERE idempotency_key = ?", {id + ":1"});
      }
      if (i % 2 == 0) {
        store::insert_paper(db, {"pa" + id, id, "n", "f.pdf", "application/pdf", 1, "h", "x", "t",
                                 "", i % 4 == 0 ? "sp" : ""});
      }
      db.execute(std::string(kInsertEventTerms));
      db.execute(
          "INSERT INTO dossier_events(seq, dossier_key, type_id, actor_id, role_id, at, "
          "from_status_id, to_status_id, payload, hash) SELECT ?, (SELECT d.key FROM dossiers d "
          "WHERE d.id = ?), id, 'x', id, 't', id, id, '{}', '' FROM event_terms WHERE term = "
          "'dossier_approved'",
          {std::int64_t{i + 1}, id});
      store::OutcomeRow o;
      o.dossier_id = id;
      o.version = 1;
      o.agency_id = kAgencies[static_cast<std::size_t>(i % 2)];
      o.procedure_code = kProcedures[static_cast<std::size_t>(i % 4)];
      o.channel = i % 5 == 0 ? "online" : "counter";
      o.received_s = month_start(1 + i % 3) + i;
      o.received_month = kMonths[static_cast<std::size_t>(i % 3)];
      o.outcome = std::vector<std::string>{"early", "on_time", "late", "open"}[i % 4];
      if (o.outcome == "open") o.overdue_from_s = i < 6 ? 0 : month_start(5);
      store::replace_outcome(db, o, {}, {});
    }
    // As before 0054: no facts in the rows, no counters in the rollup.
    db.execute(
        "UPDATE dossier_outcomes SET synced = 0, fee_bearing = 0, paid_online = 0, digitised = 0, "
        "has_result = 0, rated_unsatisfied = 0, reused = 0");
    db.execute("DELETE FROM dossier_outcome_months");
    std::string fill;
    for (const auto& m : store::migration_sources()) {
      if (m.version == 54) fill = store::migration_text(m.sql, db.dialect());
    }
    const auto begin = fill.find("UPDATE dossier_outcomes SET");
    const auto end = fill.find("-- Facts that do not change");
    ASSERT_NE(begin, std::string::npos);
    ASSERT_NE(end, std::string::npos);
    fill = fill.substr(begin, fill.rfind(";", end) + 1 - begin);
    // Migration 0062 made the event's type an id into event_terms: the fill written for the text
    // column reads it through the vocabulary.
    for (const std::string term : {"payment_requested", "dossier_approved"}) {
      const std::string text = "e.type = '" + term + "'";
      const auto at = fill.find(text);
      ASSERT_NE(at, std::string::npos) << term;
      fill.replace(at, text.size(),
                   "e.type_id = (SELECT t.id FROM event_terms t WHERE t.term = '" + term + "')");
    }
    // Migration 0063 made the event's dossier its integer key, and migration 0066 the outcome
    // row's: events are found by that key, the other tables by the id looked up from it.
    const auto replace_all = [&fill](const std::string& from, const std::string& to) {
      for (std::size_t found = 0; (found = fill.find(from, found)) != std::string::npos;) {
        fill.replace(found, from.size(), to);
        found += to.size();
      }
    };
    replace_all("e.dossier_id = dossier_outcomes.dossier_id",
                "e.dossier_key = dossier_outcomes.dossier_key");
    replace_all("dossier_outcomes.dossier_id",
                "(SELECT k.id FROM dossiers k WHERE k.key = dossier_outcomes.dossier_key)");
    for (std::size_t at = 0; at < fill.size();) {
      const auto stop = fill.find(";\n", at);
      const auto statement =
          fill.substr(at, stop == std::string::npos ? std::string::npos : stop - at);
      if (statement.find_first_not_of(" \n") != std::string::npos) db.execute(statement);
      if (stop == std::string::npos) break;
      at = stop + 2;
    }
  });
  refresh();  // the facts written above marked the dossiers; nothing changes now
  for (const auto now : {local_time(2026, 2, 1, 9), local_time(2026, 6, 1, 9)}) {
    const StatisticsQuery q{"agency", "2026-01", "2026-04", "", ""};
    store_->read([&](store::SqlConnection& db) {
      EXPECT_EQ(text(index_766(db, test_calendar(), q, now)),
                text(index_766_from_rows(db, test_calendar(), q, now)));
      EXPECT_EQ(db.query_one("SELECT SUM(has_result) FROM dossier_outcome_months")->integer(0), 12);
    });
  }
}

}  // namespace
}  // namespace motcua::app
