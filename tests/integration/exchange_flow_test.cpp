// Một cửa liên thông across systems, end to end between two real `motcua serve` processes
// (issue 14 point 6): at A, a step of the birth registration process is done by commune c2, which
// B serves. Forwarding the dossier to B's account sends it with its paper (B killed meanwhile and
// restarted: it arrives once); B makes a child dossier, works it and decides; B's result hands the
// dossier back at A to the official and step that sent it, and the time B used is B's on A's
// control sheet. A consultation of c2 is answered by B's official through the exchange. Both logs
// verify.
#include <gtest/gtest.h>

#include "app/dossier/paper_samples_test_support.hpp"
#include "exchange_fixture.hpp"
#include "store/exchange_links_repository.hpp"
#include "store/exchange_repository.hpp"
#include "store/open_store.hpp"
#include "store/outbox.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;

const std::string kPdf = app::test_support::sample_pdf("exchange flow");

json::object step(const char* id, const char* name, json::object responsible, const char* budget,
                  json::array actions) {
  return {{"id", id},
          {"name", name},
          {"responsible", std::move(responsible)},
          {"budget", budget},
          {"actions", std::move(actions)}};
}

json::object action(const char* kind, const char* target = nullptr) {
  json::object a{{"kind", kind}};
  if (target != nullptr) a["target"] = target;
  return a;
}

// Birth registration at commune c1 with an appraisal step done by commune c2 (B's system).
json::object process_with_partner_step() {
  return {{"id", "khai-sinh-lien-thong"},
          {"procedure_code", "1.001193"},
          {"agency_id", "c1"},
          {"version", 1},
          {"legal_limit", "3 working-days"},
          {"steps", json::array{
                        step("receive", "Tiếp nhận hồ sơ", {{"role", "reception"}}, "2 hours",
                             {action("forward", "review")}),
                        step("review", "Thẩm định hồ sơ", {{"role", "processing"}}, "8 hours",
                             {action("forward", "partner"), action("forward", "decide")}),
                        step("partner", "Xác minh liên thông tại xã Hai", {{"unit", "c2"}},
                             "8 hours", {action("forward", "decide")}),
                        step("decide", "Phê duyệt kết quả", {{"role", "leader"}}, "4 hours",
                             {action("approve", "return"), action("refuse", "return")}),
                        step("return", "Trả kết quả", {{"role", "reception"}}, "2 hours",
                             {action("return_result")}),
                    }}};
}

class ExchangeFlow : public ExchangeInstances {
 protected:
  void SetUp() override {
    ExchangeInstances::SetUp();
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(a_->port(), {{&reception_a_, "tiepnhan"}, {&processing_a_, "chuyenvien"}}));
    ASSERT_NO_FATAL_FAILURE(log_in_b_official());
    const auto saved = admin_a_.call("PUT", "/api/v1/processes/khai-sinh-lien-thong",
                                     json::serialize(process_with_partner_step()),
                                     {{"Content-Type", "application/json"}});
    ASSERT_EQ(saved.status, 201) << saved.raw.body;
    auto created = reception_a_.post("/api/v1/dossiers",
                                     json::object{{"procedure_code", "1.001193"},
                                                  {"agency_id", "c1"},
                                                  {"receiving_unit_id", "u1"},
                                                  {"channel", "counter"},
                                                  {"applicant", {{"name", "Đỗ Thị Cúc"}}}});
    ASSERT_EQ(created.status, 201) << created.raw.body;
    id_ = std::string(created.body.at("id").as_string());
    base_ = "/api/v1/dossiers/" + id_;
    const auto paper = reception_a_.call("POST", base_ + "/papers?name=T%E1%BB%9D%20khai", kPdf,
                                         {{"Content-Type", "application/pdf"}});
    ASSERT_EQ(paper.status, 201) << paper.raw.body;
    paper_id_ = std::string(paper.body.at("id").as_string());
    paper_sha_ = std::string(paper.body.at("sha256").as_string());
    ASSERT_EQ(processing_a_.post(base_ + "/assign", json::object{{"official_id", "off-processing"}})
                  .status,
              200);
  }

  // B's official of commune c2 (reception, processing and leader there), after each B restart.
  void log_in_b_official() {
    ASSERT_NO_FATAL_FAILURE(log_in_all(b_->port(), {{&official_b_, "xahai"}}));
  }

  json::value dossier_at_a() { return processing_a_.get(base_).body; }

  json::array links_at_a() {
    const auto r = processing_a_.get(base_ + "/exchange");
    EXPECT_EQ(r.status, 200) << r.raw.body;
    return r.status == 200 ? r.body.as_array() : json::array{};
  }

  std::vector<store::ExchangeInboundRow> inbound_at_b(const std::string& kind) {
    std::vector<store::ExchangeInboundRow> rows;
    auto store = store::open_store(db_b_);
    store->read([&](store::SqlConnection& db) {
      for (const auto& q : store::exchange_questions_to(db, {"c2"}, false, 100))
        if (q.kind == kind) rows.push_back(q);
      for (const auto& r : db.query("SELECT id FROM exchange_inbound WHERE kind = ?", {kind})) {
        if (kind == "step") rows.push_back(*store::find_exchange_inbound(db, r.text(0)));
      }
    });
    return rows;
  }

  template <typename F>
  bool eventually(F done, int tenths = 200) {
    for (int i = 0; i < tenths; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
  }

  ApiClient reception_a_{0}, processing_a_{0}, official_b_{0};
  std::string id_, base_, paper_id_, paper_sha_;
};

