// The rows of a list (work queue, own dossiers, approvals) on both engines: the procedure's name
// comes from the catalogue version the dossier was filed under and the sealed form stays closed;
// only a dossier whose catalogue version is missing carries its form, to take the name from. The
// public tracking page reads its dossier by code the same way.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <tuple>

#include "store/dossier_repository.hpp"
#include "store/personal_data.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"

namespace motcua::store {
namespace {

constexpr const char* kForm = R"({"procedure_name":"Tên trong hồ sơ","applicant":{}})";

class DossierListRowsTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "dossier-list-rows");
    store_ = database_->open();
    store_->write([](SqlConnection& db) {
      seed_test_agencies(db);
      db.execute(
          "INSERT INTO procedures(code, version, name, name_folded, effective_from, content_hash, "
          "document, imported_at) VALUES ('9.000001', 1, 'Tên trong danh mục', 'ten trong danh "
          "muc', '2026-01-01', 'h', '{}', 'now')");
      for (const auto& [id, version, due] :
           {std::tuple{"listed", 1, 200}, std::tuple{"orphan", 7, 100}}) {
        db.execute(
            "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, "
            "applicant_name, applicant_folded, channel, status, version, document, due_s, "
            "created_text, updated_text) VALUES (?, '9.000001', ?, 'c1', 'An', 'an', 'online', "
            "'received', 1, ?, ?, 'now', 'now')",
            {std::string(id), std::int64_t{version}, seal(kForm, "dossiers", "document", id),
             std::int64_t{due}});
        db.execute("UPDATE dossiers SET code = ? WHERE id = ?",
                   {std::string("CODE-") + id, std::string(id)});
      }
    });
  }
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, DossierListRowsTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(DossierListRowsTest, TheNameComesFromTheCatalogueAndTheFormStaysClosed) {
  store_->read([](SqlConnection& db) {
    DossierFilter filter;
    filter.agency_ids = {"c1"};
    const auto rows = list_dossier_rows(db, filter);
    ASSERT_EQ(rows.size(), 2u);
    // Earliest due first, as the plain list.
    EXPECT_EQ(rows[0].record.id, "orphan");
    EXPECT_EQ(rows[0].procedure_name, "");
    EXPECT_EQ(rows[0].record.document, kForm);
    EXPECT_EQ(rows[1].record.id, "listed");
    EXPECT_EQ(rows[1].procedure_name, "Tên trong danh mục");
    EXPECT_EQ(rows[1].record.document, "");
    const auto plain = list_dossiers(db, filter);
    ASSERT_EQ(plain.size(), 2u);
    EXPECT_EQ(plain[1].document, kForm);

    filter.procedure_code = "9.000002";
    EXPECT_TRUE(list_dossier_rows(db, filter).empty());
    EXPECT_TRUE(list_dossiers(db, filter).empty());
  });
}

// The public tracking page reads its dossier the same way: by code, the form left closed.
TEST_P(DossierListRowsTest, ADossierFoundByItsCodeIsReadAsAListLine) {
  store_->read([](SqlConnection& db) {
    const auto listed = find_dossier_row_by_code(db, "CODE-listed");
    ASSERT_TRUE(listed);
    EXPECT_EQ(listed->record.id, "listed");
    EXPECT_EQ(listed->procedure_name, "Tên trong danh mục");
    EXPECT_EQ(listed->record.document, "");
    const auto orphan = find_dossier_row_by_code(db, "CODE-orphan");
    ASSERT_TRUE(orphan);
    EXPECT_EQ(orphan->procedure_name, "");
    EXPECT_EQ(orphan->record.document, kForm);
    EXPECT_FALSE(find_dossier_row_by_code(db, "CODE-none"));
  });
}

}  // namespace
}  // namespace motcua::store
