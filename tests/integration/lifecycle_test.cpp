// Whole dossier lifecycles over real HTTP against the real binary, and the bad input that must be
// refused with the exact problem and no change.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/event_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class Lifecycle : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-09T09:00"});
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&an_, "an"},
                                                         {&binh_, "binh"},
                                                         {&reception_, "tiepnhan"},
                                                         {&processing_, "chuyenvien"},
                                                         {&leader_, "lanhdao"},
                                                         {&other_, "xahai"}}));
  }
  void TearDown() override { server_.reset(); }

  std::string submit_online(const ApiClient& who) {
    auto r = who.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                       {"agency_id", "c1"},
                                                       {"receiving_unit_id", "u1"},
                                                       {"return_channel", "online"}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return std::string(r.body.at("id").as_string());
  }

  // Events in the log for this dossier, read after the server has stopped.
  std::size_t events_of(const std::string& id) {
    server_.reset();
    auto store = store::open_store(db_);
    std::size_t n = 0;
    store->read([&](store::SqlConnection& db) { n = store::events_of(db, id).size(); });
    return n;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, binh_{0}, reception_{0}, processing_{0}, leader_{0}, other_{0};
};

TEST_F(Lifecycle, OnlineSubmissionToReturnedResult) {
  const auto id = submit_online(an_);
  const std::string base = "/api/v1/dossiers/" + id;
  auto accepted = reception_.post(base + "/accept", json::object{});
  ASSERT_EQ(accepted.status, 200) << accepted.raw.body;
  EXPECT_EQ(accepted.body.at("status"), "received");
  EXPECT_EQ(accepted.body.at("code"), "000.01.01.H40-260309-0001");
  EXPECT_EQ(accepted.body.at("due"), "2026-03-12T17:00:00+07:00");
  ASSERT_EQ(processing_
                .post(base + "/assign",
                      json::object{{"official_id", "off-processing"}, {"step", "Thẩm định"}})
                .status,
            200);
  auto approved = leader_.post(base + "/approve", json::object{{"note", "Đủ điều kiện"}});
  ASSERT_EQ(approved.status, 200) << approved.raw.body;
  EXPECT_EQ(approved.body.at("status"), "result_ready");
  EXPECT_EQ(approved.body.at("clock").at("on_time"), true);
  auto returned =
      reception_.post(base + "/return-result",
                      json::object{{"channel", "counter"}, {"receiver_name", "Nguyễn Văn An"}});
  ASSERT_EQ(returned.status, 200) << returned.raw.body;
  EXPECT_EQ(returned.body.at("status"), "returned");
  EXPECT_EQ(returned.body.at("portal_status"), 10);

  const auto link = reception_.get(base + "/tracking-secret");
  ASSERT_EQ(link.status, 200) << link.raw.body;
  const std::string secret(link.body.at("tracking_secret").as_string());
  auto tracked =
      ApiClient(server_->port()).get("/api/v1/track/000.01.01.H40-260309-0001?secret=" + secret);
  ASSERT_EQ(tracked.status, 200);
  EXPECT_EQ(tracked.body.at("applicant"), "N***** V** A*");
  EXPECT_EQ(tracked.raw.body.find("001090000001"), std::string::npos);
  auto mine = an_.get("/api/v1/my/dossiers");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.body.as_array().size(), 1u);
  // submitted, accepted, handed over by the system (online), assigned, approved, returned
  EXPECT_EQ(events_of(id), 6u);
}

TEST_F(Lifecycle, CounterIntakeAndSupplementRequest) {
  auto created =
      reception_.post("/api/v1/dossiers",
                      json::object{{"procedure_code", "1.001193"},
                                   {"agency_id", "c1"},
                                   {"receiving_unit_id", "u1"},
                                   {"channel", "counter"},
                                   {"applicant", {{"name", "Đỗ Thị Cúc"}, {"id_number", "001"}}}});
  ASSERT_EQ(created.status, 201) << created.raw.body;
  EXPECT_EQ(created.body.at("status"), "received");
  const std::string base = "/api/v1/dossiers/" + std::string(created.body.at("id").as_string());
  ASSERT_EQ(
      processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
      200);
  auto asked = processing_.post(
      base + "/request-supplement",
      json::object{{"missing_items", json::array{"Giấy chứng sinh", "CCCD của mẹ"}},
                   {"reason", "Thiếu"}});
  ASSERT_EQ(asked.status, 200) << asked.raw.body;
  EXPECT_EQ(asked.body.at("status"), "awaiting_supplement");
  EXPECT_EQ(asked.body.at("missing_items").as_array().size(), 2u);
  EXPECT_TRUE(asked.body.at("due").is_null());
  auto provided = reception_.post(base + "/provide-supplement",
                                  json::object{{"documents", json::array{"giay-chung-sinh.pdf"}}});
  ASSERT_EQ(provided.status, 200) << provided.raw.body;
  EXPECT_EQ(provided.body.at("status"), "in_progress");
  EXPECT_EQ(provided.body.at("due"), "2026-03-12T17:00:00+07:00");
}

