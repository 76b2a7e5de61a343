#include "app/accounts/login_delays.hpp"

#include <gtest/gtest.h>

#include "app/common/app_test_database.hpp"
#include "store/store.hpp"

namespace motcua::app {
namespace {

class LoginDelaysTest : public ::testing::Test {
 protected:
  std::int64_t wait(const std::string& user, const std::string& client, std::int64_t now) {
    std::int64_t w = -1;
    store_->read([&](store::SqlConnection& db) { w = delays_.retry_after(db, user, client, now); });
    return w;
  }
  void fail(const std::string& user, const std::string& client, std::int64_t now) {
    store_->write([&](store::SqlConnection& db) { delays_.record_failure(db, user, client, now); });
  }
  void succeed(const std::string& user, const std::string& client) {
    store_->write([&](store::SqlConnection& db) { delays_.record_success(db, user, client); });
  }

  test_support::AppTestDatabase database_{"login_delays"};
  std::unique_ptr<store::Store> store_ = database_.open();
  LoginDelays delays_;
};

TEST_F(LoginDelaysTest, DelaysGrowFromTheLastFailureAndNeverLockTheOwnerOut) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(wait("an", "198.51.100.7", 1000 + i), 0) << i;
    fail("an", "198.51.100.7", 1000 + i);
  }
  // Five failures from one place: 30 s after the last, then 60, 120 ...
  EXPECT_EQ(wait("an", "198.51.100.7", 1004), 30);
  EXPECT_EQ(wait("an", "198.51.100.7", 1034), 0);
  fail("an", "198.51.100.7", 1034);
  EXPECT_EQ(wait("an", "198.51.100.7", 1034), 60);
  fail("an", "198.51.100.7", 1094);
  EXPECT_EQ(wait("an", "198.51.100.7", 1094), 120);
  // The owner at the office is not held by the attacker's failures elsewhere.
  EXPECT_EQ(wait("an", "203.0.113.20", 1095), 0);
  // A success clears the username's counts.
  succeed("an", "198.51.100.7");
  EXPECT_EQ(wait("an", "198.51.100.7", 1095), 0);
}

TEST_F(LoginDelaysTest, GuessesFromManyAddressesAreHeldToOneTryAMinute) {
  std::int64_t now = 5000;
  for (int i = 0; i < 20; ++i) fail("lanhdao.x", "10.0.0." + std::to_string(i), now++);
  // From any address, the username now waits; at most a minute.
  const auto w = wait("lanhdao.x", "203.0.113.99", now);
  EXPECT_GT(w, 0);
  EXPECT_LE(w, 60);
  for (int i = 0; i < 10; ++i) fail("lanhdao.x", "10.0.1." + std::to_string(i), now);
  EXPECT_EQ(wait("lanhdao.x", "203.0.113.99", now), 60) << "capped at a minute, never 15";
  EXPECT_EQ(wait("lanhdao.x", "203.0.113.99", now + 60), 0);
}

TEST_F(LoginDelaysTest, OneAddressTryingManyUsernamesIsSlowed) {
  for (int i = 0; i < 30; ++i) fail("user" + std::to_string(i), "198.51.100.50", 7000 + i);
  EXPECT_EQ(wait("someone.else", "198.51.100.50", 7029), 30);
  EXPECT_EQ(wait("someone.else", "198.51.100.51", 7029), 0);
  // Forgotten once the window has passed.
  EXPECT_EQ(wait("someone.else", "198.51.100.50", 7000 + 15 * 60), 0);
}

}  // namespace
}  // namespace motcua::app
