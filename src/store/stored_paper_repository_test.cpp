#include "store/stored_paper_repository.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

class StoredPaperRepositoryTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "stored-papers");
    store_ = database_->open();
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  static StoredPaperRecord paper(const std::string& id, const std::string& owner,
                                 const std::string& kept_at) {
    return {id,     owner, "p1", "Căn cước công dân", "cccd.pdf", "application/pdf",
            "ab12", 42,    "d1", "pp_" + id,          kept_at,    ""};
  }
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, StoredPaperRepositoryTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

// Every read and write is scoped to the owner: another account's row is neither listed, found,
// renamed nor deleted.
TEST_P(StoredPaperRepositoryTest, RowsAreReachedOnlyThroughTheirOwner) {
  store_->write([](SqlConnection& db) {
    insert_stored_paper(db, paper("sp1", "an", "2026-03-01T09:00:00+07:00"));
    insert_stored_paper(db, paper("sp2", "an", "2026-03-02T09:00:00+07:00"));
    insert_stored_paper(db, paper("sp3", "binh", "2026-03-03T09:00:00+07:00"));
  });
  store_->write([](SqlConnection& db) {
    const auto mine = stored_papers_of(db, "an");
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(mine[0].id, "sp2");  // newest first
    EXPECT_EQ(mine[1].size, 42);
    EXPECT_EQ(count_stored_papers(db, "an"), 2);
    EXPECT_FALSE(find_stored_paper(db, "an", "sp3"));
    EXPECT_TRUE(find_stored_paper_from(db, "an", "pp_sp1"));
    EXPECT_FALSE(find_stored_paper_from(db, "binh", "pp_sp1"));
    EXPECT_FALSE(rename_stored_paper(db, "an", "sp3", "x"));
    EXPECT_FALSE(delete_stored_paper(db, "an", "sp3"));
    EXPECT_TRUE(rename_stored_paper(db, "an", "sp1", "CCCD"));
    EXPECT_EQ(find_stored_paper(db, "an", "sp1")->name, "CCCD");
    EXPECT_TRUE(delete_stored_paper(db, "an", "sp2"));
    EXPECT_EQ(count_stored_papers(db, "an"), 1);
    EXPECT_EQ(find_stored_paper(db, "binh", "sp3")->name, "Căn cước công dân");
  });
}

}  // namespace
}  // namespace motcua::store