TEST_F(Lifecycle, RefusalsAreExactProblemsAndChangeNothing) {
  const auto id = submit_online(an_);
  const std::string base = "/api/v1/dossiers/" + id;
  const auto expect_problem = [](const ApiResult& r, int status, const char* code) {
    EXPECT_EQ(r.status, status) << r.raw.body;
    EXPECT_EQ(r.raw.header("Content-Type"), "application/problem+json");
    ASSERT_TRUE(r.body.is_object()) << r.raw.body;
    EXPECT_EQ(r.body.at("code"), code) << r.raw.body;
    EXPECT_FALSE(r.body.at("message_vi").as_string().empty());
    EXPECT_FALSE(r.body.at("message_en").as_string().empty());
  };
  // Malformed JSON.
  expect_problem(reception_.call("POST", base + "/refuse", "{not json",
                                 {{"Content-Type", "application/json"}}),
                 400, "malformed_json");
  // Oversized body (command routes take 64 KiB).
  expect_problem(reception_.call("POST", base + "/refuse", std::string(70 * 1024, 'x'), {}), 413,
                 "body_too_large");
  // A role that may never do this.
  expect_problem(an_.post(base + "/approve", json::object{}), 403, "role_not_allowed");
  // Another applicant's dossier, another commune's officials: not found.
  expect_problem(binh_.get(base), 404, "not_found");
  expect_problem(other_.post(base + "/accept", json::object{}), 404, "not_found");
  // A transition not allowed from the current state.
  expect_problem(leader_.post(base + "/approve", json::object{}), 409, "not_allowed_in_state");
  // Missing fields.
  expect_problem(reception_.post(base + "/refuse", json::object{{"reasons", json::array{}}}), 422,
                 "missing_reasons");
  // No session; a session without the CSRF token.
  expect_problem(ApiClient(server_->port()).post(base + "/accept", json::object{}), 401,
                 "unauthenticated");
  expect_problem(reception_.call("POST", base + "/accept", "{}", {}, false), 403, "csrf_failed");
  // Unknown route and method.
  expect_problem(reception_.get("/api/v1/nothing-here"), 404, "not_found");
  expect_problem(reception_.call("PUT", "/api/v1/track/x", "", {}), 405, "method_not_allowed");
  EXPECT_EQ(events_of(id), 1u);  // only the submission
}

TEST_F(Lifecycle, IdempotencyKeyReplaysAndRefusesReuse) {
  const auto id = submit_online(an_);
  const std::string base = "/api/v1/dossiers/" + id;
  auto first = reception_.post(base + "/accept", json::object{}, "key-accept-1");
  ASSERT_EQ(first.status, 200);
  auto again = reception_.post(base + "/accept", json::object{}, "key-accept-1");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.raw.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(again.raw.body, first.raw.body);
  auto reused = reception_.post(base + "/refuse", json::object{{"reasons", json::array{"x"}}},
                                "key-accept-1");
  EXPECT_EQ(reused.status, 422);
  EXPECT_EQ(reused.body.at("code"), "idempotency_key_reused");
  EXPECT_EQ(events_of(id), 3u);  // submitted, accepted, handed over (online): once
}

TEST_F(Lifecycle, LoginIsThrottledAfterRepeatedFailures) {
  ApiClient attacker(server_->port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(attacker.login("tiepnhan", "sai mật khẩu"), 401);
  EXPECT_EQ(attacker.login("tiepnhan", kPassword), 429);
  EXPECT_EQ(ApiClient(server_->port()).login("khongco", "x"), 401);
}

}  // namespace
}  // namespace motcua::testing