TEST_F(ExchangeFlow, APartnersStepGetsTheDossierOnceAndItsResultResumesTheStep) {
  b_->kill9();
  const auto forwarded = processing_a_.post(
      base_ + "/forward", json::object{{"official_id", "exchange:tinh-b"}, {"step", "partner"}});
  ASSERT_EQ(forwarded.status, 200) << forwarded.raw.body;
  EXPECT_EQ(forwarded.body.at("assignee_id"), "exchange:tinh-b");
  EXPECT_EQ(forwarded.body.at("step"), "partner");
  // The processing official no longer holds it: only the partner's result moves it on.
  EXPECT_EQ(processing_a_
                .post(base_ + "/forward",
                      json::object{{"official_id", "off-processing"}, {"step", "decide"}})
                .status,
            409);
  // A tries while B is down, and keeps the message.
  const auto attempts = [&] {
    std::int64_t n = 0;
    auto store = store::open_store(db_a_);
    store->read([&](store::SqlConnection& db) {
      for (const auto& row : store::outbox_rows(db, {"exchange", "", 10})) n += row.attempts;
    });
    return n;
  };
  ASSERT_TRUE(eventually([&] { return attempts() >= 1; }));
  ASSERT_NO_FATAL_FAILURE(start_b());
  ASSERT_NO_FATAL_FAILURE(log_in_b_official());
  ASSERT_TRUE(eventually([&] {
    const auto links = links_at_a();
    return links.size() == 1 && !links[0].at("receipt_ref").as_string().empty();
  }));
  const auto link = links_at_a().at(0);
  EXPECT_EQ(link.at("kind"), "step");
  EXPECT_EQ(link.at("partner_id"), "tinh-b");
  EXPECT_EQ(link.at("step_id"), "partner");

  // At B: one child dossier, submitted by A's account with the paper's very bytes.
  const auto children = inbound_at_b("step");
  ASSERT_EQ(children.size(), 1u);
  const std::string child = "/api/v1/dossiers/" + children[0].dossier_id;
  auto at_b = official_b_.get(child);
  ASSERT_EQ(at_b.status, 200) << at_b.raw.body;
  EXPECT_EQ(at_b.body.at("code"), link.at("receipt_ref"));
  EXPECT_EQ(at_b.body.at("status"), "submitted");
  ASSERT_EQ(at_b.body.at("papers").as_array().size(), 1u);
  EXPECT_EQ(at_b.body.at("papers").at(0).at("sha256"), json::value(paper_sha_));
  const auto bytes = official_b_.get(
      child + "/papers/" + std::string(at_b.body.at("papers").at(0).at("id").as_string()));
  EXPECT_EQ(bytes.raw.body, kPdf);

  // B works the child and decides.
  ASSERT_EQ(official_b_.post(child + "/accept", json::object{}).status, 200);
  ASSERT_EQ(official_b_.post(child + "/assign", json::object{{"official_id", "off-other"}}).status,
            200);
  const auto approved = official_b_.post(child + "/approve", json::object{{"note", "Đã xác minh"}});
  ASSERT_EQ(approved.status, 200) << approved.raw.body;

  // B's result reaches A: the dossier is back with the official at the step that sent it.
  ASSERT_TRUE(eventually([&] { return dossier_at_a().at("assignee_id") == "off-processing"; }));
  const auto back = dossier_at_a();
  EXPECT_EQ(back.at("step"), "review");
  const auto closed = links_at_a().at(0);
  EXPECT_EQ(closed.at("outcome"), "approval");
  EXPECT_FALSE(closed.at("result_at").as_string().empty());
  // The hand-back is B's, with its outcome and note in the log.
  const auto& last = back.at("timeline").as_array().back().as_object();
  EXPECT_EQ(last.at("actor_id"), "exchange:tinh-b");
  EXPECT_NE(json::serialize(last).find("giải quyết / approved"), std::string::npos)
      << json::serialize(last);
  // The time B used is B's on A's control sheet, under the partner's name.
  bool partner_row = false;
  for (const auto& row : back.at("control_sheet").as_array()) {
    if (row.at("party") == "official:exchange:tinh-b") {
      partner_row = true;
      EXPECT_EQ(row.at("name"), "Xác minh liên thông tại xã Hai");
      EXPECT_TRUE(row.at("party_name").is_string());
      EXPECT_TRUE(row.at("ended").is_string());
    }
  }
  EXPECT_TRUE(partner_row) << json::serialize(back.at("control_sheet"));
  EXPECT_TRUE(back.at("clock")
                  .at("used_minutes_by_party")
                  .as_object()
                  .contains("official:exchange:tinh-b"));
  // The official goes on from there under the process.
  EXPECT_EQ(
      processing_a_
          .post(base_ + "/forward", json::object{{"official_id", "off-leader"}, {"step", "decide"}})
          .status,
      200);

  // Exactly once at B, and both logs verify.
  a_->stop();
  b_->stop();
  auto store_b = store::open_store(db_b_);
  store_b->read([&](store::SqlConnection& db) {
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM dossiers")->integer(0), 1);
    EXPECT_EQ(db.query_one("SELECT COUNT(*) FROM exchange_received WHERE kind = "
                           "'dossier_transfer'")
                  ->integer(0),
              1);
  });
  EXPECT_EQ(verify_log(db_a_), 0);
  EXPECT_EQ(verify_log(db_b_), 0);
}

