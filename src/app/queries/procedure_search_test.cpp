// The typo-forgiving search and its "did you mean" answer from names kept in memory: they follow
// every catalog write at once (a new version, an edit in place, a removal), and a database never
// answers with another's names, though both are open in one process.
#include "app/queries/procedure_search.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "app/common/app_test_database.hpp"
#include "app/queries/procedure_names.hpp"
#include "store/catalog_repository.hpp"

namespace motcua::app {
namespace {

store::ProcedureRow procedure(const std::string& code, const std::string& name,
                              const std::string& folded, const std::string& hash) {
  return {code, name, folded, "Hộ tịch", "Cấp xã", "test", hash, "{\"name\":\"" + name + "\"}"};
}

class ProcedureSearchTest : public ::testing::Test {
 protected:
  std::unique_ptr<store::Store> open(const std::string& label) {
    databases_.push_back(std::make_unique<test_support::AppTestDatabase>(label));
    auto s = databases_.back()->open();
    s->write([](store::SqlConnection& db) {
      store::upsert_procedure(db,
                              procedure("1.001193", "Đăng ký khai sinh", "dang ky khai sinh", "a"),
                              "2026-01-01", "t");
      store::upsert_procedure(db, procedure("1.000894", "Đăng ký kết hôn", "dang ky ket hon", "b"),
                              "2026-01-01", "t");
    });
    return s;
  }
  static std::vector<std::string> found(store::Store& s, const std::string& q) {
    std::vector<std::string> out;
    s.read([&](store::SqlConnection& db) {
      for (const auto& m : search_procedures(db, q, 20)) out.push_back(m.code + ":" + m.match);
    });
    return out;
  }
  std::vector<std::unique_ptr<test_support::AppTestDatabase>> databases_;
};

TEST_F(ProcedureSearchTest, TyposAndSuggestionsFollowEveryCatalogWrite) {
  auto s = open("procedure-search-follow");
  // "hn" is no word of any name: nothing exact; one typo in "kett" is forgiven.
  EXPECT_EQ(found(*s, "kett hon"), std::vector<std::string>{"1.000894:fuzzy"});
  EXPECT_EQ(found(*s, "khai snh"), std::vector<std::string>{"1.001193:suggested"});

  s->write([](store::SqlConnection& db) {
    store::upsert_procedure(
        db, procedure("1.000894", "Đăng ký lại việc kết hôn", "dang ky lai viec ket hon", "b2"),
        "2026-06-01", "t");
  });
  EXPECT_EQ(found(*s, "viecc kett"), std::vector<std::string>{"1.000894:fuzzy"});
  s->write([](store::SqlConnection& db) {
    db.execute(
        "UPDATE procedures SET name = 'Cấp thị thực', name_folded = 'cap thi thuc' WHERE code = "
        "'1.001193'");
  });
  EXPECT_EQ(found(*s, "thi thucc"), std::vector<std::string>{"1.001193:fuzzy"});
  EXPECT_EQ(found(*s, "khai snh"), std::vector<std::string>{});
  s->write([](store::SqlConnection& db) {
    db.execute("DELETE FROM procedures WHERE code = '1.000894' AND version = 2");
  });
  EXPECT_EQ(found(*s, "viecc kett"), std::vector<std::string>{});
  EXPECT_EQ(found(*s, "kett hon"), std::vector<std::string>{"1.000894:fuzzy"});
}

TEST_F(ProcedureSearchTest, EachDatabaseAnswersWithItsOwnNames) {
  auto first = open("procedure-search-first");
  auto second = open("procedure-search-second");
  second->write([](store::SqlConnection& db) {
    store::upsert_procedure(db, procedure("2.000001", "Cấp hộ chiếu", "cap ho chieu", "c"),
                            "2026-01-01", "t");
  });
  // Both read once, so both sets of names are in memory.
  EXPECT_EQ(found(*first, "ho chieuu"), std::vector<std::string>{});
  EXPECT_EQ(found(*second, "ho chieuu"), std::vector<std::string>{"2.000001:fuzzy"});
  EXPECT_EQ(found(*first, "ho chieuu"), std::vector<std::string>{});
  std::size_t first_names = 0, second_names = 0;
  first->read([&](store::SqlConnection& db) { first_names = procedure_names(db)->rows.size(); });
  second->read([&](store::SqlConnection& db) { second_names = procedure_names(db)->rows.size(); });
  EXPECT_EQ(first_names, 2u);
  EXPECT_EQ(second_names, 3u);
}

}  // namespace
}  // namespace motcua::app
