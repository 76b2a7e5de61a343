// The procedure search index of migration 0047, on both engines: it follows every write of a
// procedure (an import, a new version, an edit in place, a removal), the search finds folded words
// anywhere in the name (short words too, which have no trigram), pages shortest names first, and
// its plan reads the index instead of scanning the procedures.
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/catalog_repository.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

ProcedureRow procedure(const std::string& code, const std::string& name, const std::string& folded,
                       const std::string& hash) {
  return {code, name, folded, "Hộ tịch", "Cấp xã", "test", hash, "{\"name\":\"" + name + "\"}"};
}

std::vector<std::string> codes(const std::vector<ProcedureVersionRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.code);
  return out;
}

class CatalogSearch : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "catalog-search");
    store_ = database_->open();
    store_->write([](SqlConnection& db) {
      upsert_procedure(db, procedure("1.001193", "Đăng ký khai sinh", "dang ky khai sinh", "a"),
                       "2026-01-01", "t");
      upsert_procedure(db, procedure("1.000894", "Đăng ký kết hôn", "dang ky ket hon", "b"),
                       "2026-01-01", "t");
      upsert_procedure(db,
                       procedure("2.000001", "Đăng ký khai sinh có yếu tố nước ngoài",
                                 "dang ky khai sinh co yeu to nuoc ngoai", "c"),
                       "2026-01-01", "t");
      upsert_procedure(db, procedure("3.000002", "Cấp hộ chiếu", "cap ho chieu", "d"), "2026-01-01",
                       "t");
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  std::vector<ProcedureVersionRow> search(const std::string& code_prefix,
                                          const std::vector<std::string>& words, int limit = 20) {
    std::vector<ProcedureVersionRow> out;
    store_->read(
        [&](SqlConnection& db) { out = search_latest_procedures(db, code_prefix, words, limit); });
    return out;
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

TEST_P(CatalogSearch, FindsFoldedWordsAnywhereShortestFirst) {
  const std::vector<std::string> both{"1.001193", "2.000001"};
  EXPECT_EQ(codes(search("khai sinh", {"khai", "sinh"})), both);
  // "ky" has no trigram: checked on the row, still with the indexed words.
  EXPECT_EQ(codes(search("dang ky khai sinh", {"dang", "ky", "khai", "sinh"})), both);
  // Inside a word, as LIKE '%word%' found it before the index.
  EXPECT_EQ(codes(search("hai sin", {"hai", "sin"})), both);
  // Only short words: no index term at all ("cap ho chieu", "ket hon").
  EXPECT_EQ(codes(search("ho", {"ho"})), (std::vector<std::string>{"3.000002", "1.000894"}));
  EXPECT_TRUE(search("lai xe", {"lai", "xe"}).empty());
  // Two characters in four bytes: still too short for a trigram, checked on the row.
  store_->write([](SqlConnection& db) {
    upsert_procedure(db, procedure("4.000003", "Lệ phí ßø", "le phi ßø", "e"), "2026-01-01", "t");
  });
  EXPECT_EQ(codes(search("ßø", {"ßø"})), std::vector<std::string>{"4.000003"});
  // A code prefix matches by itself.
  EXPECT_EQ(codes(search("1.0011", {"1", "0011"})), std::vector<std::string>{"1.001193"});
  // Every procedure without words; shortest names first; paged by the limit.
  EXPECT_EQ(codes(search("", {})),
            (std::vector<std::string>{"4.000003", "3.000002", "1.000894", "1.001193", "2.000001"}));
  EXPECT_EQ(codes(search("dang ky", {"dang", "ky"}, 2)),
            (std::vector<std::string>{"1.000894", "1.001193"}));
  const auto row = search("khai sinh", {"khai", "sinh"}, 1).at(0);
  EXPECT_EQ(row.name, "Đăng ký khai sinh");
  EXPECT_EQ(row.version, 1);
  EXPECT_EQ(row.field, "Hộ tịch");
  EXPECT_TRUE(row.document.empty());
}

TEST_P(CatalogSearch, FollowsNewVersionsEditsAndRemovals) {
  store_->write([](SqlConnection& db) {
    // A new import renames the marriage registration: version 2 replaces version 1.
    upsert_procedure(db, procedure("1.000894", "Đăng ký lại kết hôn", "dang ky lai ket hon", "b2"),
                     "2026-06-01", "t");
  });
  const auto renamed = search("lai ket", {"lai", "ket"});
  ASSERT_EQ(codes(renamed), std::vector<std::string>{"1.000894"});
  EXPECT_EQ(renamed[0].version, 2);
  EXPECT_EQ(renamed[0].name, "Đăng ký lại kết hôn");
  EXPECT_EQ(search("", {}).size(), 4u);

  store_->write([](SqlConnection& db) {
    db.execute(
        "UPDATE procedures SET name = 'Cấp thị thực', name_folded = 'cap thi thuc' WHERE code = "
        "'3.000002'");
  });
  EXPECT_TRUE(search("chieu", {"chieu"}).empty());
  EXPECT_EQ(codes(search("thi thuc", {"thi", "thuc"})), std::vector<std::string>{"3.000002"});

  store_->write([](SqlConnection& db) {
    db.execute("DELETE FROM procedures WHERE code = '1.000894' AND version = 2");
  });
  const auto back = search("ket hon", {"ket", "hon"});
  ASSERT_EQ(codes(back), std::vector<std::string>{"1.000894"});
  EXPECT_EQ(back[0].version, 1);
  EXPECT_TRUE(search("lai ket", {"lai", "ket"}).empty());
}

// The stamp the in-memory names are kept under (migration 0056) moves with every change of the
// newest versions, and only with those.
TEST_P(CatalogSearch, StampMovesWithEveryChangeOfTheNewestNamesOnly) {
  auto stamp = [&] {
    std::string s;
    store_->read([&](SqlConnection& db) { s = catalog_stamp(db); });
    return s;
  };
  std::vector<std::string> seen{stamp()};
  EXPECT_EQ(seen.back().size(), 32u);
  auto expect_new_stamp = [&](const char* what) {
    const auto now = stamp();
    EXPECT_EQ(std::find(seen.begin(), seen.end(), now), seen.end()) << what;
    seen.push_back(now);
  };
  store_->write([](SqlConnection& db) {
    upsert_procedure(db, procedure("1.000894", "Đăng ký lại kết hôn", "dang ky lai ket hon", "b2"),
                     "2026-06-01", "t");
  });
  expect_new_stamp("a new version");
  store_->write([](SqlConnection& db) {
    db.execute("UPDATE procedures SET name = 'Cấp thị thực' WHERE code = '3.000002'");
  });
  expect_new_stamp("an edit in place");
  store_->write([](SqlConnection& db) {
    db.execute("DELETE FROM procedures WHERE code = '1.000894' AND version = 2");
  });
  expect_new_stamp("a removal");
  // The same document again is no new version: nothing the names show changed.
  store_->write([](SqlConnection& db) {
    upsert_procedure(db, procedure("1.001193", "Đăng ký khai sinh", "dang ky khai sinh", "a"),
                     "2026-06-01", "t");
  });
  EXPECT_EQ(stamp(), seen.back());
  // A rolled-back write leaves the stamp as it was.
  EXPECT_THROW(store_->write([](SqlConnection& db) {
    db.execute("DELETE FROM procedures WHERE code = '3.000002'");
    throw std::runtime_error("abandoned");
  }),
               std::runtime_error);
  EXPECT_EQ(stamp(), seen.back());
}

TEST_P(CatalogSearch, PlanReadsTheIndexNotTheTable) {
  const auto q =
      procedure_search_query(GetParam() == Engine::sqlite ? Dialect::sqlite : Dialect::postgres,
                             "khai sinh", {"khai", "sinh"}, 20);
  std::string plan;
  store_->read([&](SqlConnection& db) {
    if (GetParam() == Engine::sqlite) {
      for (const auto& r : db.query("EXPLAIN QUERY PLAN " + q.sql, q.params)) {
        plan += r.text(3) + "\n";
      }
    } else {
      // Four rows are cheaper to scan than to look up: forbid the scan to see the index is usable.
      db.execute("SET LOCAL enable_seqscan = off");
      for (const auto& r : db.query("EXPLAIN " + q.sql, q.params)) plan += r.text(0) + "\n";
    }
  });
  if (GetParam() == Engine::sqlite) {
    EXPECT_NE(plan.find("VIRTUAL TABLE INDEX"), std::string::npos) << plan;
    EXPECT_NE(plan.find("procedure_search_code_prefix"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("SCAN s "), std::string::npos) << plan;
  } else {
    EXPECT_NE(plan.find("procedure_search_trigrams"), std::string::npos) << plan;
    EXPECT_NE(plan.find("procedure_search_code_prefix"), std::string::npos) << plan;
  }
  EXPECT_EQ(plan.find("procedures"), std::string::npos) << plan;
}

INSTANTIATE_TEST_SUITE_P(Engines, CatalogSearch, ::testing::ValuesIn(test_engines()), engine_name);

}  // namespace
}  // namespace motcua::store
