// The SMS adapter against the gateway emulator (tools/emulators/sms_gateway.py) over real HTTP on
// loopback: what the gateway takes, what it refuses, and how a misbehaving gateway is classified.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "integrations/sms/sms_gateway.hpp"
#include "integrations/testing/python_emulator.hpp"

namespace motcua::integrations::sms {
namespace {

using app::delivery::DeliveryOutcome;
using app::delivery::OutgoingMessage;
namespace fs = std::filesystem;

fs::path write_secret(const std::string& name, const std::string& value) {
  const fs::path file =
      fs::temp_directory_path() / ("motcua-sms-" + std::to_string(getpid()) + "-" + name);
  std::ofstream(file) << value << "\n";
  return file;
}

class SmsGatewayLoopback : public ::testing::Test {
 protected:
  SmsGatewayLoopback()
      : secret_(write_secret("secret", "gateway-secret")),
        gateway_(MOTCUA_SOURCE_DIR, "tools/emulators/sms_gateway.py",
                 {"--secret-file", secret_.string(), "--brandname", "UBND-NB"}) {}
  ~SmsGatewayLoopback() override { fs::remove(secret_); }

  SmsGatewayAdapter adapter(const fs::path& secret, const std::string& brandname = "UBND-NB") {
    SmsGatewayConfig config;
    config.url = gateway_.url() + "/sms/send";
    config.brandname = brandname;
    config.secret_file = secret;
    config.timeout = std::chrono::milliseconds(1500);
    auto templates = load_sms_templates(MOTCUA_SOURCE_DIR "/data/notifications/sms-templates.json");
    return SmsGatewayAdapter(config, *templates, MobileNumbering{});
  }

  static OutgoingMessage message(const std::string& key, const std::string& to = "0912345678") {
    return {1, "sms", key,
            R"({"to":")" + to +
                R"(","lang":"vi","template":"result_ready","required":false,"dossier_id":"9",)"
                R"("params":{"dossier_code":"H42-9","agency_name":"UBND xã Gia Viễn",)"
                R"("tracking_url":"https://motcua.example/t/9"}})",
            0};
  }

  fs::path secret_;
  testing::PythonEmulator gateway_;
};

TEST_F(SmsGatewayLoopback, ASignedMessageIsDeliveredWithTheGatewaysMessageId) {
  auto sms = adapter(secret_);
  const auto r = sms.deliver(message("sms-1"));
  ASSERT_EQ(r.outcome, DeliveryOutcome::delivered) << r.error;
  EXPECT_EQ(r.partner_ref, "SMS-000001");
  const auto received = gateway_.received();
  ASSERT_EQ(received.size(), 1u);
  const auto& body = received[0].at("body").as_object();
  EXPECT_EQ(body.at("phone").as_string(), "84912345678");
  EXPECT_EQ(body.at("request_id").as_string(), "sms-1");
  EXPECT_EQ(body.at("message").as_string(),
            "Ho so H42-9 da co ket qua, moi nhan tai UBND xa Gia Vien. Tra cuu: "
            "https://motcua.example/t/9");
}

TEST_F(SmsGatewayLoopback, AUnicodeGatewayGetsTheAccentedTextDeclaredAsUnicode) {
  SmsGatewayConfig config;
  config.url = gateway_.url();
  config.brandname = "UBND-NB";
  config.secret_file = secret_;
  config.charset = SmsCharset::unicode;
  SmsGatewayAdapter sms(
      config, *load_sms_templates(MOTCUA_SOURCE_DIR "/data/notifications/sms-templates.json"),
      MobileNumbering{});
  const auto r = sms.deliver(message("sms-u"));
  ASSERT_EQ(r.outcome, DeliveryOutcome::delivered) << r.error;
  const auto received = gateway_.received();
  ASSERT_EQ(received.size(), 1u);
  const auto& body = received[0].at("body").as_object();
  EXPECT_TRUE(body.at("unicode").as_bool());
  EXPECT_EQ(body.at("segments").as_int64(), 2);
  EXPECT_NE(std::string(body.at("message").as_string()).find("Hồ sơ H42-9 đã có kết quả"),
            std::string::npos);
}

TEST_F(SmsGatewayLoopback, AWrongSecretIsRefusedByTheGatewayAndDead) {
  const auto wrong = write_secret("wrong", "not-the-secret");
  auto sms = adapter(wrong);
  const auto r = sms.deliver(message("sms-2"));
  fs::remove(wrong);
  EXPECT_EQ(r.outcome, DeliveryOutcome::dead);
  EXPECT_NE(r.error.find("invalid signature"), std::string::npos) << r.error;
}

TEST_F(SmsGatewayLoopback, AnUnregisteredBrandnameIsDead) {
  auto sms = adapter(secret_, "OTHER");
  const auto r = sms.deliver(message("sms-3"));
  EXPECT_EQ(r.outcome, DeliveryOutcome::dead);
  EXPECT_NE(r.error.find("104"), std::string::npos) << r.error;
}

TEST_F(SmsGatewayLoopback, ServerErrorGarbageAndNoAnswerAreRetried) {
  auto sms = adapter(secret_);
  gateway_.control("error500");
  EXPECT_EQ(sms.deliver(message("sms-4")).outcome, DeliveryOutcome::retry);
  gateway_.control("garbage");
  EXPECT_EQ(sms.deliver(message("sms-4")).outcome, DeliveryOutcome::retry);
  gateway_.control("slow", 1, 2500);  // longer than the adapter's 1.5 s timeout
  const auto slow = sms.deliver(message("sms-4"));
  EXPECT_EQ(slow.outcome, DeliveryOutcome::retry);
  EXPECT_NE(slow.error.find("no answer"), std::string::npos) << slow.error;
}

TEST_F(SmsGatewayLoopback, ARepeatAfterALostAnswerIsADuplicateNotASecondMessage) {
  auto sms = adapter(secret_);
  // The gateway takes the message but answers after the adapter gave up: the engine retries.
  gateway_.control("slow", 1, 2500);
  EXPECT_EQ(sms.deliver(message("sms-5")).outcome, DeliveryOutcome::retry);
  std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // the slow answer is done
  const auto again = sms.deliver(message("sms-5"));
  ASSERT_EQ(again.outcome, DeliveryOutcome::delivered) << again.error;
  EXPECT_EQ(again.partner_ref, "SMS-000001");
  const auto received = gateway_.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_FALSE(received[0].at("duplicate").as_bool());
  EXPECT_TRUE(received[1].at("duplicate").as_bool());
}

TEST_F(SmsGatewayLoopback, AnEmptyBalanceIsRetriedNotLost) {
  testing::PythonEmulator empty(
      MOTCUA_SOURCE_DIR, "tools/emulators/sms_gateway.py",
      {"--secret-file", secret_.string(), "--brandname", "UBND-NB", "--balance", "0"});
  SmsGatewayConfig config;
  config.url = empty.url();
  config.brandname = "UBND-NB";
  config.secret_file = secret_;
  SmsGatewayAdapter sms(
      config, *load_sms_templates(MOTCUA_SOURCE_DIR "/data/notifications/sms-templates.json"),
      MobileNumbering{});
  const auto r = sms.deliver(message("sms-6"));
  EXPECT_EQ(r.outcome, DeliveryOutcome::retry);
  EXPECT_NE(r.error.find("103"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace motcua::integrations::sms
