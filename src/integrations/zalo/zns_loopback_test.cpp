// The ZNS adapter against the Zalo emulator (tools/emulators/zalo_zns.py) over real HTTP on
// loopback.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "integrations/testing/python_emulator.hpp"
#include "integrations/zalo/zns_adapter.hpp"

namespace motcua::integrations::zalo {
namespace {

using app::delivery::DeliveryOutcome;
using app::delivery::OutgoingMessage;
namespace fs = std::filesystem;

fs::path write_token(const std::string& name, const std::string& value) {
  const fs::path file =
      fs::temp_directory_path() / ("motcua-zns-" + std::to_string(getpid()) + "-" + name);
  std::ofstream(file) << value << "\n";
  return file;
}

class ZnsLoopback : public ::testing::Test {
 protected:
  ZnsLoopback()
      : token_(write_token("token", "oa-access-token")),
        zalo_(MOTCUA_SOURCE_DIR, "tools/emulators/zalo_zns.py",
              {"--token-file", token_.string(), "--quota", "3"}) {}
  ~ZnsLoopback() override { fs::remove(token_); }

  ZnsAdapter adapter(const fs::path& token) {
    ZnsConfig config;
    config.url = zalo_.url() + "/";
    config.token_file = token;
    config.timeout = std::chrono::milliseconds(1500);
    auto templates =
        load_zns_templates(MOTCUA_SOURCE_DIR "/data/notifications/zalo-templates.json");
    return ZnsAdapter(config, *templates, MobileNumbering{});
  }

  static OutgoingMessage message(const std::string& key, const std::string& to = "0912345678") {
    return {1, "zalo", key,
            R"({"to":")" + to +
                R"(","lang":"vi","template":"dossier_received","required":false,)"
                R"("dossier_id":"9","params":{"applicant_name":"Trần Văn Bình",)"
                R"("dossier_code":"H42-9","procedure_name":"Đăng ký khai sinh",)"
                R"("agency_name":"UBND xã Gia Viễn","received_date":"05/01/2027",)"
                R"("due_date":"06/01/2027"}})",
            0};
  }

  fs::path token_;
  testing::PythonEmulator zalo_;
};

TEST_F(ZnsLoopback, ANoticeIsDeliveredWithZalosMessageId) {
  auto zns = adapter(token_);
  const auto r = zns.deliver(message("zns-1"));
  ASSERT_EQ(r.outcome, DeliveryOutcome::delivered) << r.error;
  EXPECT_EQ(r.partner_ref, "zns0000000001");
  const auto received = zalo_.received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].at("path").as_string(), "/message/template");
  EXPECT_EQ(received[0].at("headers").as_object().at("access_token").as_string(),
            "oa-access-token");
  const auto& body = received[0].at("body").as_object();
  EXPECT_EQ(body.at("phone").as_string(), "84912345678");
  EXPECT_EQ(body.at("tracking_id").as_string(), "zns-1");
  EXPECT_EQ(body.at("template_data").as_object().at("ma_ho_so").as_string(), "H42-9");
}

TEST_F(ZnsLoopback, AnExpiredTokenIsRetriedAndARefreshedTokenFileIsTaken) {
  const auto token = write_token("rotating", "expired-token");
  auto zns = adapter(token);
  const auto refused = zns.deliver(message("zns-2"));
  EXPECT_EQ(refused.outcome, DeliveryOutcome::retry);
  EXPECT_NE(refused.error.find("-124"), std::string::npos) << refused.error;
  std::ofstream(token) << "oa-access-token\n";
  EXPECT_EQ(zns.deliver(message("zns-2")).outcome, DeliveryOutcome::delivered);
  fs::remove(token);
}

TEST_F(ZnsLoopback, ANumberWithoutZaloIsDead) {
  auto zns = adapter(token_);
  const auto r = zns.deliver(message("zns-3", "0912000000"));
  EXPECT_EQ(r.outcome, DeliveryOutcome::dead);
  EXPECT_NE(r.error.find("-118"), std::string::npos) << r.error;
}

TEST_F(ZnsLoopback, ServerErrorGarbageAndNoAnswerAreRetried) {
  auto zns = adapter(token_);
  zalo_.control("error500");
  EXPECT_EQ(zns.deliver(message("zns-4")).outcome, DeliveryOutcome::retry);
  zalo_.control("garbage");
  EXPECT_EQ(zns.deliver(message("zns-4")).outcome, DeliveryOutcome::retry);
  zalo_.control("slow", 1, 2500);
  EXPECT_EQ(zns.deliver(message("zns-4")).outcome, DeliveryOutcome::retry);
}

TEST_F(ZnsLoopback, ARepeatWithTheSameTrackingIdIsADuplicate) {
  auto zns = adapter(token_);
  zalo_.control("slow", 1, 2500);
  EXPECT_EQ(zns.deliver(message("zns-5")).outcome, DeliveryOutcome::retry);
  std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // the slow answer is done
  const auto again = zns.deliver(message("zns-5"));
  ASSERT_EQ(again.outcome, DeliveryOutcome::delivered) << again.error;
  EXPECT_EQ(again.partner_ref, "zns0000000001");
  const auto received = zalo_.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_TRUE(received[1].at("duplicate").as_bool());
}

TEST_F(ZnsLoopback, AnExhaustedQuotaIsRetried) {
  auto zns = adapter(token_);
  for (const char* key : {"q1", "q2", "q3"})
    ASSERT_EQ(zns.deliver(message(key)).outcome, DeliveryOutcome::delivered);
  const auto r = zns.deliver(message("q4"));
  EXPECT_EQ(r.outcome, DeliveryOutcome::retry);
  EXPECT_NE(r.error.find("-115"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace motcua::integrations::zalo
