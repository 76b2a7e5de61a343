#include "integrations/sms/sms_gateway.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace motcua::integrations::sms {
namespace {

using app::delivery::DeliveryOutcome;

SmsTemplates templates() {
  auto loaded = load_sms_templates(MOTCUA_SOURCE_DIR "/data/notifications/sms-templates.json");
  EXPECT_TRUE(loaded) << loaded.error();
  return loaded ? *loaded : SmsTemplates{};
}

PhoneNotice notice(const std::string& key, const std::string& lang = "vi") {
  PhoneNotice n;
  n.phone = "84912345678";
  n.lang = lang;
  n.template_key = key;
  n.params.text = {{"dossier_code", "H42.26-0001"},
                   {"agency_name", "UBND xã Đồng Hướng"},
                   {"received_date", "05/01/2027"},
                   {"due_date", "15/01/2027"},
                   {"tracking_url", "https://motcua.example/t/H42"}};
  return n;
}

TEST(SmsTemplatesFile, HasBothLanguagesForEveryTemplateKeyOfTheContract) {
  const auto t = templates();
  for (const char* key : {"dossier_received", "supplement_requested", "fee_due", "apology",
                          "result_ready", "result_returned", "dossier_refused", "official_due_soon",
                          "official_overdue", "official_step_overrun"}) {
    ASSERT_TRUE(t.contains(key)) << key;
    EXPECT_FALSE(t.at(key).vi.empty());
    EXPECT_FALSE(t.at(key).en.empty());
  }
}

TEST(SignBody, IsHmacSha256InHex) {
  // RFC 4231, test case 2.
  EXPECT_EQ(sign_body("Jefe", "what do ya want for nothing?"),
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(RenderSms, FillsTheTemplateInTheNoticesLanguage) {
  const auto vi = render_sms(notice("dossier_received"), templates());
  ASSERT_TRUE(vi);
  EXPECT_EQ(*vi,
            "UBND xã Đồng Hướng đã nhận hồ sơ H42.26-0001 ngày 05/01/2027, hẹn trả 15/01/2027. "
            "Tra cứu: https://motcua.example/t/H42");
  const auto en = render_sms(notice("dossier_received", "en"), templates());
  EXPECT_NE(en->find("result due 15/01/2027"), std::string::npos);
  EXPECT_FALSE(render_sms(notice("no_such_key"), templates()));
}

TEST(BuildSmsRequest, CarriesBrandnamePhoneTextSegmentsAndTheRequestId) {
  SmsGatewayConfig config;
  config.brandname = "UBND-NB";
  const auto text = render_sms(notice("dossier_received"), templates());
  const auto request = build_sms_request(notice("dossier_received"), *text, config, "outbox-42");
  const auto body = boost::json::parse(request.body).as_object();
  EXPECT_EQ(body.at("brandname").as_string(), "UBND-NB");
  EXPECT_EQ(body.at("phone").as_string(), "84912345678");
  EXPECT_EQ(body.at("request_id").as_string(), "outbox-42");
  EXPECT_EQ(body.at("unicode").as_bool(), false);
  EXPECT_EQ(body.at("message").as_string(),
            "UBND xa Dong Huong da nhan ho so H42.26-0001 ngay 05/01/2027, hen tra 15/01/2027. "
            "Tra cuu: https://motcua.example/t/H42");
  EXPECT_EQ(body.at("segments").as_int64(), 1);
}

TEST(BuildSmsRequest, AUnicodeGatewayGetsTheMarksAndMorePartsAreCounted) {
  SmsGatewayConfig config;
  config.charset = SmsCharset::unicode;
  const auto text = render_sms(notice("dossier_received"), templates());
  const auto request = build_sms_request(notice("dossier_received"), *text, config, "k");
  const auto body = boost::json::parse(request.body).as_object();
  EXPECT_EQ(body.at("unicode").as_bool(), true);
  EXPECT_EQ(body.at("message").as_string(), *text);
  EXPECT_EQ(body.at("segments").as_int64(), 2);  // 118 UCS-2 characters
}

TEST(ClassifyGatewayCode, InvalidNumberOrBrandnameIsDeadThrottlingIsRetried) {
  EXPECT_EQ(classify_gateway_code(0, "ok", "M1").outcome, DeliveryOutcome::delivered);
  EXPECT_EQ(classify_gateway_code(0, "ok", "M1").partner_ref, "M1");
  EXPECT_EQ(classify_gateway_code(124, "duplicate", "M1").outcome, DeliveryOutcome::delivered);
  for (int dead : {101, 104, 108, 109, 777}) {
    const auto r = classify_gateway_code(dead, "refused", "");
    EXPECT_EQ(r.outcome, DeliveryOutcome::dead) << dead;
    EXPECT_NE(r.error.find(std::to_string(dead)), std::string::npos);
  }
  for (int retry : {103, 120, 199})
    EXPECT_EQ(classify_gateway_code(retry, "busy", "").outcome, DeliveryOutcome::retry) << retry;
}

TEST(SmsGatewayAdapter, AnInvalidNumberIsDeadWithoutCallingTheGateway) {
  SmsGatewayConfig config;
  config.url = "http://127.0.0.1:1/never";
  SmsGatewayAdapter adapter(config, templates(), MobileNumbering{});
  const auto r = adapter.deliver(
      {1, "sms", "k1", R"({"to":"0241234567","lang":"vi","template":"fee_due","params":{}})", 0});
  EXPECT_EQ(r.outcome, DeliveryOutcome::dead);
  EXPECT_NE(r.error.find("not a mobile"), std::string::npos);
}

TEST(SmsGatewayAdapter, AMissingSecretKeepsTheMessageForLater) {
  SmsGatewayConfig config;
  config.url = "http://127.0.0.1:1/never";
  config.secret_file = "/nonexistent/sms-secret";
  SmsGatewayAdapter adapter(config, templates(), MobileNumbering{});
  const auto r = adapter.deliver(
      {1, "sms", "k1", R"({"to":"0912345678","lang":"vi","template":"fee_due","params":{}})", 0});
  EXPECT_EQ(r.outcome, DeliveryOutcome::retry);
  EXPECT_NE(r.error.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace motcua::integrations::sms
