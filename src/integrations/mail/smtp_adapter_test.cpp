// The adapter against a real SMTP server: Debian's python3-aiosmtpd on loopback, writing what it
// receives to a maildir that the test reads.
#include "integrations/mail/smtp_adapter.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <tuple>

#include "integrations/mail/smtp_setup.hpp"
// The SMTP server the integration tests use too (aiosmtpd on loopback).
#include "../../../tests/integration/smtp_server.hpp"

namespace motcua::integrations {
namespace {

namespace fs = std::filesystem;
using app::delivery::DeliveryOutcome;

class SmtpAdapterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("motcua-smtp-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    server_ = std::make_unique<testing::SmtpServer>(dir_);
    adapter_ = make_smtp_adapter(server_->url(), "motcua@tinh.gov.vn", "https://motcua.example",
                                 std::string(MOTCUA_SOURCE_DIR) + "/" + kMailTemplatesFile);
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(dir_);
  }

  static app::delivery::OutgoingMessage received_notice() {
    return {7, "mail", "d_1:2:mail",
            R"({"to":"an@example.vn","lang":"vi","template":"dossier_received","required":false,
                "dossier_id":"d_1","params":{"applicant_name":"Nguyễn Văn An",
                "dossier_code":"000.00.01.H01-261206-0001","procedure_name":"Cấp phép",
                "agency_name":"UBND xã","received_date":"06/12/2026","due_date":"18/12/2026",
                "tracking_url":"/track?code=000.00.01.H01-261206-0001"}})",
            0};
  }

  fs::path dir_;
  std::unique_ptr<testing::SmtpServer> server_;
  std::shared_ptr<app::delivery::DeliveryAdapter> adapter_;
};

TEST_F(SmtpAdapterTest, ANoticeArrivesAtTheSmtpServerWithItsMessageId) {
  server_->start();
  const auto result = adapter_->deliver(received_notice());
  ASSERT_EQ(result.outcome, DeliveryOutcome::delivered) << result.error;
  const auto mails = server_->received();
  ASSERT_EQ(mails.size(), 1u);
  const auto& mail = mails.front();
  EXPECT_NE(mail.find("To: an@example.vn"), std::string::npos);
  EXPECT_NE(mail.find("Message-ID: " + result.partner_ref), std::string::npos);
  EXPECT_NE(mail.find("List-Unsubscribe: <https://motcua.example/my#notification-preferences>"),
            std::string::npos);
  EXPECT_NE(mail.find("=?UTF-8?B?"), std::string::npos);
  // Python's own mail parser reads the subject and both parts back: the encoding is standard.
  const auto file = dir_ / "received.eml";
  std::ofstream(file, std::ios::binary) << mail;
  const std::string script =
      "import email,email.header,email.policy,sys;"
      "m=email.message_from_binary_file(open(sys.argv[1],'rb'),policy=email.policy.default);"
      "print(m['Subject']);"
      "print(m.get_body(('plain',)).get_content());"
      "print(m.get_body(('html',)).get_content())";
  const std::string command = "/usr/bin/python3 -c \"" + script + "\" " + file.string();
  std::string parsed;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, p)) > 0) parsed.append(buffer, n);
    pclose(p);
  }
  EXPECT_NE(parsed.find("Đã tiếp nhận hồ sơ 000.00.01.H01-261206-0001 - hẹn trả 18/12/2026"),
            std::string::npos)
      << parsed;
  EXPECT_NE(parsed.find("Kính gửi Nguyễn Văn An"), std::string::npos) << parsed;
  EXPECT_NE(parsed.find("https://motcua.example/track?code=000.00.01.H01-261206-0001"),
            std::string::npos)
      << parsed;
  EXPECT_NE(parsed.find("<b>000.00.01.H01-261206-0001</b>"), std::string::npos) << parsed;
  // What the serve-level test (tests/integration/mail_test.cpp) reads: the code and the due date.
  const auto readable = testing::readable_mail(mail);
  EXPECT_NE(readable.find("000.00.01.H01-261206-0001"), std::string::npos) << readable;
  EXPECT_NE(readable.find("18/12/2026"), std::string::npos) << readable;
  // The same notice again (a retry after a lost answer) carries the same Message-ID.
  const auto again = adapter_->deliver(received_notice());
  EXPECT_EQ(again.partner_ref, result.partner_ref);
}

TEST_F(SmtpAdapterTest, ServerDownIsRetriedAndDeliveredOnceItIsBack) {
  const auto down = adapter_->deliver(received_notice());
  EXPECT_EQ(down.outcome, DeliveryOutcome::retry);
  EXPECT_FALSE(down.error.empty());
  server_->start();
  EXPECT_EQ(adapter_->deliver(received_notice()).outcome, DeliveryOutcome::delivered);
  EXPECT_EQ(server_->received().size(), 1u);
}

TEST_F(SmtpAdapterTest, APayloadThatCannotMakeAMailIsDead) {
  auto message = received_notice();
  message.payload = R"({"to":"","template":"dossier_received","params":{}})";
  EXPECT_EQ(adapter_->deliver(message).outcome, DeliveryOutcome::dead);
  message.payload = R"({"to":"an@example.vn","template":"no_such","params":{}})";
  EXPECT_EQ(adapter_->deliver(message).outcome, DeliveryOutcome::dead);
}

TEST_F(SmtpAdapterTest, ATransientRefusalIsRetriedAndAPermanentOneIsDead) {
  server_ = std::make_unique<testing::SmtpServer>(dir_, "smtp_replies.Replies");
  adapter_ = make_smtp_adapter(server_->url(), "motcua@tinh.gov.vn", "",
                               std::string(MOTCUA_SOURCE_DIR) + "/" + kMailTemplatesFile);
  server_->start();
  auto message = received_notice();
  for (const auto& [to, outcome, code] :
       {std::tuple{"busy@example.vn", DeliveryOutcome::retry, "451"},
        std::tuple{"nobody@example.vn", DeliveryOutcome::dead, "550"},
        std::tuple{"an@example.vn", DeliveryOutcome::delivered, ""}}) {
    message.payload = R"({"to":")" + std::string(to) +
                      R"(","lang":"vi","template":"result_ready","required":false,"params":{}})";
    const auto result = adapter_->deliver(message);
    EXPECT_EQ(result.outcome, outcome) << to << ": " << result.error;
    EXPECT_NE(result.error.find(code), std::string::npos) << result.error;
  }
  EXPECT_EQ(server_->received().size(), 1u);
}

TEST(ClassifySmtp, TransientRepliesRetryPermanentOnesAreDead) {
  EXPECT_EQ(classify_smtp({true, 250, ""}), DeliveryOutcome::delivered);
  EXPECT_EQ(classify_smtp({false, 451, "try later"}), DeliveryOutcome::retry);
  EXPECT_EQ(classify_smtp({false, 550, "no such user"}), DeliveryOutcome::dead);
  EXPECT_EQ(classify_smtp({false, 0, "connection refused"}), DeliveryOutcome::retry);
}

TEST(SmtpSetup, SmtpWithoutASenderAddressIsRefusedAtStart) {
  EXPECT_THROW(make_smtp_adapter("smtp://127.0.0.1:25", "", ""), std::invalid_argument);
  EXPECT_THROW(make_smtp_adapter("http://127.0.0.1:25", "a@b.vn", ""), std::invalid_argument);
}

}  // namespace
}  // namespace motcua::integrations
