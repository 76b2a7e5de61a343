#include "app/accounts/second_factor.hpp"

#include <gtest/gtest.h>

#include "app/accounts/accounts.hpp"
#include "app/accounts/totp.hpp"
#include "app/common/app_test_database.hpp"
#include "store/second_factor_repository.hpp"
#include "store/store.hpp"

namespace motcua::app {
namespace {

const std::string kKey(32, 'k');
constexpr std::int64_t kNow = 1'800'000'000;

class SecondFactor : public ::testing::Test {
 protected:
  void SetUp() override {
    store_->write([](store::SqlConnection& db) {
      db.execute(
          "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES ('c1', 'X', 'Xã', "
          "'commune', '2025-07-01')");
      for (const char* id : {"u1", "u2"}) {
        NewUser u{
            id, std::string("canbo.") + id,        false, "Cán bộ", "mật khẩu rất dài", "", "",
            "", {{dossier::Role::reception, "c1"}}};
        ASSERT_TRUE(create_user(db, u, "now"));
      }
    });
  }
  Actor official(const std::string& id) {
    return {id, "Cán bộ", false, {{dossier::Role::reception, "c1"}}};
  }
  const Actor admin_{"adm", "Quản trị", false, {{dossier::Role::administrator, "c1"}}};

  // Enrols u1 at kNow and answers its secret and recovery codes.
  std::pair<std::string, std::vector<std::string>> enrol() {
    std::string secret;
    std::vector<std::string> codes;
    store_->write([&](store::SqlConnection& db) {
      const auto started = begin_totp_enrolment(db, official("u1"), kKey, "t");
      ASSERT_TRUE(started);
      EXPECT_NE(
          started->otpauth_uri.find("otpauth://totp/MotCua:canbo.u1?secret=" + started->secret),
          std::string::npos);
      secret = *totp::from_base32(started->secret);
      const auto right = totp::code_at(secret, kNow);
      EXPECT_EQ(confirm_totp_enrolment(db, official("u1"), kKey,
                                       right == "000000" ? "000001" : "000000", kNow, "t")
                    .error()
                    .code,
                "second_factor_wrong");
      auto confirmed =
          confirm_totp_enrolment(db, official("u1"), kKey, totp::code_at(secret, kNow), kNow, "t");
      ASSERT_TRUE(confirmed);
      codes = *confirmed;
    });
    return {secret, codes};
  }
  AppResult<void> check(const std::string& user, const std::string& code, std::int64_t now) {
    AppResult<void> out;
    store_->write([&](store::SqlConnection& db) {
      out = check_second_factor(db, user, kKey, code, now, "t");
    });
    return out;
  }

  test_support::AppTestDatabase database_{"second-factor"};
  std::unique_ptr<store::Store> store_ = database_.open();
};

TEST_F(SecondFactor, AfterEnrolmentTheLoginNeedsAFreshCodeOrARecoveryCodeOnce) {
  EXPECT_TRUE(check("u1", "", kNow)) << "nothing to check before enrolment";
  const auto [secret, recovery] = enrol();
  ASSERT_EQ(recovery.size(), 10u);
  EXPECT_EQ(check("u1", "", kNow + 30).error().code, "second_factor_required");
  EXPECT_EQ(check("u1", totp::code_at(secret, kNow), kNow + 1).error().code, "second_factor_wrong")
      << "the enrolment's step is used";
  EXPECT_TRUE(check("u1", totp::code_at(secret, kNow + 30), kNow + 30));
  EXPECT_EQ(check("u1", totp::code_at(secret, kNow + 30), kNow + 40).error().code,
            "second_factor_wrong")
      << "a code is accepted once";
  EXPECT_TRUE(check("u1", totp::code_at(secret, kNow + 90), kNow + 60)) << "one step ahead";
  std::string typed = recovery[3];
  typed.erase(typed.find('-'), 1);
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(check("u1", typed, kNow + 200)) << "without dash or case";
  EXPECT_EQ(check("u1", recovery[3], kNow + 210).error().code, "second_factor_wrong");
  store_->read([&](store::SqlConnection& db) {
    EXPECT_EQ(second_factor_status(db, official("u1")).recovery_codes_left, 9);
    // The secret is stored sealed, not in clear nor base32.
    const auto row = store::find_totp_factor(db, "u1");
    EXPECT_EQ(row->secret_sealed.find(totp::base32(secret)), std::string::npos);
  });
  store_->write([&](store::SqlConnection& db) {
    EXPECT_EQ(begin_totp_enrolment(db, official("u1"), kKey, "t").error().code,
              "second_factor_enrolled");
    EXPECT_EQ(begin_totp_enrolment(db, official("u2"), "", "t").error().code,
              "second_factor_unavailable");
  });
}

TEST_F(SecondFactor, ARoleCanRequireItAndAnAdministratorResetsIt) {
  enrol();
  store_->write([&](store::SqlConnection& db) {
    EXPECT_EQ(
        require_second_factor(db, official("u2"), "reception", true, "policy", "t").error().kind,
        ErrorKind::forbidden);
    EXPECT_EQ(require_second_factor(db, admin_, "reception", true, "", "t").error().detail,
              "reason");
    EXPECT_EQ(require_second_factor(db, admin_, "chief", true, "x", "t").error().detail, "role");
    const auto roles = require_second_factor(db, admin_, "reception", true, "policy", "t");
    ASSERT_TRUE(roles);
    EXPECT_EQ(roles->roles, std::vector<std::string>{"reception"});
    EXPECT_FALSE(store::second_factor_enrolment_due(db, "u1"));
    EXPECT_TRUE(store::second_factor_enrolment_due(db, "u2"));
    EXPECT_TRUE(open_session(db, official("u2"), kNow, "t").must_enrol_second_factor);
    EXPECT_FALSE(open_session(db, official("u1"), kNow, "t").must_enrol_second_factor);
    ASSERT_TRUE(reset_second_factor(db, admin_, "u1", "lost phone", "t"));
    EXPECT_TRUE(store::second_factor_enrolment_due(db, "u1"));
    EXPECT_FALSE(store::find_totp_factor(db, "u1"));
  });
  EXPECT_TRUE(check("u1", "", kNow + 300)) << "no factor any more";
  std::vector<std::string> actions;
  store_->read([&](store::SqlConnection& db) {
    for (const auto& r : db.query("SELECT action, reason FROM audit_log ORDER BY seq", {}))
      actions.push_back(r.text(0) + ":" + r.text(1));
  });
  EXPECT_EQ(actions,
            (std::vector<std::string>{
                "user.second_factor_enrolled:TOTP confirmed by its first code",
                "second_factor.role_required:policy", "user.second_factor_reset:lost phone"}));
}

}  // namespace
}  // namespace motcua::app
