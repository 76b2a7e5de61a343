// Feedback on regulations handled to the law over real HTTP (docs/rules.md section 10): intake of a
// letter by staff with its classification, a request for information and its supply by code (the
// answer's clock paused meanwhile), forwarding to the competent agency of the installation (which
// then owns it: the first agency's leader gets 404), answer, publication, public search without
// accents, the sender's one rating; rejection with a reason and forwarding to the National Portal
// as an outbox message. Every deadline is shown on the working calendar.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"
#include "store/outbox.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

void expect_problem(const ApiResult& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.raw.body;
  if (r.body.is_object() && r.body.as_object().contains("code")) {
    EXPECT_EQ(r.body.at("code"), code.c_str()) << r.raw.body;
    EXPECT_FALSE(r.body.at("message_vi").as_string().empty());
    EXPECT_FALSE(r.body.at("message_en").as_string().empty());
  } else {
    ADD_FAILURE() << "no problem body: " << r.raw.body;
  }
}

// The due time of one step in a feedback answer, "" when absent.
std::string due_of(const json::value& feedback, const std::string& step) {
  for (const auto& d : feedback.at("deadlines").as_array()) {
    if (d.at("step") == step.c_str()) return std::string(d.at("due").as_string());
  }
  return "absent";
}

const char* kSpecificAnswer =
    "Theo khoản 1 Điều 6 Nghị định 123/2015/NĐ-CP, giấy chứng sinh là giấy tờ bắt buộc khi đăng "
    "ký khai sinh; trường hợp không có giấy chứng sinh thì nộp văn bản của người làm chứng.";

class FeedbackLifecycle : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    // Monday 09/03/2026 09:00, frozen.
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--calendar-dir",
                                 std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&an_, "an"},
                                                         {&reception_, "tiepnhan"},
                                                         {&leader_, "lanhdao"},
                                                         {&other_, "xahai"},
                                                         {&admin_, "quantri"}}));
  }
  void TearDown() override { server_.reset(); }

  json::object letter() const {
    return {{"name", "Trần Văn Cường"},
            {"contact", "0912 345 678"},
            {"procedure_code", "1.001193"},
            {"agency_id", "c1"},
            {"channel", "letter"},
            {"kind", "PAKN02"},
            {"content",
             "Thủ tục yêu cầu giấy chứng sinh bản chính, trong khi bệnh viện chỉ cấp một bản."}};
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, reception_{0}, leader_{0}, other_{0}, admin_{0};
};

