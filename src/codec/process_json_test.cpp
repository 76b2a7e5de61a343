#include "codec/process_json.hpp"

#include <gtest/gtest.h>

#include "domain/process/process_test_support.hpp"

namespace motcua::codec {
namespace {

using process::test_support::birth_registration;
using process::test_support::hanoi_qttp20;

// The example of the header comment, as an author would write it.
constexpr std::string_view kExample = R"({
  "id": "khai-sinh-xa",
  "procedure_code": "1.001193",
  "agency_id": "commune-00004",
  "version": 1,
  "legal_limit": "1 working-days",
  "steps": [
    {
      "id": "receive",
      "name": "Tiếp nhận hồ sơ",
      "name_en": "Receive the dossier",
      "responsible": {"role": "reception", "unit": "commune-00004-desk"},
      "budget": "1 hours",
      "actions": [
        {"kind": "forward", "target": "review"},
        {"kind": "request_supplement"}
      ]
    }
  ]
})";

std::string error_of(std::string_view text) {
  auto parsed = parse_process(text);
  EXPECT_FALSE(parsed.has_value());
  return parsed ? std::string() : parsed.error();
}

// The birth-registration example with one value replaced, as JSON text.
std::string with(std::string_view pointer, const boost::json::value& replacement) {
  boost::json::value v = process_to_json(birth_registration());
  boost::json::error_code ec;
  *v.find_pointer(pointer, ec) = replacement;
  EXPECT_FALSE(ec) << pointer;
  return boost::json::serialize(v);
}

TEST(ProcessJson, ParsesTheDocumentedExample) {
  auto parsed = parse_process(kExample);
  ASSERT_TRUE(parsed.has_value()) << parsed.error();
  EXPECT_EQ(parsed->id, "khai-sinh-xa");
  EXPECT_EQ(parsed->version, 1);
  EXPECT_EQ(parsed->legal_limit, (clock::TimeLimit{1, clock::LimitUnit::working_days}));
  ASSERT_EQ(parsed->steps.size(), 1u);
  const process::Step& step = parsed->steps[0];
  EXPECT_EQ(step.name, "Tiếp nhận hồ sơ");
  EXPECT_EQ(step.responsible.role, dossier::Role::reception);
  EXPECT_EQ(step.responsible.unit_id, "commune-00004-desk");
  EXPECT_EQ(step.budget, (clock::TimeLimit{1, clock::LimitUnit::working_hours}));
  EXPECT_EQ(step.actions,
            (std::vector<process::Action>{{process::ActionKind::forward, "review"},
                                          {process::ActionKind::request_supplement, ""}}));
}

TEST(ProcessJson, RoundTrips) {
  for (const auto& p : {birth_registration(), hanoi_qttp20()}) {
    const std::string text = serialize_process(p);
    auto parsed = parse_process(text);
    ASSERT_TRUE(parsed.has_value()) << parsed.error();
    EXPECT_EQ(*parsed, p);
    EXPECT_EQ(serialize_process(*parsed), text);
  }
}

TEST(ProcessJson, LeavesOutEmptyOptionalValues) {
  auto p = birth_registration();
  p.steps[0].name_en.clear();
  p.steps[0].responsible = {std::nullopt, "commune-00004-desk"};
  const boost::json::value v = process_to_json(p);
  const auto& step = v.at("steps").at(0).as_object();
  EXPECT_FALSE(step.contains("name_en"));
  EXPECT_EQ(boost::json::serialize(step.at("responsible")), R"({"unit":"commune-00004-desk"})");
  EXPECT_EQ(boost::json::serialize(step.at("actions")),
            R"([{"kind":"forward","target":"review"},{"kind":"request_supplement"}])");
  EXPECT_EQ(step.at("budget").as_string(), "1 hours");
  EXPECT_EQ(v.at("legal_limit").as_string(), "1 working-days");
  EXPECT_EQ(parse_process(boost::json::serialize(v)).value(), p);
}

