// The login attempts and the account linking of the OIDC login, on a real database.
#include "app/identity/oidc_login.hpp"

#include <gtest/gtest.h>

#include "app/common/app_test_database.hpp"
#include "store/identity_repository.hpp"
#include "store/store.hpp"

namespace motcua::app::identity {
namespace {

constexpr const char* kNow = "2026-03-09T09:00:00+07:00";

TEST(OidcLogin, ReturnPathsStayOnThisSite) {
  EXPECT_EQ(safe_return_path("/my"), "/my");
  EXPECT_EQ(safe_return_path("/dossiers/d1?tab=papers"), "/dossiers/d1?tab=papers");
  for (const char* away : {"", "https://evil.example", "//evil.example", "/\\evil.example", "my",
                           "/a\r\nSet-Cookie: x=1", "javascript:alert(1)"}) {
    EXPECT_EQ(safe_return_path(away), "/") << away;
  }
}

TEST(OidcLogin, AnAttemptIsTakenOnceByItsBrowserBeforeItExpires) {
  const test_support::AppTestDatabase database("oidc");
  auto store = database.open();
  const auto login = new_login("/my");
  EXPECT_NE(login.code_challenge, login.code_verifier);
  EXPECT_EQ(login.code_challenge.size(), 43u);
  const auto expired = new_login("/");
  store->write([&](store::SqlConnection& db) {
    record_attempt(db, login, 1000, kNow);
    record_attempt(db, expired, 1000, kNow);
  });
  store->write([&](store::SqlConnection& db) {
    const auto late =
        take_attempt(db, expired.state, expired.code_verifier, 1000 + kAttemptSeconds + 1);
    ASSERT_FALSE(late.has_value());
    EXPECT_EQ(late.error().code, "oidc_attempt_expired");
    const auto wrong = take_attempt(db, login.state, "another-browser", 1001);
    ASSERT_FALSE(wrong.has_value());
    EXPECT_EQ(wrong.error().code, "oidc_browser_mismatch");
  });
  // The refused callback spent the state: the right browser cannot use it afterwards either.
  const auto again = new_login("/my");
  store->write([&](store::SqlConnection& db) {
    EXPECT_EQ(take_attempt(db, login.state, login.code_verifier, 1002).error().code,
              "oidc_state_unknown");
    record_attempt(db, again, 1000, kNow);
    const auto taken = take_attempt(db, again.state, again.code_verifier, 1003);
    ASSERT_TRUE(taken.has_value());
    EXPECT_EQ(taken->nonce, again.nonce);
    EXPECT_EQ(taken->return_path, "/my");
    EXPECT_EQ(take_attempt(db, again.state, again.code_verifier, 1004).error().code,
              "oidc_state_unknown");
  });
}

TEST(OidcLogin, TheFirstLoginCreatesAnAccountWithoutPasswordAndLaterOnesReuseIt) {
  const test_support::AppTestDatabase database("oidc");
  auto store = database.open();
  const VerifiedIdentity identity{"https://sso.example.vn", "sub-1", "001090012345", "Trần Văn Ba"};
  std::string first_id;
  store->write([&](store::SqlConnection& db) {
    const auto first = finish_login(db, identity, "127.0.0.1", 1000, kNow);
    ASSERT_TRUE(first.has_value());
    first_id = first->actor.user_id;
    EXPECT_TRUE(first->actor.applicant);
    EXPECT_EQ(first->actor.display_name, "Trần Văn Ba");
    // No local password: the empty hash verifies nothing.
    EXPECT_EQ(db.query_one("SELECT password_hash FROM users WHERE id = ?", {first_id})->text(0),
              "");
    const auto second = finish_login(db, identity, "127.0.0.1", 1100, kNow);
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(second->actor.user_id, first_id);
    EXPECT_NE(second->token, first->token);
    EXPECT_TRUE(store::identity_verified(db, first_id));
    // The same ID number from another issuer is another identity: never merged by the number.
    auto other = identity;
    other.issuer = "https://other.example.vn";
    EXPECT_NE(finish_login(db, other, "127.0.0.1", 1200, kNow)->actor.user_id, first_id);
    auto anonymous = identity;
    anonymous.id_number.clear();
    EXPECT_EQ(finish_login(db, anonymous, "127.0.0.1", 1300, kNow).error().code,
              "oidc_id_number_missing");
  });
}

}  // namespace
}  // namespace motcua::app::identity