TEST_F(FeedbackLifecycle, LetterAskedForwardedAnsweredPublishedAndRated) {
  auto anonymous = ApiClient(server_->port());
  // Intake by the reception clerk on the sender's behalf; applicants may not, the channel is named.
  expect_problem(an_.post("/api/v1/feedback/intake", letter()), 403, "forbidden");
  json::object online = letter();
  online["channel"] = "online";
  auto bad = reception_.post("/api/v1/feedback/intake", online);
  expect_problem(bad, 422, "invalid_input");
  EXPECT_EQ(bad.body.at("detail"), "channel");
  // A letter may give only a postal address; a call must leave a number.
  json::object by_post = letter();
  by_post["contact"] = "Thôn Đông, xã Gia Hưng, tỉnh Ninh Bình";
  const auto posted = reception_.post("/api/v1/feedback/intake", by_post);
  ASSERT_EQ(posted.status, 201) << posted.raw.body;
  json::object call = by_post;
  call["channel"] = "phone";
  expect_problem(reception_.post("/api/v1/feedback/intake", call), 422, "invalid_input");
  auto entered = reception_.post("/api/v1/feedback/intake", letter());
  ASSERT_EQ(entered.status, 201) << entered.raw.body;
  const std::string id(entered.body.at("id").as_string());
  const std::string code(entered.body.at("code").as_string());
  EXPECT_EQ(entered.body.at("channel"), "letter");
  EXPECT_EQ(entered.body.at("kind"), "PAKN02");
  // Monday 09/03: reject by Wednesday 11/03, ask and forward by Monday 16/03, answer (Ninh
  // Bình's 10 days, data/templates/feedback-terms.json) by Monday 23/03, all at office close.
  EXPECT_EQ(due_of(entered.body, "reject"), "2026-03-11T17:00:00+07:00");
  EXPECT_EQ(due_of(entered.body, "ask"), "2026-03-16T17:00:00+07:00");
  EXPECT_EQ(due_of(entered.body, "forward"), "2026-03-16T17:00:00+07:00");
  EXPECT_EQ(due_of(entered.body, "answer"), "2026-03-23T17:00:00+07:00");
  EXPECT_EQ(due_of(entered.body, "publish"), "absent");
  EXPECT_EQ(entered.body.at("late"), false);

  // Another agency's leader cannot see or act on it.
  const std::string base = "/api/v1/feedback/" + id;
  expect_problem(other_.post(base + "/request-info",
                             json::object{{"request", "Xin gửi bản chụp giấy chứng sinh."}}),
                 404, "not_found");
  auto short_request = leader_.post(base + "/request-info", json::object{{"request", "?"}});
  expect_problem(short_request, 422, "request_missing");
  EXPECT_EQ(short_request.body.at("detail"), "request");
  auto asked =
      leader_.post(base + "/request-info",
                   json::object{{"request", "Xin gửi bản chụp giấy chứng sinh đã được cấp."}});
  ASSERT_EQ(asked.status, 200) << asked.raw.body;
  EXPECT_EQ(asked.body.at("status"), "info_requested");
  EXPECT_EQ(due_of(asked.body, "answer"), "");  // paused while the sender is asked
  // The answer waits for the information, and says so.
  expect_problem(
      leader_.post(base + "/answer", json::object{{"answer", kSpecificAnswer},
                                                  {"legal_reference", "Nghị định 123/2015/NĐ-CP"}}),
      409, "waiting_for_information");
  auto supplied =
      anonymous.post("/api/v1/feedback/" + code + "/supply-info",
                     json::object{{"information", "Đã gửi bản chụp qua bưu điện ngày 09/03."}});
  ASSERT_EQ(supplied.status, 200) << supplied.raw.body;
  EXPECT_EQ(supplied.body.at("status"), "received");
  EXPECT_FALSE(supplied.body.as_object().contains("contact"));
  expect_problem(anonymous.post("/api/v1/feedback/" + code + "/supply-info",
                                json::object{{"information", "Gửi thêm lần nữa cho chắc chắn."}}),
                 409, "feedback_wrong_status");

  // Outside c1's competence: forwarded to c2, which owns it from now on.
  auto forward_bad =
      leader_.post(base + "/forward", json::object{{"target", "agency"},
                                                   {"target_id", "c1"},
                                                   {"reason", "Thuộc thẩm quyền xã Hai."}});
  expect_problem(forward_bad, 422, "invalid_input");
  EXPECT_EQ(forward_bad.body.at("detail"), "target_id");
  auto forwarded =
      leader_.post(base + "/forward", json::object{{"target", "agency"},
                                                   {"target_id", "c2"},
                                                   {"reason", "Thuộc thẩm quyền xã Hai."}});
  ASSERT_EQ(forwarded.status, 200) << forwarded.raw.body;
  EXPECT_EQ(forwarded.body.at("status"), "received");
  EXPECT_EQ(forwarded.body.at("agency_id"), "c2");
  EXPECT_EQ(forwarded.body.at("forwarded_from"), "c1");
  expect_problem(
      leader_.post(base + "/reject", json::object{{"reason", "Không thuộc phạm vi xử lý."}}), 404,
      "not_found");
  auto queue = other_.get("/api/v1/feedback?status=received");
  ASSERT_EQ(queue.status, 200) << queue.raw.body;
  ASSERT_EQ(queue.body.as_array().size(), 1u);
  EXPECT_EQ(queue.body.as_array()[0].at("id"), id.c_str());

  auto answered = other_.post(
      base + "/answer",
      json::object{{"answer", kSpecificAnswer}, {"legal_reference", "Nghị định 123/2015/NĐ-CP"}});
  ASSERT_EQ(answered.status, 200) << answered.raw.body;
  auto status = anonymous.get("/api/v1/feedback/" + code);
  ASSERT_EQ(status.status, 200);
  EXPECT_EQ(status.body.at("status"), "answered");
  // Answered Monday 09/03: published by Wednesday 11/03.
  EXPECT_EQ(due_of(status.body, "publish"), "2026-03-11T17:00:00+07:00");
  // Not yet published: nobody finds it.
  EXPECT_EQ(
      anonymous.get("/api/v1/feedback/published?q=giay%20chung%20sinh").body.as_array().size(), 0u);
  expect_problem(leader_.post(base + "/publish", json::object{}), 404, "not_found");
  auto published = other_.post(base + "/publish", json::object{});
  ASSERT_EQ(published.status, 200) << published.raw.body;
  EXPECT_EQ(published.body.at("status"), "published");
  expect_problem(other_.post(base + "/publish", json::object{}), 409, "feedback_wrong_status");

  // Anyone finds it without accents, by procedure and by agency (the agency that owns it now).
  auto found = anonymous.get("/api/v1/feedback/published?q=giay%20chung%20sinh%20BAN%20CHINH");
  ASSERT_EQ(found.status, 200) << found.raw.body;
  ASSERT_EQ(found.body.as_array().size(), 1u);
  EXPECT_EQ(found.body.as_array()[0].at("code"), code.c_str());
  EXPECT_FALSE(found.body.as_array()[0].as_object().contains("contact"));
  EXPECT_EQ(anonymous.get("/api/v1/feedback/published?q=ho%20chieu").body.as_array().size(), 0u);
  EXPECT_EQ(anonymous.get("/api/v1/feedback/published?agency_id=c2").body.as_array().size(), 1u);
  EXPECT_EQ(anonymous.get("/api/v1/feedback/published?agency_id=p1").body.as_array().size(), 1u);
  EXPECT_EQ(anonymous.get("/api/v1/feedback/published?agency_id=c1").body.as_array().size(), 0u);
  EXPECT_EQ(
      anonymous.get("/api/v1/feedback/published?procedure_code=1.001193").body.as_array().size(),
      1u);

  // The sender rates the answer once.
  const std::string rate = "/api/v1/feedback/" + code + "/rate";
  auto wrong = anonymous.post(rate, json::object{{"rating", "5"}});
  expect_problem(wrong, 422, "invalid_input");
  EXPECT_EQ(wrong.body.at("detail"), "rating");
  auto rated = anonymous.post(
      rate, json::object{{"rating", "unsatisfied"},
                         {"comment", "Chưa trả lời việc bệnh viện chỉ cấp một bản."}});
  ASSERT_EQ(rated.status, 200) << rated.raw.body;
  EXPECT_EQ(rated.body.at("rating"), "unsatisfied");
  expect_problem(anonymous.post(rate, json::object{{"rating", "satisfied"}}), 409, "already_rated");

  server_.reset();
  auto store = store::open_store(db_);
  store->read([&](store::SqlConnection& db) {
    std::vector<std::string> actions;
    for (const auto& e : store::audit_of(db, id)) actions.push_back(e.action + "/" + e.actor_id);
    EXPECT_EQ(actions, (std::vector<std::string>{
                           "feedback.received/off-reception", "feedback.info_requested/off-leader",
                           "feedback.info_supplied/public", "feedback.forwarded/off-leader",
                           "feedback.answered/off-other", "feedback.published/off-other",
                           "feedback.rated/public"}));
  });
}

