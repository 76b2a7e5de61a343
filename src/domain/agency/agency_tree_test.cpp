#include "domain/agency/agency_tree.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "domain/agency/agency_test_support.hpp"

namespace motcua::agency {
namespace {

using test_support::kReform;
using test_support::make_agency;
using test_support::sample_agencies;

std::vector<std::string> ids(const std::vector<const Agency*>& agencies) {
  std::vector<std::string> out;
  for (const Agency* a : agencies) out.push_back(a->id);
  return out;
}

std::vector<AgencyProblemCode> codes_of(const std::vector<Agency>& agencies) {
  auto built = AgencyTree::build(agencies);
  std::vector<AgencyProblemCode> out;
  if (built) return out;
  for (const auto& p : built.error()) {
    EXPECT_FALSE(p.message_vi.empty());
    EXPECT_FALSE(p.message_en.empty());
    out.push_back(p.code);
  }
  return out;
}

AgencyTree sample_tree() {
  auto built = AgencyTree::build(sample_agencies());
  EXPECT_TRUE(built.has_value());
  return built ? std::move(*built) : AgencyTree{};
}

TEST(AgencyKinds, NamesRoundTrip) {
  for (AgencyKind kind : kAllAgencyKinds) {
    EXPECT_EQ(parse_agency_kind(to_string(kind)), kind);
    EXPECT_FALSE(label_vi(kind).empty());
    EXPECT_FALSE(label_en(kind).empty());
  }
  EXPECT_FALSE(parse_agency_kind("district").has_value());  // gone since 01/07/2025
}

TEST(AgencyTree, FindsByIdAndCode) {
  const AgencyTree tree = sample_tree();
  EXPECT_EQ(tree.size(), 8u);
  ASSERT_NE(tree.find("c00004"), nullptr);
  EXPECT_EQ(tree.find("c00004")->kind, AgencyKind::commune);
  EXPECT_EQ(tree.find("nowhere"), nullptr);
  EXPECT_EQ(tree.find_by_code("c00008", kReform), tree.find("c00008"));
  EXPECT_EQ(tree.find_by_code("c00008", kReform - 1), nullptr);  // before it existed
}

TEST(AgencyTree, ChildrenAncestorsAndRoots) {
  const AgencyTree tree = sample_tree();
  EXPECT_EQ(ids(tree.roots()), (std::vector<std::string>{"p01", "p79", "moj"}));
  EXPECT_EQ(ids(tree.children("p01")),
            (std::vector<std::string>{"p01-justice", "c00004", "c00008"}));
  EXPECT_TRUE(tree.children("c00004").empty());
  EXPECT_TRUE(tree.children("nowhere").empty());
  EXPECT_EQ(ids(tree.ancestors("p01-justice-civil")),
            (std::vector<std::string>{"p01-justice", "p01"}));
  EXPECT_TRUE(tree.ancestors("p01").empty());
}

TEST(AgencyTree, ProvinceOf) {
  const AgencyTree tree = sample_tree();
  EXPECT_EQ(tree.province_of("c00004")->id, "p01");
  EXPECT_EQ(tree.province_of("p01-justice-civil")->id, "p01");
  EXPECT_EQ(tree.province_of("p79")->id, "p79");
  EXPECT_EQ(tree.province_of("moj"), nullptr);
  EXPECT_EQ(tree.province_of("nowhere"), nullptr);
}

TEST(AgencyTree, IsWithin) {
  const AgencyTree tree = sample_tree();
  EXPECT_TRUE(tree.is_within("p01-justice-civil", "p01"));
  EXPECT_TRUE(tree.is_within("p01", "p01"));
  EXPECT_FALSE(tree.is_within("p01", "c00004"));
  EXPECT_FALSE(tree.is_within("c26734", "p01"));
  EXPECT_FALSE(tree.is_within("c00004", "nowhere"));
}

TEST(AgencyTree, ValidityIsHalfOpen) {
  auto agencies = sample_agencies();
  const Date abolished = date_from_ymd(2026, 4, 30);
  agencies.push_back(make_agency("c00010", AgencyKind::commune, "p01", kReform, abolished));
  auto built = AgencyTree::build(agencies);
  ASSERT_TRUE(built.has_value());
  EXPECT_FALSE(built->is_valid_on("c00010", kReform - 1));
  EXPECT_TRUE(built->is_valid_on("c00010", kReform));
  EXPECT_TRUE(built->is_valid_on("c00010", abolished - 1));
  EXPECT_FALSE(built->is_valid_on("c00010", abolished));
  EXPECT_FALSE(built->is_valid_on("nowhere", abolished));
  EXPECT_EQ(built->children("p01").size(), 4u);
  EXPECT_EQ(built->children("p01", abolished).size(), 3u);
}

TEST(AgencyTree, CodeMayBeReusedAfterTheHolderEnds) {
  auto agencies = sample_agencies();
  const Date change = date_from_ymd(2026, 4, 30);
  agencies.push_back(make_agency("old", AgencyKind::commune, "p01", kReform, change));
  agencies.push_back(make_agency("new", AgencyKind::commune, "p01", change));
  agencies[agencies.size() - 2].code = "X1";
  agencies.back().code = "X1";
  auto built = AgencyTree::build(agencies);
  ASSERT_TRUE(built.has_value());
  EXPECT_EQ(built->find_by_code("X1", change - 1)->id, "old");
  EXPECT_EQ(built->find_by_code("X1", change)->id, "new");
}

TEST(AgencyTreeValidation, EmptyAndDuplicateIds) {
  auto agencies = sample_agencies();
  agencies.push_back(make_agency("", AgencyKind::other, "", kReform));
  agencies.push_back(make_agency("p79", AgencyKind::province, "", kReform));
  agencies.back().code = "other";
  EXPECT_EQ(codes_of(agencies),
            (std::vector{AgencyProblemCode::empty_id, AgencyProblemCode::duplicate_id}));
}

TEST(AgencyTreeValidation, EmptyName) {
  auto agencies = sample_agencies();
  agencies[3].name.clear();
  EXPECT_EQ(codes_of(agencies), std::vector{AgencyProblemCode::empty_name});
}

TEST(AgencyTreeValidation, MissingParent) {
  auto agencies = sample_agencies();
  agencies.push_back(make_agency("c99999", AgencyKind::commune, "p99", kReform));
  const auto built = AgencyTree::build(agencies);
  ASSERT_FALSE(built.has_value());
  ASSERT_EQ(built.error().size(), 1u);
  EXPECT_EQ(built.error()[0].code, AgencyProblemCode::missing_parent);
  EXPECT_EQ(built.error()[0].subject_id, "c99999");
  EXPECT_NE(built.error()[0].message_en.find("'p99'"), std::string::npos);
}

TEST(AgencyTreeValidation, CyclesAreReportedOnce) {
  auto agencies = sample_agencies();
  agencies.push_back(make_agency("a", AgencyKind::other, "b", kReform));
  agencies.push_back(make_agency("b", AgencyKind::other, "c", kReform));
  agencies.push_back(make_agency("c", AgencyKind::other, "a", kReform));
  agencies.push_back(make_agency("d", AgencyKind::other, "a", kReform));  // hangs off the cycle
  agencies.push_back(make_agency("self", AgencyKind::other, "self", kReform));
  const auto built = AgencyTree::build(agencies);
  ASSERT_FALSE(built.has_value());
  ASSERT_EQ(built.error().size(), 2u);
  EXPECT_EQ(built.error()[0].code, AgencyProblemCode::cycle);
  EXPECT_NE(built.error()[0].message_en.find("a → b → c"), std::string::npos);
  EXPECT_EQ(built.error()[1].code, AgencyProblemCode::cycle);
  EXPECT_EQ(built.error()[1].subject_id, "self");
}

TEST(AgencyTreeValidation, ValidToMustFollowValidFrom) {
  auto agencies = sample_agencies();
  agencies.push_back(make_agency("x", AgencyKind::commune, "p01", kReform, kReform));
  EXPECT_EQ(codes_of(agencies), std::vector{AgencyProblemCode::invalid_validity});
}

TEST(AgencyTreeValidation, ValidityWithinParent) {
  auto agencies = sample_agencies();
  // Before its province existed.
  agencies.push_back(make_agency("early", AgencyKind::commune, "p01", kReform - 1));
  // Outliving a parent that ends.
  agencies.push_back(
      make_agency("ending", AgencyKind::department, "p79", kReform, date_from_ymd(2026, 1, 1)));
  agencies.push_back(make_agency("orphaned", AgencyKind::other, "ending", kReform));
  agencies.push_back(
      make_agency("late", AgencyKind::other, "ending", kReform, date_from_ymd(2026, 1, 2)));
  agencies.push_back(
      make_agency("fine", AgencyKind::other, "ending", kReform, date_from_ymd(2026, 1, 1)));
  const auto built = AgencyTree::build(agencies);
  ASSERT_FALSE(built.has_value());
  std::set<std::string> subjects;
  for (const auto& p : built.error()) {
    EXPECT_EQ(p.code, AgencyProblemCode::outside_parent_validity);
    subjects.insert(p.subject_id);
  }
  EXPECT_EQ(subjects, (std::set<std::string>{"early", "orphaned", "late"}));
}

TEST(AgencyTreeValidation, CodeHeldTwiceOnTheSameDay) {
  auto agencies = sample_agencies();
  agencies[4].code = agencies[3].code;
  EXPECT_EQ(codes_of(agencies), std::vector{AgencyProblemCode::duplicate_code});
}

TEST(AgencyTreeValidation, EveryProblemAtOnce) {
  auto agencies = sample_agencies();
  agencies[0].name.clear();
  agencies.push_back(make_agency("x", AgencyKind::commune, "missing", kReform));
  agencies.push_back(make_agency("y", AgencyKind::commune, "y", kReform));
  EXPECT_EQ(codes_of(agencies),
            (std::vector{AgencyProblemCode::empty_name, AgencyProblemCode::missing_parent,
                         AgencyProblemCode::cycle}));
}

TEST(AgencyProblemCodes, HaveDistinctNames) {
  using enum AgencyProblemCode;
  std::set<std::string_view> names;
  for (auto code : {empty_id, duplicate_id, empty_name, missing_parent, cycle, invalid_validity,
                    outside_parent_validity, duplicate_code, unknown_agency, no_province}) {
    EXPECT_NE(to_string(code), "unknown");
    names.insert(to_string(code));
  }
  EXPECT_EQ(names.size(), 10u);
}

}  // namespace
}  // namespace motcua::agency
