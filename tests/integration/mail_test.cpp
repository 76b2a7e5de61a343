// Notices to applicants (issue 14 point 2): the preferences endpoint, the rows a counter intake
// writes to the outbox, and (once `motcua serve` runs the delivery engine) the mail a real SMTP
// server (python3-aiosmtpd on loopback) receives.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "../run_process.hpp"
#include "api_client.hpp"
#include "fixture.hpp"
#include "server_process.hpp"
#include "smtp_server.hpp"
#include "store/outbox.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class Mail : public ::testing::Test {
 protected:
  void SetUp() override { seed_fixture(db_); }

  // A counter intake at c1 for An, whose e-mail address is on the form.
  std::string counter_intake(int port) {
    ApiClient reception(port);
    EXPECT_EQ(reception.login("tiepnhan", kPassword), 200);
    auto created = reception.post(
        "/api/v1/dossiers",
        json::object{
            {"procedure_code", "1.001193"},
            {"agency_id", "c1"},
            {"receiving_unit_id", "u1"},
            {"channel", "counter"},
            {"applicant",
             {{"name", "Nguyễn Văn An"}, {"id_number", "001"}, {"email", "an@example.vn"}}}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    code_ = std::string(created.body.at("code").as_string());
    // "2026-03-12T17:00:00+07:00" -> "12/03/2026"
    const std::string due(created.body.at("due").as_string());
    due_ = due.substr(8, 2) + "/" + due.substr(5, 2) + "/" + due.substr(0, 4);
    return std::string(created.body.at("id").as_string());
  }

  std::vector<store::OutboxMessage> outbox(const std::string& topic) {
    std::vector<store::OutboxMessage> out;
    auto store = store::open_store(db_);
    store->read([&](store::SqlConnection& db) {
      for (const auto& m : store::pending_outbox(db, 4'000'000'000LL, 1000))
        if (m.topic == topic) out.push_back(m);
    });
    return out;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::string code_;
  std::string due_;
};

TEST_F(Mail, AnApplicantKeepsTheirPreferencesAndOfficialsHaveNone) {
  ServerProcess server(kBinary, db_);
  ApiClient an(server.port()), reception(server.port());
  ASSERT_EQ(an.login("an", kPassword), 200);
  ASSERT_EQ(reception.login("tiepnhan", kPassword), 200);
  const std::string url = "/api/v1/me/notification-preferences";

  auto defaults = an.get(url);
  ASSERT_EQ(defaults.status, 200) << defaults.raw.body;
  EXPECT_EQ(defaults.body.at("mail"), true);
  EXPECT_EQ(defaults.body.at("optional_notices"), true);
  EXPECT_EQ(defaults.body.at("language"), "vi");
  EXPECT_EQ(defaults.body.at("email"), "an@example.vn");
  EXPECT_TRUE(defaults.body.at("updated_at").is_null());

  const json::object change{{"mail", true},     {"sms", false},
                            {"zalo", false},    {"optional_notices", false},
                            {"language", "en"}, {"reason", "chỉ thư"}};
  auto saved = an.call("PUT", url, json::serialize(change), {{"Content-Type", "application/json"}});
  ASSERT_EQ(saved.status, 200) << saved.raw.body;
  EXPECT_EQ(saved.body.at("sms"), false);
  EXPECT_EQ(an.get(url).body.at("language"), "en");
  EXPECT_FALSE(an.get(url).body.at("updated_at").is_null());

  // Every 422 names the field.
  json::object wrong = change;
  wrong["language"] = "fr";
  auto refused =
      an.call("PUT", url, json::serialize(wrong), {{"Content-Type", "application/json"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.raw.body.find("language"), std::string::npos);
  wrong = change;
  wrong.erase("sms");
  refused = an.call("PUT", url, json::serialize(wrong), {{"Content-Type", "application/json"}});
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.raw.body.find("sms"), std::string::npos);

  EXPECT_EQ(reception.get(url).status, 403);
}

TEST_F(Mail, ACounterIntakeWritesAMailRowWithTheCodeAndTheAppointment) {
  ServerProcess server(kBinary, db_, {"--fake-now", "2026-03-09T09:00"});
  counter_intake(server.port());
  const auto mails = outbox("mail");
  ASSERT_EQ(mails.size(), 1u);
  const auto payload = json::parse(mails[0].payload).as_object();
  EXPECT_EQ(payload.at("to"), "an@example.vn");
  EXPECT_EQ(payload.at("template"), "dossier_received");
  EXPECT_EQ(payload.at("status"), "received");
  EXPECT_EQ(payload.at("params").at("dossier_code").as_string(), code_);
  EXPECT_EQ(payload.at("params").at("due_date").as_string(), due_);
  EXPECT_TRUE(outbox("notify.applicant").empty());
  EXPECT_TRUE(outbox("sms").empty());  // no phone on the form
}

TEST_F(Mail, TheMailReachesARealSmtpServerWithinSecondsAndWaitsWhileItIsDown) {
  SmtpServer smtp(dir_.file("maildir"));
  smtp.start();
  {
    ServerProcess server(kBinary, db_, {"--smtp", smtp.url(), "--mail-from", "motcua@tinh.gov.vn"});
    counter_intake(server.port());
    const auto mails = smtp.wait_for(1, std::chrono::seconds(10));
    ASSERT_EQ(mails.size(), 1u);
    const auto text = readable_mail(mails[0]);
    EXPECT_NE(text.find("To: an@example.vn"), std::string::npos) << text;
    EXPECT_NE(text.find(code_), std::string::npos) << text;
    EXPECT_NE(text.find(due_), std::string::npos) << text;
    EXPECT_NE(text.find("Message-ID: <"), std::string::npos) << text;
  }
  // The SMTP server down: the next notice waits in the outbox, and goes once it is back.
  smtp.stop();
  {
    ServerProcess server(kBinary, db_, {"--smtp", smtp.url(), "--mail-from", "motcua@tinh.gov.vn"});
    counter_intake(server.port());
    std::this_thread::sleep_for(std::chrono::seconds(2));
    EXPECT_EQ(smtp.received().size(), 1u);
  }
  smtp.start();
  // `deliver --once` sends what is due: the failed row waits out its backoff (a few seconds after
  // the failures above), as the cron job that runs it would.
  for (int i = 0; i < 30 && smtp.received().size() < 2; ++i) {
    const auto delivered = run_process(kBinary + " deliver --once --db '" + db_ + "' --smtp " +
                                       smtp.url() + " --mail-from motcua@tinh.gov.vn");
    EXPECT_EQ(delivered.status, 0) << delivered.err;
    if (smtp.received().size() < 2) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  const auto mails = smtp.wait_for(2, std::chrono::seconds(10));
  ASSERT_EQ(mails.size(), 2u);
}

}  // namespace
}  // namespace motcua::testing
