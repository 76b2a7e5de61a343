// The facts of the nine-index evaluation, on both engines: intake through the one-stop unit, the
// catalogue and its announcing decision, the rating's points, closed steps only, feedback per
// agency and procedure, and the procedures of each agency with their online offer.
#include "store/evaluation_queries.hpp"

#include <gtest/gtest.h>

#include <map>

#include "store/dossier_repository.hpp"
#include "store/rating_repository.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

class EvaluationQueries : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "evaluation");
    store_ = database_->open();
    store_->write([](SqlConnection& db) {
      db.execute(
          "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES ('a1', 'a1', 'a1', "
          "'commune', '2025-07-01')");
      db.execute(
          "INSERT INTO one_stop_units(id, agency_id, name, address) VALUES ('u1', 'a1', 'u', 'x')");
      db.execute(
          "INSERT INTO users(id, username, kind, display_name, password_hash, created_at) VALUES "
          "('citizen', 'citizen', 'applicant', 'C', 'x', 't')");
      // p-known names its decision; p-blank has an empty one; p-none has no catalogue row.
      db.execute(
          "INSERT INTO procedures(code, version, name, name_folded, effective_from, content_hash, "
          "document, imported_at) VALUES ('p-known', 1, 'n', 'n', '2025-01-01', 'h', "
          "'{\"decision\":\"\",\"channels\":[]}', 't'), ('p-known', 2, 'n', 'n', '2025-06-01', "
          "'h', '{\"decision\":\"123/QĐ-UBND\",\"channels\":[{\"channel\":\"online\"}]}', 't'), "
          "('p-blank', 1, 'n', 'n', '2025-01-01', 'h', '{\"decision\":\"\"}', 't')");
      db.execute(
          "INSERT INTO processes(id, version, procedure_code, agency_id, document, updated_by, "
          "updated_at) VALUES ('pr1', 1, 'p-known', 'a1', '{}', 'x', 't'), ('pr2', 1, "
          "'p-blank', 'a1', '{}', 'x', 't')");
      db.execute(
          "INSERT INTO feedback(id, code, name, contact, procedure_code, agency_id, content, "
          "status, received_at, answer_due) VALUES ('f1', 'F1', 'n', 'c', 'p-known', 'a1', 'x', "
          "'received', '2026-03-03T08:00:00+07:00', '2026-03-24T17:00:00+07:00'), ('f2', 'F2', "
          "'n', 'c', 'p-known', 'a1', 'x', 'received', '2026-04-01T08:00:00+07:00', "
          "'2026-04-22T17:00:00+07:00')");
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  void dossier(const std::string& id, const std::string& procedure, const std::string& channel,
               std::optional<std::string> unit, const std::string& outcome) {
    store_->write([&](SqlConnection& db) {
      DossierRecord d;
      d.id = id;
      d.code = "C-" + id;
      d.procedure_code = procedure;
      d.agency_id = "a1";
      d.receiving_unit_id = unit;
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
      o.agency_id = "a1";
      o.procedure_code = procedure;
      o.channel = channel;
      o.received_s = 1000;
      o.received_month = "2026-03";
      o.outcome = outcome;
      replace_outcome(db, o,
                      {{"review", "official:x", 1000, 2000, 3000, 1000, "early"},
                       {"decide", "official:y", 2000, std::nullopt, 4000, 0, ""}},
                      {});
    });
  }
  OutcomeScope march() const { return {"2026-03", "2026-03", {"a1"}, false}; }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

TEST_P(EvaluationQueries, DossierFacts) {
  dossier("d-counter", "p-known", "counter", "u1", "early");
  dossier("d-direct", "p-blank", "counter", std::nullopt, "late");
  dossier("d-online", "p-none", "online", std::nullopt, "open");
  store_->write([](SqlConnection& db) {
    insert_rating(
        db, {"d-counter", "citizen", "a1", "p-known", 4, 1, 2, "discourteous", 1, 1, 1, "", "t"});
  });
  store_->read([&](SqlConnection& db) {
    const auto rows = evaluation_dossiers(db, march(), 5000);
    ASSERT_EQ(rows.size(), 3u);
    std::map<std::string, EvaluationDossierRow> by_id;
    for (const auto& r : rows) by_id[r.id] = r;
    const auto& counter = by_id.at("d-counter");
    EXPECT_TRUE(counter.through_one_stop);
    EXPECT_TRUE(counter.in_catalog);
    EXPECT_TRUE(counter.decision_known);  // the newest version names it
    ASSERT_TRUE(counter.rating);
    EXPECT_EQ(counter.rating->contacts, 1);
    const auto& direct = by_id.at("d-direct");
    EXPECT_FALSE(direct.through_one_stop);
    EXPECT_TRUE(direct.in_catalog);
    EXPECT_FALSE(direct.decision_known);
    EXPECT_TRUE(direct.late_or_overdue);
    EXPECT_FALSE(direct.rating);
    const auto& online = by_id.at("d-online");
    EXPECT_TRUE(online.through_one_stop);
    EXPECT_TRUE(online.online);
    EXPECT_FALSE(online.in_catalog);
    EXPECT_EQ(evaluation_dossier(db, "d-online", 5000)->outcome, "open");
    EXPECT_FALSE(evaluation_dossier(db, "nope", 5000));
  });
}

TEST_P(EvaluationQueries, StepsFeedbackAndProcedures) {
  dossier("d1", "p-known", "counter", "u1", "early");
  store_->read([&](SqlConnection& db) {
    const auto steps = evaluation_steps(db, march());
    ASSERT_EQ(steps.size(), 1u);  // the running step is not counted
    EXPECT_EQ(steps[0].party, "official:x");
    EXPECT_EQ(steps[0].result, "early");
    const auto feedback = evaluation_feedback(db, march());
    ASSERT_EQ(feedback.size(), 1u);  // April's is outside the period
    EXPECT_EQ(feedback[0].procedure_code, "p-known");
    const auto procedures = evaluation_procedures(db, march());
    ASSERT_EQ(procedures.size(), 2u);
    EXPECT_EQ(procedures[0].code, "p-blank");
    EXPECT_FALSE(procedures[0].offered_online);
    EXPECT_TRUE(procedures[1].offered_online);
  });
}

INSTANTIATE_TEST_SUITE_P(Engines, EvaluationQueries, ::testing::ValuesIn(test_engines()),
                         engine_name);

}  // namespace
}  // namespace motcua::store
