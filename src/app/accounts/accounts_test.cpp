#include "app/accounts/accounts.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/common/app_test_database.hpp"
#include "store/store.hpp"

namespace motcua::app {
namespace {

namespace fs = std::filesystem;

TEST(Passwords, Argon2idHashesVerifyAndSaltDiffers) {
  const auto a = hash_password("mật khẩu dài đủ 10");
  const auto b = hash_password("mật khẩu dài đủ 10");
  EXPECT_EQ(a.rfind("$argon2id$", 0), 0u) << a;
  EXPECT_NE(a, b);
  EXPECT_TRUE(verify_password(a, "mật khẩu dài đủ 10"));
  EXPECT_FALSE(verify_password(a, "mật khẩu dài đủ 11"));
  EXPECT_FALSE(verify_password("not a hash", "x"));
  EXPECT_FALSE(needs_rehash(a));
  EXPECT_TRUE(needs_rehash(a, PasswordCost::moderate));
}

TEST(Passwords, RandomTokensAreUrlSafeAndDistinct) {
  const auto t = random_token();
  EXPECT_EQ(t.size(), 43u);
  EXPECT_EQ(t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_NE(t, random_token());
  EXPECT_FALSE(password_problem("short").empty());
  EXPECT_FALSE(password_problem("1234567890").empty());
  EXPECT_TRUE(password_problem("dài đủ mười ký tự").empty());
}

// Two throttles on one database stand for two servers: the failures one records, the other sees.
TEST(LoginThrottle, BlocksAfterFiveFailuresUntilTheWindowEndsOnEveryServer) {
  const auto dir = fs::temp_directory_path() / ("motcua-throttle-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    const test_support::AppTestDatabase database("accounts");
    auto store = database.open();
    const LoginThrottle server_a("user", 5, 900);
    const LoginThrottle server_b("user", 5, 900);
    const LoginThrottle addresses("address", 5, 900);
    auto retry = [&](const LoginThrottle& t, const std::string& key, std::int64_t now) {
      std::int64_t wait = -1;
      store->read([&](store::SqlConnection& db) { wait = t.retry_after(db, key, now); });
      return wait;
    };
    for (int i = 0; i < 5; ++i) {
      EXPECT_EQ(retry(server_a, "an", 1000 + i), 0);
      store->write([&](store::SqlConnection& db) {
        (i % 2 == 0 ? server_a : server_b).record_failure(db, "an", 1000 + i);
      });
    }
    EXPECT_EQ(retry(server_a, "an", 1010), 890);
    EXPECT_EQ(retry(server_b, "an", 1010), 890);
    EXPECT_EQ(retry(server_a, "binh", 1010), 0);
    EXPECT_EQ(retry(addresses, "an", 1010), 0) << "scopes are counted apart";
    EXPECT_EQ(retry(server_a, "an", 1900), 0);
    // A failure after the window starts a new one with a single failure.
    store->write([&](store::SqlConnection& db) { server_b.record_failure(db, "an", 1901); });
    for (int i = 0; i < 3; ++i) {
      store->write([&](store::SqlConnection& db) { server_a.record_failure(db, "an", 1902 + i); });
    }
    EXPECT_EQ(retry(server_a, "an", 1910), 0) << "four failures in the new window";
    store->write([&](store::SqlConnection& db) { server_a.record_failure(db, "an", 1911); });
    EXPECT_EQ(retry(server_b, "an", 1912), 1901 + 900 - 1912);
    store->write([&](store::SqlConnection& db) { server_b.record_success(db, "an"); });
    EXPECT_EQ(retry(server_a, "an", 1913), 0);
  }
  fs::remove_all(dir);
}

TEST(Accounts, LoginCreatesAHashedSessionWithRoles) {
  const auto dir = fs::temp_directory_path() / ("motcua-accounts-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    const test_support::AppTestDatabase database("accounts");
    auto store = database.open();
    store->write([](store::SqlConnection& db) {
      db.execute(
          "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES ('c1', 'X', 'Xã', "
          "'commune', '2025-07-01')");
      NewUser u{"u1",
                "canbo.tiepnhan",
                false,
                "Lê Tiếp Nhận",
                "mật khẩu rất dài",
                "",
                "",
                "",
                {{dossier::Role::reception, "c1"}}};
      ASSERT_TRUE(create_user(db, u, "now"));
      EXPECT_EQ(create_user(db, u, "now").error().code, "username_taken");
    });
    AppResult<Session> session = tl::unexpected(AppError{});
    store->write([&](store::SqlConnection& db) {
      EXPECT_EQ(login(db, "canbo.tiepnhan", "sai mật khẩu", 100, "now").error().kind,
                ErrorKind::unauthenticated);
      EXPECT_EQ(login(db, "khong.ton.tai", "mật khẩu rất dài", 100, "now").error().kind,
                ErrorKind::unauthenticated);
      session = login(db, "canbo.tiepnhan", "mật khẩu rất dài", 100, "now");
    });
    ASSERT_TRUE(session);
    store->read([&](store::SqlConnection& db) {
      // Only the token's hash is stored.
      EXPECT_FALSE(db.query_one("SELECT 1 FROM sessions WHERE token_hash = ?", {session->token}));
      auto found = find_session(db, session->token, 200);
      ASSERT_TRUE(found);
      EXPECT_EQ(found->actor.user_id, "u1");
      EXPECT_TRUE(found->actor.has_role(dossier::Role::reception));
      EXPECT_EQ(found->csrf_token, session->csrf_token);
      EXPECT_FALSE(find_session(db, session->token, 100 + kSessionSeconds + 1));
      EXPECT_FALSE(find_session(db, "forged", 200));
    });
    store->write([&](store::SqlConnection& db) { logout(db, session->token); });
    store->read(
        [&](store::SqlConnection& db) { EXPECT_FALSE(find_session(db, session->token, 200)); });
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace motcua::app
