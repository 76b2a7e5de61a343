// The generic-answer detector over real HTTP (issue 16 point 5): a stock-phrase answer to feedback
// is held, not sent; the public sees no answer; the agency's leader sees it with its reasons and
// releases it (recorded who and why), and only then the public reads it. Another agency's leader
// cannot touch it. A returned answer puts the feedback back to be answered again.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

// Passes every structural check (cites a document, mentions it, long enough) but is nothing but
// stock phrases around it.
const char* kBoilerplateAnswer =
    "Vấn đề ông/bà hỏi đã được quy định tại các văn bản pháp luật hiện hành về đăng ký khai "
    "sinh, trong đó có Nghị định 123/2015/NĐ-CP. Đề nghị ông/bà liên hệ cơ quan có thẩm quyền "
    "để được hướng dẫn cụ thể.";

void expect_problem(const ApiResult& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.raw.body;
  ASSERT_TRUE(r.body.is_object() && r.body.as_object().contains("code")) << r.raw.body;
  EXPECT_EQ(r.body.at("code"), code.c_str()) << r.raw.body;
  EXPECT_FALSE(r.body.at("message_vi").as_string().empty());
  EXPECT_FALSE(r.body.at("message_en").as_string().empty());
}

class FeedbackReview : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--calendar-dir",
                                 std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(), {{&leader_, "lanhdao"}, {&other_, "xahai"}}));
  }
  void TearDown() override { server_.reset(); }

  // Sends feedback to c1 about birth registration; returns {id, code}.
  std::pair<std::string, std::string> send_feedback(const std::string& content) {
    auto r = ApiClient(server_->port())
                 .post("/api/v1/feedback", json::object{{"name", "Trần Văn Cường"},
                                                        {"contact", "0912 345 678"},
                                                        {"procedure_code", "1.001193"},
                                                        {"agency_id", "c1"},
                                                        {"content", content}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return {std::string(r.body.at("id").as_string()), std::string(r.body.at("code").as_string())};
  }

  ApiResult hold(const std::string& id) {
    return leader_.post("/api/v1/feedback/" + id + "/answer",
                        json::object{{"answer", kBoilerplateAnswer},
                                     {"legal_reference", "Nghị định 123/2015/NĐ-CP"}});
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient leader_{0}, other_{0};
};

TEST_F(FeedbackReview, BoilerplateAnswerIsHeldUntilTheLeaderReleasesIt) {
  const auto [id, code] =
      send_feedback("Thủ tục yêu cầu giấy chứng sinh bản chính, bệnh viện chỉ cấp một bản.");
  auto held = hold(id);
  ASSERT_EQ(held.status, 200) << held.raw.body;
  EXPECT_EQ(held.body.at("status"), "held_for_review");
  EXPECT_TRUE(held.body.at("answer").is_null());
  const auto& reasons = held.body.at("held_answer").at("reasons").as_array();
  ASSERT_FALSE(reasons.empty());
  EXPECT_EQ(reasons[0].at("code"), "boilerplate");
  EXPECT_GE(reasons[0].at("score").to_number<double>(), 0.5);

  // Not sent: the public status shows no answer.
  auto anonymous = ApiClient(server_->port());
  auto before = anonymous.get("/api/v1/feedback/" + code);
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.at("status"), "held_for_review");
  EXPECT_TRUE(before.body.at("answer").is_null());
  EXPECT_EQ(before.raw.body.find("thẩm quyền"), std::string::npos);

  // The leader's queue shows it with the reasons; nobody answers it twice meanwhile.
  auto queue = leader_.get("/api/v1/feedback?status=held_for_review");
  ASSERT_EQ(queue.status, 200) << queue.raw.body;
  ASSERT_EQ(queue.body.as_array().size(), 1u);
  EXPECT_EQ(queue.body.as_array()[0].at("held_answer").at("answer"), kBoilerplateAnswer);
  expect_problem(hold(id), 409, "answer_held_for_review");

  // Another agency's leader does not see it; the decision needs a valid verb and a reason.
  const std::string review = "/api/v1/feedback/" + id + "/review";
  expect_problem(other_.post(review, json::object{{"decision", "release"}, {"reason", "ok"}}), 404,
                 "not_found");
  expect_problem(leader_.post(review, json::object{{"decision", "release"}, {"reason", " "}}), 422,
                 "review_reason_missing");
  expect_problem(leader_.post(review, json::object{{"decision", "approve"}, {"reason", "ok"}}), 422,
                 "review_decision_invalid");

  auto released = leader_.post(
      review, json::object{{"decision", "release"},
                           {"reason", "Người hỏi chỉ cần biết văn bản áp dụng; đã đủ."}});
  ASSERT_EQ(released.status, 200) << released.raw.body;
  EXPECT_EQ(released.body.at("status"), "answered");
  auto after = anonymous.get("/api/v1/feedback/" + code);
  EXPECT_EQ(after.body.at("status"), "answered");
  EXPECT_EQ(after.body.at("answer"), kBoilerplateAnswer);
  EXPECT_EQ(after.body.at("legal_reference"), "Nghị định 123/2015/NĐ-CP");
  expect_problem(leader_.post(review, json::object{{"decision", "release"}, {"reason", "again"}}),
                 409, "not_held_for_review");

  server_.reset();
  auto store = store::open_store(db_);
  store->read([&, id = id](store::SqlConnection& db) {
    const auto audit = store::audit_of(db, id);
    ASSERT_EQ(audit.size(), 3u);
    EXPECT_EQ(audit[1].action, "feedback.answer_held");
    EXPECT_EQ(audit[1].reason, "boilerplate");
    EXPECT_EQ(audit[2].action, "feedback.answer_released");
    EXPECT_EQ(audit[2].actor_id, "off-leader");
    EXPECT_EQ(audit[2].reason, "Người hỏi chỉ cần biết văn bản áp dụng; đã đủ.");
  });
}

TEST_F(FeedbackReview, ReturnedAnswerIsRewrittenAndSentSpecifically) {
  const auto [id, code] =
      send_feedback("Thủ tục yêu cầu giấy chứng sinh bản chính, bệnh viện chỉ cấp một bản.");
  ASSERT_EQ(hold(id).status, 200);
  auto returned = leader_.post(
      "/api/v1/feedback/" + id + "/review",
      json::object{{"decision", "return"}, {"reason", "Trả lời đúng câu hỏi về bản sao."}});
  ASSERT_EQ(returned.status, 200) << returned.raw.body;
  EXPECT_EQ(returned.body.at("status"), "received");
  auto specific = leader_.post(
      "/api/v1/feedback/" + id + "/answer",
      json::object{{"answer",
                    "Theo khoản 1 Điều 6 Nghị định 123/2015/NĐ-CP, người đi đăng ký khai sinh nộp "
                    "bản sao có chứng thực giấy chứng sinh nếu bệnh viện chỉ cấp một bản chính; "
                    "xã không được giữ bản chính."},
                   {"legal_reference", "Nghị định 123/2015/NĐ-CP"}});
  ASSERT_EQ(specific.status, 200) << specific.raw.body;
  EXPECT_EQ(specific.body.at("status"), "answered");
  EXPECT_FALSE(specific.body.as_object().contains("held_answer"));
}

}  // namespace
}  // namespace motcua::testing
