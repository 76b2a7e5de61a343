#include "codec/demo_config.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace motcua::codec {
namespace {

TEST(DemoConfig, ReadsEveryPartInFileOrder) {
  const auto config = parse_demo_config(R"({
    "province": "37", "password": "mat-khau-demo",
    "agency_codes": {"province-37": "000.00.00.H42", "commune-1": "000.00.01.H42"},
    "departments": [{"id": "so-37", "code": "C", "name": "Sở", "name_en": "Dept"}],
    "one_stop_units": [{"id": "mc-1", "agency_id": "commune-1", "name": "Một cửa"}],
    "officials": [{"username": "lanhdao", "name": "Lãnh Đạo",
                   "roles": [["leader", "so-37"], ["reception"]]}],
    "citizens": [{"username": "congdan", "name": "Công Dân", "id_number": "0370",
                  "email": "a@example.vn", "phone": "09"}],
    "applicant_names": ["Nguyễn Văn A", 5],
    "procedures": [{"code": "1.1", "level": "commune", "limits": {"counter": "1 working-days"}},
                   {"code": "2.2", "level": "province", "department": "so-37", "rule": "civil-code"}]
  })");
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->province, "37");
  ASSERT_EQ(config->agency_codes.size(), 2u);
  EXPECT_EQ(config->agency_codes[1].first, "commune-1");
  EXPECT_EQ(config->departments.at(0).name_en, "Dept");
  EXPECT_EQ(config->one_stop_units.at(0).address, "");
  ASSERT_EQ(config->officials.at(0).roles.size(), 1u);  // the incomplete pair is skipped
  EXPECT_EQ(config->citizens.at(0).id_number, "0370");
  EXPECT_EQ(config->applicant_names.size(), 1u);
  EXPECT_EQ(config->procedures.at(0).limits, R"({"counter":"1 working-days"})");
  EXPECT_EQ(config->procedures.at(1).limits, "{}");
  EXPECT_EQ(config->procedures.at(1).department, "so-37");
}

TEST(DemoConfig, RefusesWhatCannotDriveADemo) {
  EXPECT_FALSE(parse_demo_config("[1]"));
  EXPECT_FALSE(parse_demo_config("{bad"));
  EXPECT_FALSE(parse_demo_config(R"({"applicant_names": ["A"]})"));
  EXPECT_FALSE(parse_demo_config(R"({"procedures": [{"code": "1"}]})"));
}

TEST(DemoConfig, TheShippedProvinceParses) {
  std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/data/demo/ninh-binh.json");
  std::stringstream text;
  text << in.rdbuf();
  const auto config = parse_demo_config(text.str());
  ASSERT_TRUE(config) << config.error();
  EXPECT_EQ(config->province, "37");
  EXPECT_FALSE(config->officials.empty());
  EXPECT_FALSE(config->citizens.empty());
}

}  // namespace
}  // namespace motcua::codec