TEST_F(FeedbackLifecycle, RejectedWithAReasonOrForwardedToTheNationalPortal) {
  auto anonymous = ApiClient(server_->port());
  json::object online = letter();
  online.erase("channel");
  online.erase("kind");
  auto first = anonymous.post("/api/v1/feedback", online);
  ASSERT_EQ(first.status, 201) << first.raw.body;
  const std::string first_id(first.body.at("id").as_string());
  auto no_reason = leader_.post("/api/v1/feedback/" + first_id + "/reject", json::object{});
  expect_problem(no_reason, 422, "reason_missing");
  EXPECT_EQ(no_reason.body.at("detail"), "reason");
  auto rejected = leader_.post(
      "/api/v1/feedback/" + first_id + "/reject",
      json::object{{"reason", "Nội dung không phải phản ánh về quy định hành chính."}});
  ASSERT_EQ(rejected.status, 200) << rejected.raw.body;
  EXPECT_EQ(rejected.body.at("status"), "rejected");
  EXPECT_EQ(rejected.body.at("late"), false);
  EXPECT_EQ(due_of(rejected.body, "answer"), "absent");  // nothing more is owed

  online["content"] = "Đề nghị bộ ngành sửa mẫu tờ khai khai sinh cho phù hợp thực tế hiện nay.";
  auto second = anonymous.post("/api/v1/feedback", online);
  ASSERT_EQ(second.status, 201);
  const std::string second_id(second.body.at("id").as_string());
  // Partner forwarding needs the exchange configured (serve --instance-id): named 409.
  expect_problem(leader_.post("/api/v1/feedback/" + second_id + "/forward",
                              json::object{{"target", "partner"},
                                           {"target_id", "tinh-khac"},
                                           {"reason", "Thuộc thẩm quyền tỉnh khác."}}),
                 409, "exchange_not_configured");
  auto to_portal = leader_.post(
      "/api/v1/feedback/" + second_id + "/forward",
      json::object{{"target", "portal"}, {"reason", "Thuộc thẩm quyền của Bộ Tư pháp."}});
  ASSERT_EQ(to_portal.status, 200) << to_portal.raw.body;
  EXPECT_EQ(to_portal.body.at("status"), "forwarded");
  EXPECT_EQ(to_portal.body.at("forward_target"), "portal");

  server_.reset();
  auto store = store::open_store(db_);
  store->read([&](store::SqlConnection& db) {
    int portal = 0;
    for (const auto& m : store::pending_outbox(db, 4102444800, 100)) {
      if (m.topic != "national_portal.feedback") continue;
      ++portal;
      EXPECT_EQ(m.idempotency_key, second_id + ":forward");
      EXPECT_NE(m.payload.find("Bộ Tư pháp"), std::string::npos);
    }
    EXPECT_EQ(portal, 1);
  });
}

}  // namespace
}  // namespace motcua::testing
