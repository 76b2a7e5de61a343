#include "app/accounts/one_time_codes.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/common/app_test_database.hpp"
#include "store/outbox.hpp"
#include "store/store.hpp"

namespace motcua::app {
namespace {

class OneTimeCodes : public ::testing::Test {
 protected:
  // The code in the newest outbox row of `topic` and template (what the delivery engine would
  // send), which is marked required.
  std::string sent_code(const std::string& topic, const std::string& template_key) {
    std::string code;
    store_->read([&](store::SqlConnection& db) {
      for (const auto& m : store::pending_outbox(db, 4'000'000'000LL, 1000)) {
        if (m.topic != topic) continue;
        const auto p = boost::json::parse(m.payload).as_object();
        if (p.at("template").as_string() != template_key) continue;
        EXPECT_EQ(p.at("required"), true);
        code = std::string(p.at("params").at("code").as_string());
      }
    });
    return code;
  }
  std::size_t outbox_rows() {
    std::size_t n = 0;
    store_->read([&](store::SqlConnection& db) {
      n = store::pending_outbox(db, 4'000'000'000LL, 1000).size();
    });
    return n;
  }
  CodeRequestOutcome sign_up(const std::string& address, std::int64_t now,
                             const std::string& client = "10.0.0.1") {
    const auto prepared = prepare_sign_up("Nguyễn Văn An", address, "mật khẩu rất dài", "vi");
    EXPECT_TRUE(prepared);
    CodeRequestOutcome out;
    store_->write([&](store::SqlConnection& db) {
      out = request_sign_up(db, *prepared, client, now, "t" + std::to_string(now));
    });
    return out;
  }
  AppResult<void> verify(const std::string& address, const std::string& code, std::int64_t now) {
    AppResult<void> out;
    store_->write([&](store::SqlConnection& db) {
      out = verify_sign_up(db, address, code, now, "t" + std::to_string(now));
    });
    return out;
  }
  bool can_log_in(const std::string& username, const std::string& password) {
    bool ok = false;
    store_->read(
        [&](store::SqlConnection& db) { ok = authenticate(db, username, password).has_value(); });
    return ok;
  }

  test_support::AppTestDatabase database_{"otp"};
  std::unique_ptr<store::Store> store_ = database_.open();
};

TEST_F(OneTimeCodes, TheAccountExistsOnlyOnceTheCodeCameBackAndTheCodeServesOnce) {
  const auto sent = sign_up("An@Example.vn", 1000);
  EXPECT_EQ(sent.retry_after_s, 0);
  EXPECT_EQ(sent.channel, "mail");
  const auto code = sent_code("mail", "account_verify");
  ASSERT_EQ(code.size(), 6u);
  EXPECT_FALSE(can_log_in("an@example.vn", "mật khẩu rất dài")) << "not before verification";
  const std::string wrong = code == "000000" ? "000001" : "000000";
  EXPECT_EQ(verify("an@example.vn", wrong, 1010).error().code, "code_wrong");
  ASSERT_TRUE(verify(" AN@example.vn", code, 1020));
  EXPECT_TRUE(can_log_in("an@example.vn", "mật khẩu rất dài"));
  EXPECT_EQ(verify("an@example.vn", code, 1030).error().code, "code_expired") << "used once";
  // The code is stored hashed: its digits appear nowhere in the table.
  store_->read([&](store::SqlConnection& db) {
    for (const auto& r : db.query("SELECT code_hash FROM one_time_codes", {}))
      EXPECT_EQ(r.text(0).find(code), std::string::npos);
  });
}

TEST_F(OneTimeCodes, ACodeExpiresAfterTenMinutesAndDiesAfterFiveWrongTries) {
  sign_up("0912345678", 1000);
  const auto first = sent_code("sms", "account_verify");
  EXPECT_EQ(verify("+84 912 345 678", first, 1000 + kCodeSeconds).error().code, "code_expired");
  sign_up("0912345678", 2000);
  const auto second = sent_code("sms", "account_verify");
  const std::string wrong = second == "000000" ? "000001" : "000000";
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(verify("0912345678", wrong, 2001).error().code, "code_wrong");
  EXPECT_EQ(verify("0912345678", second, 2002).error().code, "code_expired");
  EXPECT_FALSE(can_log_in("0912345678", "mật khẩu rất dài"));
}

TEST_F(OneTimeCodes, AnAddressGetsThreeCodesAndAClientTenPerQuarterHour) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(sign_up("an@example.vn", 1000 + i).retry_after_s, 0);
  const auto refused = sign_up("an@example.vn", 1100);
  EXPECT_EQ(refused.retry_after_s, 1000 + kCodeWindowSeconds - 1100);
  EXPECT_EQ(refused.limited_by, "address");
  EXPECT_EQ(outbox_rows(), 3u) << "nothing sent when refused";
  EXPECT_EQ(sign_up("an@example.vn", 1000 + kCodeWindowSeconds).retry_after_s, 0);
  // Another client starts fresh; ten addresses from one client, then it waits.
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(sign_up("x" + std::to_string(i) + "@example.vn", 3000, "10.0.0.9").retry_after_s, 0);
  }
  EXPECT_EQ(sign_up("y@example.vn", 3001, "10.0.0.9").limited_by, "client");
}

TEST_F(OneTimeCodes, AResetAnswersAlikeForAnyAddressAndReplacesThePassword) {
  sign_up("an@example.vn", 1000);
  ASSERT_TRUE(verify("an@example.vn", sent_code("mail", "account_verify"), 1001));
  const auto rows_before = outbox_rows();
  AppResult<CodeRequestOutcome> known = tl::unexpected(AppError{}), unknown = known;
  store_->write([&](store::SqlConnection& db) {
    unknown = request_password_reset(db, "nobody@example.vn", "en", "10.0.0.2", 1100, "t");
    known = request_password_reset(db, "an@example.vn", "en", "10.0.0.2", 1100, "t");
  });
  ASSERT_TRUE(known && unknown);
  EXPECT_EQ(known->channel, unknown->channel);
  EXPECT_EQ(known->expires_in_s, unknown->expires_in_s);
  EXPECT_EQ(outbox_rows(), rows_before + 1) << "only the account's address gets a message";
  const auto code = sent_code("mail", "password_reset");
  auto confirm = [&](const std::string& address, const std::string& c) {
    auto prepared = prepare_code_reset(address, c, "mật khẩu mới rất dài");
    EXPECT_TRUE(prepared);
    AppResult<void> out;
    store_->write(
        [&](store::SqlConnection& db) { out = confirm_password_reset(db, *prepared, 1200, "t"); });
    return out;
  };
  EXPECT_EQ(confirm("nobody@example.vn", code).error().code, "code_wrong");
  ASSERT_TRUE(confirm("an@example.vn", code));
  EXPECT_TRUE(can_log_in("an@example.vn", "mật khẩu mới rất dài"));
  EXPECT_FALSE(can_log_in("an@example.vn", "mật khẩu rất dài"));
  EXPECT_EQ(prepare_code_reset("an@example.vn", "12ab56", "mật khẩu mới rất dài").error().detail,
            "code");
  // Who did what, in order: the requests anonymous, the results by the account.
  std::vector<std::string> actions;
  store_->read([&](store::SqlConnection& db) {
    for (const auto& r : db.query("SELECT action FROM audit_log ORDER BY seq", {}))
      actions.push_back(r.text(0));
  });
  EXPECT_EQ(actions,
            (std::vector<std::string>{
                "account.signup_requested", "account.signed_up", "account.password_reset_requested",
                "account.password_reset_requested", "user.password_reset_by_code"}));
}

// A citizen who signs up with a phone: the phone is kept only sealed (store/personal_data.hpp,
// migration 0061). No table lists it in clear -- not the user name, the pending sign-up, the code
// rows, the login counts or the audit rows -- and the account still logs in, resets its password
// and is found, whichever way the phone is typed (+84, spaces, dots).
TEST_F(OneTimeCodes, APhoneSignUpLogsInTypedAnyWayAndNoTableHoldsThePhoneInClear) {
  const std::string digits = "912345678";  // what any clear copy of 0912345678 would contain
  // Every text column of the tables a sign-up, a login and a reset write to.
  auto clear_copies = [&] {
    std::vector<std::string> found;
    store_->read([&](store::SqlConnection& db) {
      for (const auto* sql :
           {"SELECT id || ' ' || username || ' ' || email FROM users",
            "SELECT address_hash || ' ' || id || ' ' || address FROM pending_signups",
            "SELECT id || ' ' || address_hash || ' ' || address || ' ' || user_id FROM "
            "one_time_codes",
            "SELECT scope || ' ' || subject FROM login_failures",
            "SELECT action || ' ' || object || ' ' || reason || ' ' || details FROM audit_log"}) {
        for (const auto& r : db.query(sql, {}))
          if (r.text(0).find(digits) != std::string::npos) found.push_back(r.text(0));
      }
    });
    return found;
  };
  EXPECT_EQ(sign_up("+84 912 345 678", 1000).channel, "sms");
  EXPECT_EQ(clear_copies(), std::vector<std::string>{}) << "pending sign-up and code row";
  ASSERT_TRUE(verify("0912.345.678", sent_code("sms", "account_verify"), 1010));
  for (const auto* typed : {"0912345678", "+84912345678", "+84 912 345 678", "84 912.345.678"})
    EXPECT_TRUE(can_log_in(typed, "mật khẩu rất dài")) << typed;
  EXPECT_FALSE(can_log_in("0912345679", "mật khẩu rất dài"));
  store_->read([&](store::SqlConnection& db) {
    const auto row = db.query_one("SELECT username FROM users", {});
    ASSERT_TRUE(row);
    EXPECT_TRUE(row->text(0).starts_with("phone:")) << row->text(0);
  });
  // A second sign-up with the phone (typed otherwise) is taken; a reset reaches the account.
  EXPECT_EQ(sign_up("0912 345 678", 1100).retry_after_s, 0);
  EXPECT_EQ(outbox_rows(), 1u) << "an address in use gets no code";
  store_->write([&](store::SqlConnection& db) {
    ASSERT_TRUE(request_password_reset(db, "+84912345678", "vi", "10.0.0.2", 1200, "t"));
  });
  auto prepared =
      prepare_code_reset("0912345678", sent_code("sms", "password_reset"), "mật khẩu mới rất dài");
  ASSERT_TRUE(prepared);
  store_->write([&](store::SqlConnection& db) {
    ASSERT_TRUE(confirm_password_reset(db, *prepared, 1210, "t"));
  });
  EXPECT_TRUE(can_log_in("+84 912 345 678", "mật khẩu mới rất dài"));
  EXPECT_EQ(clear_copies(), std::vector<std::string>{});
}

}  // namespace
}  // namespace motcua::app
