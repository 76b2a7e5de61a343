// Installs the contract check on the integration tests' HTTP client: every JSON answer any test
// receives is validated against docs/api/openapi.json, and a mismatch fails the running test with
// the request and the JSON pointer of the mismatch. With MOTCUA_RECORD_RESPONSES=<file> the answers
// are also appended to that file as JSON lines (method, path template, status, body), which is
// how the document's schemas were derived from real answers.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <mutex>

#include "http_client.hpp"
#include "openapi_contract.hpp"

namespace motcua::testing {
namespace {

const OpenApiContract& contract() {
  static const OpenApiContract instance;
  return instance;
}

void record(const std::string& method, const std::string& target, const std::string& request_body,
            const HttpResult& response) {
  static const char* file = std::getenv("MOTCUA_RECORD_RESPONSES");
  if (!file || !*file) return;
  static std::mutex mutex;
  const auto op = contract().find(method, target);
  boost::json::object line{{"method", method},
                           {"target", target},
                           {"template", op ? op->path_template : std::string()},
                           {"request", request_body},
                           {"status", response.status},
                           {"content_type", response.header("Content-Type")},
                           {"body", response.body}};
  std::lock_guard lock(mutex);
  std::ofstream(file, std::ios::app) << boost::json::serialize(line) << '\n';
}

void check_answer(const std::string& method, const std::string& target,
                  const std::string& request_body, const HttpResult& response) {
  record(method, target, request_body, response);
  if (response.body.empty()) return;
  const auto problems = contract().check(method, target, response.status,
                                         response.header("Content-Type"), response.body);
  for (const auto& p : problems) {
    ADD_FAILURE() << "answer differs from docs/api/openapi.json: " << method << ' ' << target
                  << " -> " << response.status << ' ' << p;
  }
}

// Static initialisation runs before main, so the observer is in place before any test.
const bool installed = [] {
  response_observer() = check_answer;
  return true;
}();

TEST(Contract, CheckIsInstalled) { EXPECT_TRUE(installed && response_observer()); }

TEST(Contract, FindsOperationsByTemplatePreferringLiteralSegments) {
  const auto& c = contract();
  ASSERT_TRUE(c.find("POST", "/api/v1/processes/validate"));
  EXPECT_EQ(c.find("POST", "/api/v1/processes/validate")->path_template,
            "/api/v1/processes/validate");
  EXPECT_EQ(c.find("GET", "/api/v1/processes/abc?x=1")->path_template, "/api/v1/processes/{id}");
  EXPECT_EQ(c.find("GET", "/api/v1/track/HS-1/qr.svg")->path_template,
            "/api/v1/track/{code}/qr.svg");
  EXPECT_FALSE(c.find("GET", "/api/v1/nowhere"));
  EXPECT_FALSE(c.find("PATCH", "/api/v1/agencies"));
}

TEST(Contract, ReportsADriftedAnswerWithItsPointer) {
  const auto& c = contract();
  EXPECT_TRUE(c.check("GET", "/healthz", 200, "application/json",
                      R"({"status":"ok","checks":{"database":"ok"}})")
                  .empty());
  const auto wrong = c.check("GET", "/api/v1/agencies", 200, "application/json", R"({"x":1})");
  ASSERT_FALSE(wrong.empty());
  EXPECT_EQ(wrong.front().substr(0, 2), "/:");
  const auto text = c.check("GET", "/api/v1/agencies", 200, "text/html", "<p>");
  ASSERT_EQ(text.size(), 1u);
  EXPECT_NE(text.front().find("text/html"), std::string::npos);
  EXPECT_TRUE(c.check("GET", "/metrics", 200, "text/plain; version=0.0.4", "up 1").empty());
  const auto problem = c.check(
      "GET", "/api/v1/agencies", 400, "application/problem+json",
      R"({"type":"t","title":"t","status":"400","code":"c","message_vi":"v","message_en":"e"})");
  ASSERT_FALSE(problem.empty());
  EXPECT_NE(problem.front().find("/status"), std::string::npos) << problem.front();
}

}  // namespace
}  // namespace motcua::testing
