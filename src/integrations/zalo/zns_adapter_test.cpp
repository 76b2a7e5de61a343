#include "integrations/zalo/zns_adapter.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace motcua::integrations::zalo {
namespace {

using app::delivery::DeliveryOutcome;

ZnsTemplates templates() {
  auto loaded = load_zns_templates(MOTCUA_SOURCE_DIR "/data/notifications/zalo-templates.json");
  EXPECT_TRUE(loaded) << loaded.error();
  return loaded ? *loaded : ZnsTemplates{};
}

TEST(ZnsTemplatesFile, MapsEveryTemplateKeyOfTheContract) {
  const auto t = templates();
  for (const char* key : {"dossier_received", "supplement_requested", "fee_due", "apology",
                          "result_ready", "result_returned", "dossier_refused", "official_due_soon",
                          "official_overdue", "official_step_overrun"}) {
    ASSERT_TRUE(t.contains(key)) << key;
    EXPECT_FALSE(t.at(key).template_id.empty());
    EXPECT_FALSE(t.at(key).params.empty());
  }
}

TEST(BuildZnsBody, IsZalosShapeWithTheTemplatesParameterNames) {
  PhoneNotice n;
  n.phone = "84912345678";
  n.template_key = "supplement_requested";
  n.params.text = {{"applicant_name", "Nguyễn Thị Minh Khai Phương Hoàng Anh Thư"},
                   {"dossier_code", "H42-1"},
                   {"reasons", "Thiếu bản sao"}};
  n.params.lists = {{"papers", {"Tờ khai", "Giấy chứng sinh"}}};
  const auto body = build_zns_body(n, templates(), "outbox-7");
  ASSERT_TRUE(body) << body.error();
  const auto o = boost::json::parse(*body).as_object();
  EXPECT_EQ(o.at("phone").as_string(), "84912345678");
  EXPECT_EQ(o.at("template_id").as_string(), templates().at("supplement_requested").template_id);
  EXPECT_EQ(o.at("tracking_id").as_string(), "outbox-7");
  const auto& data = o.at("template_data").as_object();
  EXPECT_EQ(data.at("ma_ho_so").as_string(), "H42-1");
  EXPECT_EQ(data.at("giay_to").as_string(), "Tờ khai, Giấy chứng sinh");
  // The name is 41 characters; a customer-name parameter takes 30.
  EXPECT_EQ(data.at("ten_nguoi_nop").as_string(), "Nguyễn Thị Minh Khai Phương H…");
}

TEST(BuildZnsBody, AnUnknownTemplateKeyIsRefused) {
  PhoneNotice n;
  n.template_key = "no_such";
  EXPECT_FALSE(build_zns_body(n, templates(), "k"));
}

TEST(ClassifyZnsError, QuotaAndTokenAreRetriedRefusalsAreDead) {
  const auto ok = classify_zns_error(0, "Success", "a1b2");
  EXPECT_EQ(ok.outcome, DeliveryOutcome::delivered);
  EXPECT_EQ(ok.partner_ref, "a1b2");
  for (int retry : {-100, -115, -124})
    EXPECT_EQ(classify_zns_error(retry, "x", "").outcome, DeliveryOutcome::retry) << retry;
  for (int dead : {-108, -109, -111, -112, -118}) {
    const auto r = classify_zns_error(dead, "Phone number invalid", "");
    EXPECT_EQ(r.outcome, DeliveryOutcome::dead) << dead;
    EXPECT_NE(r.error.find("Phone number invalid"), std::string::npos);
  }
}

TEST(ClassifyZnsError, AnUnlistedCodeNamingAPassingConditionIsRetried) {
  EXPECT_EQ(classify_zns_error(-144, "OA has exceeded daily Quota", "").outcome,
            DeliveryOutcome::retry);
  EXPECT_EQ(classify_zns_error(-201, "Invalid access token", "").outcome, DeliveryOutcome::retry);
  EXPECT_EQ(classify_zns_error(-139, "User refused to receive ZNS", "").outcome,
            DeliveryOutcome::dead);
}

}  // namespace
}  // namespace motcua::integrations::zalo
