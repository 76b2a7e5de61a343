// Migration 0013 fills the ID numbers of the dossiers that exist already from their documents, so
// an applicant's older dossiers are found by the lookup of one's own dossiers too.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <utility>
#include <vector>

#include "store/migrations.hpp"

namespace motcua::store {
namespace {

void run(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error != nullptr ? error : "";
  sqlite3_free(error);
  ASSERT_EQ(rc, SQLITE_OK) << message;
}

std::string insert_dossier(const std::string& id, const std::string& document) {
  return "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
         "applicant_folded, channel, status, version, document, created_at, updated_at) VALUES ('" +
         id + "', '1.001193', 1, 'c1', 'An', 'an', 'online', 'submitted', 1, '" + document +
         "', 'now', 'now');";
}

TEST(DossierApplicantIds, MigrationFillsTheIdNumbersOfExistingDossiers) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  bool added = false;
  for (const auto& m : sqlite_migrations()) {
    if (m.version >= 13 && !added) {
      run(db,
          "INSERT INTO agencies(id, code, name, kind, valid_from) "
          "VALUES ('c1', '000.01.01.H40', 'Xã Một', 'commune', '2025-07-01');" +
              insert_dossier("d1", R"({"applicant":{"name":"An","id_number":" 001090000777 "}})") +
              insert_dossier("d2", R"({"applicant":{"name":"Bình","id_number":""}})") +
              insert_dossier("d3", R"({"applicant":{"name":"Cư"}})"));
      added = true;
    }
    run(db, m.sql);
  }
  ASSERT_TRUE(added) << "no migration 0013";
  sqlite3_stmt* query = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT dossier_id, id_number FROM dossier_applicant_ids", -1,
                               &query, nullptr),
            SQLITE_OK);
  std::vector<std::pair<std::string, std::string>> rows;
  while (sqlite3_step(query) == SQLITE_ROW) {
    rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(query, 0)),
                      reinterpret_cast<const char*>(sqlite3_column_text(query, 1)));
  }
  sqlite3_finalize(query);
  sqlite3_close(db);
  ASSERT_EQ(rows.size(), 1u);  // no row for an empty or missing number
  EXPECT_EQ(rows[0].first, "d1");
  EXPECT_EQ(rows[0].second, "001090000777");
}

}  // namespace
}  // namespace motcua::store
