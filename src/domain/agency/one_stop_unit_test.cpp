#include "domain/agency/one_stop_unit.hpp"

#include <gtest/gtest.h>

#include "domain/agency/agency_test_support.hpp"

namespace motcua::agency {
namespace {

using test_support::kReform;
using test_support::make_agency;
using test_support::sample_agencies;

const Date kDay = date_from_ymd(2026, 3, 6);

AgencyTree tree_of(std::vector<Agency> agencies) {
  auto built = AgencyTree::build(std::move(agencies));
  EXPECT_TRUE(built.has_value());
  return built ? std::move(*built) : AgencyTree{};
}

OneStopUnit unit_of(std::string agency_id) {
  OneStopUnit unit;
  unit.id = "desk-" + agency_id;
  unit.name = "Bộ phận Một cửa " + agency_id;
  unit.agency_id = std::move(agency_id);
  return unit;
}

TEST(OneStopUnit, ReformDateConstant) {
  EXPECT_EQ(kProvinceWideReceptionFrom, date_from_ymd(2025, 7, 1));
  EXPECT_EQ(parse_reception_scope(to_string(ReceptionScope::province)), ReceptionScope::province);
  EXPECT_EQ(parse_reception_scope(to_string(ReceptionScope::own_agency)),
            ReceptionScope::own_agency);
  EXPECT_FALSE(parse_reception_scope("nation").has_value());
}

TEST(OneStopUnit, ProvincialCentreReceivesForItsWholeProvince) {
  const AgencyTree tree = tree_of(sample_agencies());
  const OneStopUnit centre = unit_of("p01");
  for (const char* id : {"p01", "p01-justice", "p01-justice-civil", "c00004", "c00008"}) {
    EXPECT_TRUE(can_receive_for(tree, centre, id, kDay)) << id;
  }
  EXPECT_FALSE(can_receive_for(tree, centre, "c26734", kDay));  // another province
  EXPECT_FALSE(can_receive_for(tree, centre, "moj", kDay));     // a ministry
  EXPECT_FALSE(can_receive_for(tree, centre, "nowhere", kDay));
}

// Rules digest case 17: submitted at commune centre A for a provincial department's procedure.
TEST(OneStopUnit, CommuneCentreReceivesAcrossItsProvinceSinceTheReform) {
  const AgencyTree tree = tree_of(sample_agencies());
  const OneStopUnit ward = unit_of("c00004");
  EXPECT_TRUE(can_receive_for(tree, ward, "c00004", kDay));
  EXPECT_TRUE(can_receive_for(tree, ward, "c00008", kDay));
  EXPECT_TRUE(can_receive_for(tree, ward, "p01-justice", kDay));
  EXPECT_TRUE(can_receive_for(tree, ward, "p01", kDay));
  EXPECT_FALSE(can_receive_for(tree, ward, "c26734", kDay));
  EXPECT_EQ(receivable_agencies(tree, ward, kDay).size(), 5u);
}

TEST(OneStopUnit, CommuneCentreBeforeTheReformReceivesOnlyForItself) {
  using enum AgencyKind;
  const Date old_from = date_from_ymd(2020, 1, 1);
  const AgencyTree tree = tree_of({
      make_agency("p", province, "", old_from),
      make_agency("a", commune, "p", old_from),
      make_agency("b", commune, "p", old_from),
  });
  const OneStopUnit unit = unit_of("a");
  const Date before = kReform - 1;
  EXPECT_EQ(default_scope(*tree.find("a"), before), ReceptionScope::own_agency);
  EXPECT_EQ(default_scope(*tree.find("a"), kReform), ReceptionScope::province);
  EXPECT_TRUE(can_receive_for(tree, unit, "a", before));
  EXPECT_FALSE(can_receive_for(tree, unit, "b", before));
  EXPECT_TRUE(can_receive_for(tree, unit, "b", kReform));
}

TEST(OneStopUnit, ScopeOverrideAndExtraAgencies) {
  const AgencyTree tree = tree_of(sample_agencies());
  OneStopUnit ward = unit_of("c00004");
  ward.scope = ReceptionScope::own_agency;
  EXPECT_TRUE(can_receive_for(tree, ward, "c00004", kDay));
  EXPECT_FALSE(can_receive_for(tree, ward, "p01-justice", kDay));
  ward.also_receives_for = {"p01-justice"};
  EXPECT_TRUE(can_receive_for(tree, ward, "p01-justice", kDay));
  EXPECT_TRUE(can_receive_for(tree, ward, "p01-justice-civil", kDay));
  EXPECT_FALSE(can_receive_for(tree, ward, "c00008", kDay));

  OneStopUnit centre = unit_of("p79");
  centre.also_receives_for = {"moj"};
  EXPECT_TRUE(can_receive_for(tree, centre, "moj", kDay));
}

TEST(OneStopUnit, MinistryDeskReceivesForItsOwnSubtree) {
  auto agencies = sample_agencies();
  agencies.push_back(
      make_agency("moj-registry", AgencyKind::other, "moj", date_from_ymd(2010, 1, 1)));
  const AgencyTree tree = tree_of(agencies);
  const OneStopUnit desk = unit_of("moj");
  EXPECT_EQ(default_scope(*tree.find("moj"), kDay), ReceptionScope::own_agency);
  EXPECT_TRUE(can_receive_for(tree, desk, "moj-registry", kDay));
  EXPECT_FALSE(can_receive_for(tree, desk, "p01", kDay));
}

TEST(OneStopUnit, BothAgenciesMustBeValidOnTheDay) {
  auto agencies = sample_agencies();
  const Date merged = date_from_ymd(2026, 4, 30);
  agencies.push_back(make_agency("c00010", AgencyKind::commune, "p01", kReform, merged));
  const AgencyTree tree = tree_of(agencies);
  EXPECT_TRUE(can_receive_for(tree, unit_of("p01"), "c00010", merged - 1));
  EXPECT_FALSE(can_receive_for(tree, unit_of("p01"), "c00010", merged));
  EXPECT_TRUE(can_receive_for(tree, unit_of("c00010"), "c00004", merged - 1));
  EXPECT_FALSE(can_receive_for(tree, unit_of("c00010"), "c00004", merged));
  EXPECT_FALSE(can_receive_for(tree, unit_of("nowhere"), "c00004", kDay));
  EXPECT_FALSE(can_receive_for(tree, unit_of("p01"), "c00004", kReform - 1));
}

TEST(OneStopUnitValidation, ReportsEveryProblem) {
  const AgencyTree tree = tree_of(sample_agencies());
  EXPECT_TRUE(validate_one_stop_unit(tree, unit_of("c00004")).empty());

  OneStopUnit bad;
  bad.agency_id = "nowhere";
  bad.also_receives_for = {"moj", "missing"};
  const auto problems = validate_one_stop_unit(tree, bad);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0].code, AgencyProblemCode::empty_id);
  EXPECT_EQ(problems[1].code, AgencyProblemCode::empty_name);
  EXPECT_EQ(problems[2].code, AgencyProblemCode::unknown_agency);
  EXPECT_EQ(problems[3].code, AgencyProblemCode::unknown_agency);
  EXPECT_NE(problems[3].message_en.find("'missing'"), std::string::npos);

  OneStopUnit ministry = unit_of("moj");
  ministry.scope = ReceptionScope::province;
  const auto scope_problems = validate_one_stop_unit(tree, ministry);
  ASSERT_EQ(scope_problems.size(), 1u);
  EXPECT_EQ(scope_problems[0].code, AgencyProblemCode::no_province);
}

}  // namespace
}  // namespace motcua::agency
