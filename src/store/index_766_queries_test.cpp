// The facts the Decision 766 index is scored from, on both engines: each flag of a dossier comes
// from its own table (portal sync outbox rows, fee requests, online payments, papers, results,
// ratings), procedures from the processes of the agencies asked for, feedback by month of receipt,
// and the administrators' inputs are replaced in place.
#include "store/index_766_queries.hpp"

#include <gtest/gtest.h>

#include <map>

#include "store/dossier_repository.hpp"
#include "store/outbox.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

class Index766Queries : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "index766");
    store_ = database_->open();
    store_->write([](SqlConnection& db) {
      for (const char* id : {"a1", "a2"}) {
        db.execute(
            "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES (?, ?, ?, 'commune', "
            "'2025-07-01')",
            {std::string(id), std::string(id), std::string(id)});
      }
      db.execute(
          "INSERT INTO users(id, username, kind, display_name, password_hash, created_at) VALUES "
          "('citizen', 'citizen', 'applicant', 'C', 'x', 't')");
      db.execute(
          "INSERT INTO procedures(code, version, name, name_folded, effective_from, content_hash, "
          "document, imported_at) VALUES ('p-online', 1, 'n', 'n', '2025-01-01', 'h', "
          "'{\"channels\":[{\"channel\":\"online\"}]}', 't'), ('p-counter', 1, 'n', 'n', "
          "'2025-01-01', 'h', '{\"channels\":[{\"channel\":\"counter\"}]}', 't')");
      db.execute(
          "INSERT INTO processes(id, version, procedure_code, agency_id, document, updated_by, "
          "updated_at) VALUES ('pr1', 1, 'p-online', 'a1', '{}', 'x', 't'), ('pr2', 1, "
          "'p-counter', 'a1', '{}', 'x', 't'), ('pr3', 1, 'p-counter', 'a2', '{}', 'x', 't')");
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  void dossier(const std::string& id, const std::string& agency, const std::string& channel,
               const std::string& outcome, std::optional<std::int64_t> overdue_from) {
    store_->write([&](SqlConnection& db) {
      DossierRecord d;
      d.id = id;
      d.code = "C-" + id;
      d.procedure_code = "p-online";
      d.agency_id = agency;
      d.applicant_name = d.applicant_folded = "x";
      d.channel = channel;
      d.status = "received";
      d.received_at = "2026-03-02T08:00:00+07:00";
      d.version = 1;
      d.document = "{}";
      d.created_at = d.updated_at = "t";
      insert_dossier(db, d);
      OutcomeRow o;
      o.dossier_id = id;
      o.version = 1;
      o.agency_id = agency;
      o.procedure_code = "p-online";
      o.channel = channel;
      o.received_s = 1000;
      o.received_month = "2026-03";
      o.outcome = outcome;
      o.overdue_from_s = overdue_from;
      replace_outcome(db, o, {}, {});
    });
  }
  void event(const std::string& dossier_id, const std::string& type, std::int64_t seq) {
    store_->write([&](SqlConnection& db) {
      // Written as rows, not through append_event (no chain needed): the type as its
      // event_terms id (migration 0062), the other terms the same id, the dossier as its key
      // (0063).
      db.execute("INSERT INTO event_terms(term) VALUES (?) ON CONFLICT (term) DO NOTHING", {type});
      const auto term =
          db.query_one("SELECT id FROM event_terms WHERE term = ?", {type})->integer(0);
      db.execute(
          "INSERT INTO dossier_events(seq, dossier_key, type_id, actor_id, role_id, at, "
          "from_status_id, to_status_id, payload, hash) VALUES (?, (SELECT d.key FROM dossiers d "
          "WHERE d.id = ?), ?, 'x', ?, 't', ?, ?, '{}', '')",
          {seq, dossier_id, term, term, term, term});
    });
  }
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, Index766Queries, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(Index766Queries, EachFlagComesFromItsOwnRecord) {
  dossier("d1", "a1", "online", "on_time", std::nullopt);
  dossier("d2", "a1", "counter", "late", std::nullopt);
  dossier("d3", "a1", "online", "open", 500);   // overdue since 500 (the query is at 2000)
  dossier("d4", "a1", "online", "open", 5000);  // still within time
  dossier("d5", "a2", "online", "early", std::nullopt);
  store_->write([](SqlConnection& db) {
    enqueue_outbox(db, "national_portal.sync", "d1:1", "{}", "t", 1, "d1");
    enqueue_outbox(db, "national_portal.sync", "d2:1", "{}", "t", 1, "d2");
    enqueue_outbox(db, "national_portal.sync", "d2:2", "{}", "t", 1, "d2");
    db.execute("UPDATE outbox SET state = 'delivered' WHERE order_key IN ('d1', 'd2')");
    db.execute("UPDATE outbox SET state = 'dead' WHERE idempotency_key = 'd2:2'");
    db.execute(
        "INSERT INTO payments(id, dossier_id, fee_seq, method, txn_ref, amount_vnd, state, "
        "created_by, created_at, expires_at, updated_at) VALUES ('pay1', 'd1', 1, 'vnpay', 'r1', "
        "1000, 'paid', 'x', 't', 't', 't'), ('pay2', 'd2', 2, 'cash', 'r2', 1000, 'paid', 'x', "
        "'t', 't', 't')");
    db.execute(
        "INSERT INTO papers(id, dossier_id, paper_name, file_name, content_type, size, sha256, "
        "uploaded_by, uploaded_at) VALUES ('pa1', 'd3', 'n', 'f.pdf', 'application/pdf', 1, 'h', "
        "'x', 't')");
    db.execute(
        "INSERT INTO dossier_ratings(dossier_id, applicant_id, agency_id, procedure_code, overall, "
        "contacts, bodies, attitude, points_contacts, points_bodies, points_attitude, rated_at) "
        "VALUES ('d1', 'citizen', 'a1', 'p-online', 2, 0, 1, 'courteous', 2, 2, 2, 't'), ('d2', "
        "'citizen', 'a1', 'p-online', 5, 0, 1, 'courteous', 2, 2, 2, 't')");
  });
  event("d1", "payment_requested", 1);
  event("d2", "payment_requested", 2);
  event("d1", "dossier_approved", 3);

  OutcomeScope scope{"2026-03", "2026-03", {"a1"}, false};
  std::map<std::string, Index766DossierRow> rows;
  store_->read([&](SqlConnection& db) {
    for (auto& r : index_766_dossiers(db, scope, 2000)) rows[r.id] = r;
  });
  ASSERT_EQ(rows.size(), 4u);  // d5 is a2's
  const auto& d1 = rows["d1"];
  EXPECT_EQ(d1.code, "C-d1");
  EXPECT_TRUE(d1.online && d1.counted_on_time && !d1.late_or_overdue && d1.synced &&
              d1.fee_bearing && d1.paid_online && !d1.digitised && d1.has_result &&
              d1.rated_unsatisfied);
  const auto& d2 = rows["d2"];  // a dead sync row: not synced; paid at the counter
  EXPECT_TRUE(!d2.online && !d2.counted_on_time && d2.late_or_overdue && !d2.synced &&
              d2.fee_bearing && !d2.paid_online && !d2.has_result && !d2.rated_unsatisfied);
  EXPECT_TRUE(rows["d3"].late_or_overdue && !rows["d3"].counted_on_time && rows["d3"].digitised);
  EXPECT_TRUE(rows["d4"].counted_on_time && !rows["d4"].late_or_overdue);

  std::vector<Index766ProcedureRow> procedures;
  store_->read([&](SqlConnection& db) { procedures = index_766_procedures(db, scope); });
  ASSERT_EQ(procedures.size(), 2u);
  EXPECT_EQ(procedures[0].code, "p-counter");
  EXPECT_FALSE(procedures[0].offered_online);
  EXPECT_EQ(procedures[1].code, "p-online");
  EXPECT_TRUE(procedures[1].offered_online);
}

TEST_P(Index766Queries, FeedbackByMonthAndInputsReplacedInPlace) {
  store_->write([](SqlConnection& db) {
    db.execute(
        "INSERT INTO feedback(id, code, name, contact, procedure_code, agency_id, content, status, "
        "received_at, answer_due, answered_at) VALUES ('f1', 'c1', 'n', 'c', 'p', 'a1', 'x', "
        "'answered', '2026-03-02T09:00:00+07:00', '2026-03-16T17:00:00+07:00', "
        "'2026-03-10T10:00:00+07:00'), ('f2', 'c2', 'n', 'c', 'p', 'a1', 'x', 'received', "
        "'2026-04-01T09:00:00+07:00', '2026-04-15T17:00:00+07:00', NULL), ('f3', 'c3', 'n', 'c', "
        "'p', 'a2', 'x', 'received', '2026-03-05T09:00:00+07:00', '2026-03-19T17:00:00+07:00', "
        "NULL)");
    put_index_766_input(db, {"p-online", "electronic_result", "no", "s1", "admin", "t1"});
    put_index_766_input(db, {"p-online", "electronic_result", "yes", "s2", "admin", "t2"});
  });
  store_->read([](SqlConnection& db) {
    const auto feedback = index_766_feedback(db, {"2026-03", "2026-03", {"a1"}, false});
    ASSERT_EQ(feedback.size(), 1u);
    EXPECT_EQ(feedback[0].id, "f1");
    EXPECT_EQ(feedback[0].answered_at, "2026-03-10T10:00:00+07:00");
    const auto inputs = index_766_inputs(db);
    ASSERT_EQ(inputs.size(), 1u);
    EXPECT_EQ(inputs[0].value, "yes");
    EXPECT_EQ(inputs[0].source, "s2");
  });
  store_->write([](SqlConnection& db) {
    EXPECT_TRUE(delete_index_766_input(db, "p-online", "electronic_result"));
    EXPECT_FALSE(delete_index_766_input(db, "p-online", "electronic_result"));
  });
}

}  // namespace
}  // namespace motcua::store