TEST_F(ExchangeFlow, AConsultationOfThePartnersAgencyIsAnsweredThroughTheExchange) {
  const auto asked = processing_a_.post(
      base_ + "/consult", json::object{{"agency_code", "000.02.02.H40"},
                                       {"question", "Xác nhận nơi cư trú của người mẹ?"},
                                       {"shared_papers", json::array{json::string(paper_id_)}}});
  ASSERT_EQ(asked.status, 200) << asked.raw.body;
  // B's official of c2 sees the question with the shared paper, and answers it.
  json::array questions;
  ASSERT_TRUE(eventually([&] {
    const auto r = official_b_.get("/api/v1/exchange/questions?open=1");
    if (r.status != 200) return false;
    questions = r.body.as_array();
    return questions.size() == 1;
  }));
  EXPECT_EQ(questions[0].at("question"), "Xác nhận nơi cư trú của người mẹ?");
  EXPECT_EQ(questions[0].at("partner_id"), "tinh-a");
  ASSERT_EQ(questions[0].at("papers").as_array().size(), 1u);
  EXPECT_EQ(questions[0].at("papers").at(0).at("sha256"), json::value(paper_sha_));
  const std::string qid(questions[0].at("id").as_string());
  // Another commune's reception cannot answer it (B's "tiepnhan" works at c1).
  ApiClient reception_b{0};
  ASSERT_NO_FATAL_FAILURE(log_in_all(b_->port(), {{&reception_b, "tiepnhan"}}));
  EXPECT_EQ(
      reception_b
          .post("/api/v1/exchange/questions/" + qid + "/answer", json::object{{"answer", "Không"}})
          .status,
      404);
  const auto answered = official_b_.post("/api/v1/exchange/questions/" + qid + "/answer",
                                         json::object{{"answer", "Có, thường trú tại xã Hai."}});
  ASSERT_EQ(answered.status, 200) << answered.raw.body;
  EXPECT_FALSE(answered.body.at("open").as_bool());
  EXPECT_EQ(official_b_
                .post("/api/v1/exchange/questions/" + qid + "/answer",
                      json::object{{"answer", "lần hai"}})
                .status,
            409);
  // At A the consultation closes with B's answer.
  ASSERT_TRUE(eventually([&] {
    const auto consultations = dossier_at_a().at("consultations").as_array();
    return consultations.size() == 1 && consultations[0].at("answer").is_string();
  }));
  const auto consultation = dossier_at_a().at("consultations").at(0);
  EXPECT_NE(std::string(consultation.at("answer").as_string()).find("thường trú tại xã Hai"),
            std::string::npos);
  EXPECT_EQ(links_at_a().at(0).at("outcome"), "answered");
  a_->stop();
  b_->stop();
  EXPECT_EQ(verify_log(db_a_), 0);
  EXPECT_EQ(verify_log(db_b_), 0);
}