TEST(ProcessJson, ErrorsGiveTheJsonPath) {
  EXPECT_EQ(error_of(with("/steps/2/budget", "2 weeks")),
            "steps[2].budget: unknown time limit unit 'weeks' (use working-days, days or hours)");
  EXPECT_EQ(error_of(with("/steps/0/responsible/role", "clerk")),
            "steps[0].responsible.role: unknown role 'clerk'");
  EXPECT_EQ(error_of(with("/steps/3/actions/1/kind", "reject")),
            "steps[3].actions[1].kind: unknown action 'reject'");
  EXPECT_EQ(error_of(with("/steps/3/actions/1/target", 7)),
            "steps[3].actions[1].target: must be a string");
  EXPECT_EQ(error_of(with("/steps/1/name", nullptr)), "steps[1].name: must be a string");
  EXPECT_EQ(error_of(with("/steps/1", "review")), "steps[1]: must be an object");
  EXPECT_EQ(error_of(with("/steps/1/responsible", "leader")),
            "steps[1].responsible: must be an object");
  EXPECT_EQ(error_of(with("/steps/1/actions", boost::json::object{})),
            "steps[1].actions: must be an array");
  EXPECT_EQ(error_of(with("/steps", "none")), "steps: must be an array");
  EXPECT_EQ(error_of(with("/legal_limit", "three days")),
            "legal_limit: time limit amount must be a whole number from 0 to 3660");
  EXPECT_EQ(error_of(with("/version", 0)), "version: must be 1 or more");
  EXPECT_EQ(error_of(with("/version", 1.5)), "version: must be a whole number");
  EXPECT_EQ(error_of(with("/version", "1")), "version: must be a whole number");
  EXPECT_EQ(error_of("[]"), "the process must be a JSON object");
}

TEST(ProcessJson, MissingAndUnknownFields) {
  boost::json::value v = process_to_json(birth_registration());
  v.as_object().erase("version");
  EXPECT_EQ(error_of(boost::json::serialize(v)), "version: missing");

  v = process_to_json(birth_registration());
  v.at("steps").at(4).as_object().erase("budget");
  EXPECT_EQ(error_of(boost::json::serialize(v)), "steps[4].budget: missing");

  v = process_to_json(birth_registration());
  v.at("steps").at(0).as_object()["budjet"] = "1 hours";
  EXPECT_EQ(error_of(boost::json::serialize(v)), "steps[0]: unknown field 'budjet'");

  v = process_to_json(birth_registration());
  v.as_object()["first_step"] = "receive";
  EXPECT_EQ(error_of(boost::json::serialize(v)), "unknown field 'first_step'");

  v = process_to_json(birth_registration());
  v.at("steps").at(0).at("responsible").as_object()["person"] = "A";
  EXPECT_EQ(error_of(boost::json::serialize(v)), "steps[0].responsible: unknown field 'person'");
}

TEST(ProcessJson, SyntaxErrorsGiveLineAndColumn) {
  const std::string error = error_of("{\n  \"id\": \"x\",\n  \"version\": 1,,\n}");
  EXPECT_EQ(error.rfind("invalid JSON at line 3, column 16: ", 0), 0u) << error;
  EXPECT_EQ(error_of("{\"id\": \"x\"").rfind("invalid JSON at line 1, column 11: ", 0), 0u);
}

TEST(ProcessJson, ShapeIsCheckedHereValidityByTheDomain) {
  // Parses fine although the target does not exist; validate() says so.
  auto parsed = parse_process(with("/steps/0/actions/0/target", "nowhere"));
  ASSERT_TRUE(parsed.has_value()) << parsed.error();
  const auto problems = process::validate(*parsed);
  ASSERT_FALSE(problems.empty());
  const boost::json::array rendered = problems_to_json(problems);
  EXPECT_EQ(rendered.at(0).at("code").as_string(), "unknown_target");
  EXPECT_EQ(rendered.at(0).at("step").as_string(), "receive");
  EXPECT_FALSE(rendered.at(0).at("message_vi").as_string().empty());
  EXPECT_FALSE(rendered.at(0).at("message_en").as_string().empty());
}

}  // namespace
}  // namespace motcua::codec
