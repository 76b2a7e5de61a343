// The administrators' user list and grants, and the audit log's keys, on each engine: the SQL that
// had to become portable for PostgreSQL (instr, INSERT OR IGNORE, last_insert_id).
#include "store/user_repository.hpp"

#include <gtest/gtest.h>

#include "store/account_repository.hpp"
#include "store/audit_log.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"

namespace motcua::store {
namespace {

class UserRepositoryTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "users-repo");
    store_ = database_->open(1);
    store_->write([](SqlConnection& db) {
      seed_test_agencies(db);
      insert_user(db, {"u1", "canbo", "official", "Lê Cán Bộ", "", "", "", "h", "now"});
      insert_user(db, {"u2", "ke_toan", "official", "Kế Toán", "", "", "", "h", "now"});
      insert_user(db, {"u3", "kexetoan", "official", "Phòng 100% Số", "", "", "", "h", "now"});
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }

  std::vector<std::string> usernames(const std::string& like) {
    std::vector<std::string> out;
    store_->read([&](SqlConnection& db) {
      for (const auto& u : list_users(db, UserFilter{"official", like, 10})) {
        out.push_back(u.username);
      }
    });
    return out;
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, UserRepositoryTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(UserRepositoryTest, ListFindsSubstringsCaseAsideAndWildcardsAreLiteral) {
  EXPECT_EQ(usernames(""), (std::vector<std::string>{"canbo", "ke_toan", "kexetoan"}));
  EXPECT_EQ(usernames("CANB"), (std::vector<std::string>{"canbo"}));
  // '_' is a character, not "any one character": kexetoan does not match.
  EXPECT_EQ(usernames("e_t"), (std::vector<std::string>{"ke_toan"}));
  EXPECT_EQ(usernames("100%"), (std::vector<std::string>{"kexetoan"}));
  EXPECT_TRUE(usernames("%").size() == 1u);
}

TEST_P(UserRepositoryTest, AGrantIsAddedOnce) {
  bool first = false, second = false;
  store_->write([&](SqlConnection& db) {
    first = add_grant(db, "u1", "reception", "c1");
    second = add_grant(db, "u1", "reception", "c1");
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(second);
  store_->read([](SqlConnection& db) { EXPECT_EQ(find_user(db, "u1")->grants.size(), 1u); });
}

TEST_P(UserRepositoryTest, AuditEntriesGetIncreasingKeys) {
  std::int64_t a = 0, b = 0;
  store_->write([&](SqlConnection& db) {
    a = append_audit(db, {0, "u1", "now", "user.saved", "u2", "", "{}"});
    b = append_audit(db, {0, "u1", "now", "user.saved", "u2", "why", "{}"});
  });
  EXPECT_GT(a, 0);
  EXPECT_EQ(b, a + 1);
  store_->read([&](SqlConnection& db) {
    const auto entries = audit_of(db, "u2");
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[1].seq, b);
    EXPECT_EQ(entries[1].reason, "why");
  });
}

}  // namespace
}  // namespace motcua::store