// Feedback on regulations outside A's competence goes to the competent partner B as a signed
// `feedback_forward` and becomes a feedback item there, answered within B's limit (issue 16
// point 5: "forwarding ... also to another MotCua instance").
TEST_F(ExchangeFlow, FeedbackOutsideCompetenceBecomesAFeedbackItemAtThePartner) {
  ApiClient anonymous(a_->port());
  const auto sent = anonymous.post(
      "/api/v1/feedback",
      json::object{
          {"name", "Trần Văn Cường"},
          {"contact", "0912 345 678"},
          {"procedure_code", "1.001193"},
          {"content", "Đề nghị cho nộp bản chụp giấy chứng sinh khi bệnh viện ở tỉnh khác."}});
  ASSERT_EQ(sent.status, 201) << sent.raw.body;
  const std::string id(sent.body.at("id").as_string()), code(sent.body.at("code").as_string());
  const auto forwarded = admin_a_.post(
      "/api/v1/feedback/" + id + "/forward",
      json::object{{"target", "partner"},
                   {"target_id", "tinh-b"},
                   {"reason", "Bệnh viện cấp giấy chứng sinh thuộc tỉnh B quản lý."}});
  ASSERT_EQ(forwarded.status, 200) << forwarded.raw.body;
  EXPECT_EQ(forwarded.body.at("status"), "forwarded");
  json::object at_b;
  ASSERT_TRUE(eventually([&] {
    const auto r = admin_b_.get("/api/v1/feedback");
    if (r.status != 200) return false;
    for (const auto& f : r.body.as_array()) {
      if (f.at("channel") == "exchange") at_b = f.as_object();
    }
    return !at_b.empty();
  }));
  EXPECT_EQ(at_b.at("status"), "received");
  EXPECT_EQ(at_b.at("procedure_code"), "1.001193");
  EXPECT_EQ(at_b.at("name"), "Trần Văn Cường");
  const std::string content(at_b.at("content").as_string());
  EXPECT_NE(content.find("tinh-a"), std::string::npos) << content;
  EXPECT_NE(content.find(code), std::string::npos) << "the sender's code travels with it";
  EXPECT_NE(at_b.at("code"), json::value(code)) << "B gives its own tracking code";
  EXPECT_FALSE(at_b.at("deadlines").as_array().empty());
  a_->stop();
  b_->stop();
  EXPECT_EQ(verify_log(db_a_), 0);
  EXPECT_EQ(verify_log(db_b_), 0);
}

}  // namespace
}  // namespace motcua::testing
