// Accounts, sessions, the demo's rows and the health probe against a real store of each engine.
#include "store/account_repository.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/demo_rows.hpp"
#include "store/health.hpp"
#include "store/session_repository.hpp"
#include "store/store.hpp"
#include "store/test_database.hpp"
#include "store/test_seed.hpp"

namespace motcua::store {
namespace {

class AccountRepositoryTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "accounts-repo");
    store_ = database_->open();
    store_->write([](SqlConnection& db) {
      seed_test_agencies(db);
      insert_user(db, {"u1", "canbo", "official", "Lê Cán Bộ", "", "", "", "hash-1", "now"});
      insert_user_grant(db, "u1", "reception", "c1");
      insert_user_grant(db, "u1", "leader", "p1");
    });
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, AccountRepositoryTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(AccountRepositoryTest, UsersReadBackWithCredentialsAndGrantsByRole) {
  store_->read([](SqlConnection& db) {
    EXPECT_TRUE(username_taken(db, "canbo"));
    EXPECT_FALSE(username_taken(db, "khac"));
    const auto user = find_active_user(db, "u1");
    ASSERT_TRUE(user);
    EXPECT_EQ(user->kind, "official");
    EXPECT_EQ(user->display_name, "Lê Cán Bộ");
    const auto credentials = credentials_of(db, "canbo");
    ASSERT_TRUE(credentials);
    EXPECT_EQ(credentials->user_id, "u1");
    EXPECT_EQ(credentials->password_hash, "hash-1");
    const auto grants = grants_of(db, "u1");
    ASSERT_EQ(grants.size(), 2u);
    EXPECT_EQ(grants[0].role, "leader");
    EXPECT_EQ(grants[1].agency_id, "c1");
    EXPECT_TRUE(ping(db));
  });
}

TEST_P(AccountRepositoryTest, DisabledUsersAreNotActive) {
  store_->write(
      [](SqlConnection& db) { db.execute("UPDATE users SET disabled = 1 WHERE id = 'u1'"); });
  store_->read([](SqlConnection& db) {
    EXPECT_TRUE(username_taken(db, "canbo"));
    EXPECT_FALSE(find_active_user(db, "u1"));
    EXPECT_FALSE(credentials_of(db, "canbo"));
  });
}

TEST_P(AccountRepositoryTest, SessionsAreFoundByHashAndExpiredOnesRemoved) {
  store_->write([](SqlConnection& db) {
    insert_session(db, {"h-old", "u1", "csrf-old", "then", 100});
    insert_session(db, {"h-new", "u1", "csrf-new", "now", 300});
    delete_expired_sessions(db, 200);
  });
  store_->read([](SqlConnection& db) {
    EXPECT_FALSE(find_session_by_hash(db, "h-old"));
    const auto row = find_session_by_hash(db, "h-new");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->user_id, "u1");
    EXPECT_EQ(row->csrf_token, "csrf-new");
    EXPECT_EQ(row->expires_s, 300);
  });
  store_->write([](SqlConnection& db) { delete_session(db, "h-new"); });
  store_->read([](SqlConnection& db) { EXPECT_FALSE(find_session_by_hash(db, "h-new")); });
}

TEST_P(AccountRepositoryTest, LocalTermsOfTheDemoAreWrittenOnce) {
  store_->write([](SqlConnection& db) {
    insert_local_terms_if_absent(db, {"1.000001", R"({"counter":"1 working-days"})", "standard",
                                      "first", "demo", "2026-01-01"});
    insert_local_terms_if_absent(db, {"1.000001", "{}", "", "second", "demo", "2026-01-02"});
  });
  store_->read([](SqlConnection& db) {
    const auto row = db.query_one("SELECT limits, note FROM procedure_local_terms WHERE code = ?",
                                  {std::string("1.000001")});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->text(0), R"({"counter":"1 working-days"})");
    EXPECT_EQ(row->text(1), "first");
    EXPECT_EQ(count_dossiers(db), 0);
  });
}

}  // namespace
}  // namespace motcua::store
