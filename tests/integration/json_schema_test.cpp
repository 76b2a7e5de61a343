// The contract test's JSON Schema validator: what it accepts, and above all what it must refuse
// (a validator that accepts everything would make the contract test pass vacuously).
#include "json_schema.hpp"

#include <gtest/gtest.h>

namespace motcua::testing {
namespace {

namespace json = boost::json;

const json::value kRoot = json::parse(R"({
  "components": {"schemas": {
    "Point": {"type": "object", "required": ["x", "y"], "additionalProperties": false,
              "properties": {"x": {"type": "integer"}, "y": {"type": "number"},
                             "label": {"type": ["string", "null"]}}},
    "Points": {"type": "array", "items": {"$ref": "#/components/schemas/Point"}},
    "Shape": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
    "Loose": {"anyOf": [{"type": "string"}, {"enum": [1, 2]}]},
    "Tags": {"type": "object", "additionalProperties": {"type": "string"}}
  }}
})");

std::vector<SchemaError> run(std::string_view schema_name, std::string_view value) {
  SchemaValidator v(kRoot);
  const auto schema = json::object{{"$ref", "#/components/schemas/" + std::string(schema_name)}};
  return v.validate(schema, json::parse(value));
}

TEST(JsonSchema, AcceptsConformingValues) {
  EXPECT_TRUE(run("Point", R"({"x": 1, "y": 2.5})").empty());
  EXPECT_TRUE(run("Point", R"({"x": 1, "y": 2, "label": null})").empty());
  EXPECT_TRUE(run("Point", R"({"x": 1.0, "y": 2, "label": "a"})").empty());  // 1.0 is an integer
  EXPECT_TRUE(run("Points", R"([])").empty());
  EXPECT_TRUE(run("Points", R"([{"x": 1, "y": 2}, {"x": 3, "y": 4}])").empty());
  EXPECT_TRUE(run("Shape", R"("square")").empty());
  EXPECT_TRUE(run("Loose", R"(2)").empty());
  EXPECT_TRUE(run("Tags", R"({"a": "b"})").empty());
}

TEST(JsonSchema, RefusesAWrongTypeWithItsPointer) {
  const auto errors = run("Points", R"([{"x": 1, "y": 2}, {"x": "1", "y": 2}])");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/1/x");
}

TEST(JsonSchema, RefusesAFractionForAnInteger) {
  EXPECT_EQ(run("Point", R"({"x": 1.5, "y": 2})").size(), 1u);
}

TEST(JsonSchema, RefusesAMissingRequiredProperty) {
  const auto errors = run("Point", R"({"x": 1})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "");
  EXPECT_NE(errors[0].message.find("\"y\""), std::string::npos);
}

TEST(JsonSchema, RefusesAnUnexpectedPropertyWhenAdditionalPropertiesIsFalse) {
  const auto errors = run("Point", R"({"x": 1, "y": 2, "z~/": 3})");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].pointer, "/z~0~1");
}

TEST(JsonSchema, ChecksAdditionalPropertiesAgainstTheirSchema) {
  EXPECT_EQ(run("Tags", R"({"a": 1})").size(), 1u);
}

TEST(JsonSchema, RefusesNullUnlessTheTypeListsIt) {
  EXPECT_EQ(run("Point", R"({"x": null, "y": 2})").size(), 1u);
  EXPECT_EQ(run("Points", R"(null)").size(), 1u);
}

TEST(JsonSchema, OneOfNeedsExactlyOneMatchAnyOfAtLeastOne) {
  EXPECT_EQ(run("Shape", R"(true)").size(), 1u);
  EXPECT_EQ(run("Loose", R"(3)").size(), 1u);
  SchemaValidator v(kRoot);
  const auto both = json::parse(R"({"oneOf": [{"type": "integer"}, {"type": "number"}]})");
  EXPECT_EQ(v.validate(both, json::value(3)).size(), 1u);  // 3 matches both branches
}

TEST(JsonSchema, EnumAndConstCompareValues) {
  SchemaValidator v(kRoot);
  const auto schema = json::parse(R"({"enum": ["counter", "online"]})");
  EXPECT_TRUE(v.validate(schema, json::value("online")).empty());
  EXPECT_EQ(v.validate(schema, json::value("post")).size(), 1u);
  EXPECT_EQ(v.validate(json::parse(R"({"const": 3})"), json::value(4)).size(), 1u);
}

TEST(JsonSchema, FormatIsAnAnnotationOnly) {
  SchemaValidator v(kRoot);
  const auto schema = json::parse(R"({"type": "string", "format": "date-time"})");
  EXPECT_TRUE(v.validate(schema, json::value("not a date")).empty());
}

TEST(JsonSchema, AnUnresolvableRefIsAnErrorInTheDocument) {
  SchemaValidator v(kRoot);
  EXPECT_THROW(v.validate(json::parse(R"({"$ref": "#/components/schemas/Nope"})"), json::value(1)),
               std::runtime_error);
}

}  // namespace
}  // namespace motcua::testing
