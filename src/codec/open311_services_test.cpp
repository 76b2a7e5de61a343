#include "codec/open311_services.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace motcua::codec {
namespace {

std::string shipped() {
  std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/data/templates/open311-services.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The shipped file is what /open311/v2/services.json serves: a broken file would silently offer
// no service, so its shape is checked here.
TEST(Open311Services, TheShippedFileOffersEveryKindWithTheProcedureAsked) {
  const auto services = parse_open311_services(shipped());
  ASSERT_TRUE(services) << services.error();
  ASSERT_EQ(services->size(), 5u);
  for (const auto& s : *services) {
    EXPECT_TRUE(s.metadata()) << s.service_code;
    ASSERT_FALSE(s.attributes.empty());
    EXPECT_EQ(s.attributes.front().code, "procedure_code") << s.service_code;
    EXPECT_TRUE(s.attributes.front().required);
  }
  const auto& behaviour = services->front().attributes.at(1);
  EXPECT_EQ(behaviour.datatype, "singlevaluelist");
  EXPECT_EQ(behaviour.values.size(), 4u);
}

TEST(Open311Services, RefusesAListWithoutValuesAndAnUnknownDatatype) {
  const auto no_values = parse_open311_services(
      R"({"services":[{"service_code":"A","service_name":"a","attributes":[{"code":"x",
      "description":"d","datatype":"singlevaluelist"}]}]})");
  ASSERT_FALSE(no_values);
  EXPECT_NE(no_values.error().find("values"), std::string::npos);
  const auto unknown = parse_open311_services(
      R"({"services":[{"service_code":"A","service_name":"a","attributes":[{"code":"x",
      "description":"d","datatype":"picture"}]}]})");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().find("picture"), std::string::npos);
  EXPECT_FALSE(parse_open311_services(R"({"services":[{"service_name":"no code"}]})"));
}

}  // namespace
}  // namespace motcua::codec
