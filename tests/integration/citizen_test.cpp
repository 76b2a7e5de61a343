// The citizen services over real HTTP: drafts of online submissions (change, concurrency, discard),
// the satisfaction rating once the result is out, feedback on regulations with its specific-answer
// rules, and the typo-tolerant procedure search.
#include <gtest/gtest.h>

#include <cctype>

#include "api_client.hpp"
#include "app/dossier/paper_samples_test_support.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"
#include "store/event_log.hpp"

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

// A query-string value: unreserved characters as they are, every other byte as %XX.
std::string url_encoded(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class Citizen : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--calendar-dir",
                                 std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&an_, "an"},
                                                         {&binh_, "binh"},
                                                         {&reception_, "tiepnhan"},
                                                         {&processing_, "chuyenvien"},
                                                         {&leader_, "lanhdao"},
                                                         {&other_, "xahai"},
                                                         {&admin_, "quantri"}}));
  }
  void TearDown() override { server_.reset(); }

  std::string create_draft(const ApiClient& who) {
    auto r = who.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                       {"agency_id", "c1"},
                                                       {"receiving_unit_id", "u1"},
                                                       {"submit", false}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    EXPECT_EQ(r.body.at("status"), "draft");
    return std::string(r.body.at("id").as_string());
  }

  ApiResult put(const ApiClient& who, const std::string& id, const json::object& body) {
    return who.call("PUT", "/api/v1/dossiers/" + id, json::serialize(body),
                    {{"Content-Type", "application/json"}});
  }

  // Runs a dossier of `an` to the returned result.
  std::string returned_dossier() {
    auto r = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                       {"agency_id", "c1"},
                                                       {"receiving_unit_id", "u1"}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    const std::string id(r.body.at("id").as_string());
    const std::string base = "/api/v1/dossiers/" + id;
    EXPECT_EQ(reception_.post(base + "/accept", json::object{}).status, 200);
    EXPECT_EQ(
        processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
        200);
    EXPECT_EQ(leader_.post(base + "/approve", json::object{{"note", "Đủ điều kiện"}}).status, 200);
    EXPECT_EQ(reception_
                  .post(base + "/return-result",
                        json::object{{"channel", "counter"}, {"receiver_name", "Nguyễn Văn An"}})
                  .status,
              200);
    return id;
  }

  std::vector<store::StoredEvent> events_after_stop(const std::string& id) {
    server_.reset();
    auto store = store::open_store(db_);
    std::vector<store::StoredEvent> out;
    store->read([&](store::SqlConnection& db) { out = store::events_of(db, id); });
    return out;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, binh_{0}, reception_{0}, processing_{0}, leader_{0}, other_{0}, admin_{0};
};

// ---- drafts ----

// The variant names one of the procedure's cases (the fixture's 1.001193 has "Khai sinh đúng hạn").
TEST_F(Citizen, AVariantThatIsNotACaseOfTheProcedureIsRefusedNamingTheField) {
  auto bogus =
      reception_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                       {"agency_id", "c1"},
                                                       {"receiving_unit_id", "u1"},
                                                       {"variant", "BOGUS-VARIANT-XYZ"},
                                                       {"applicant", {{"name", "Lê Văn C"}}}});
  expect_problem(bogus, 422, "invalid_variant");
  EXPECT_NE(std::string(bogus.body.at("detail").as_string()).find("variant"), std::string::npos);
  EXPECT_NE(std::string(bogus.body.at("title").as_string()).find("BOGUS-VARIANT-XYZ"),
            std::string::npos)
      << bogus.raw.body;

  auto named =
      reception_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                       {"agency_id", "c1"},
                                                       {"receiving_unit_id", "u1"},
                                                       {"variant", "Khai sinh đúng hạn"},
                                                       {"applicant", {{"name", "Lê Văn C"}}}});
  EXPECT_EQ(named.status, 201) << named.raw.body;

  const auto id = create_draft(an_);
  expect_problem(put(an_, id, json::object{{"version", 1}, {"variant", "BOGUS-VARIANT-XYZ"}}), 422,
                 "invalid_variant");
}

TEST_F(Citizen, DraftIsUpdatedByItsOwnerFromTheVersionSeenAndLogged) {
  const auto id = create_draft(an_);
  auto changed = put(an_, id,
                     json::object{{"version", 1},
                                  {"variant", "Khai sinh đúng hạn"},
                                  {"return_channel", "post"},
                                  {"reason", "Bổ sung địa chỉ"},
                                  {"applicant",
                                   {{"name", "Nguyễn Văn An"},
                                    {"id_number", "001090000001"},
                                    {"address", "Phường Hoa Lư"},
                                    {"phone", "0900000001"}}}});
  ASSERT_EQ(changed.status, 200) << changed.raw.body;
  EXPECT_EQ(changed.body.at("status"), "draft");
  EXPECT_EQ(changed.body.at("version"), 2);
  EXPECT_EQ(changed.body.at("procedure").at("variant"), "Khai sinh đúng hạn");
  EXPECT_EQ(changed.body.at("return_channel"), "post");
  EXPECT_EQ(changed.body.at("applicant").at("address"), "Phường Hoa Lư");

  // A second tab still holding version 1 is refused instead of overwriting.
  expect_problem(put(an_, id, json::object{{"version", 1}, {"variant", "x"}}), 409,
                 "version_conflict");
  // Someone else's draft does not exist for them; an official may not edit it.
  expect_problem(put(binh_, id, json::object{{"version", 2}, {"variant", "x"}}), 404, "not_found");
  expect_problem(put(reception_, id, json::object{{"version", 2}, {"variant", "x"}}), 403,
                 "forbidden");
  expect_problem(put(an_, id, json::object{{"variant", "x"}}), 422, "invalid_input");
  expect_problem(put(an_, id, json::object{{"version", 2}, {"return_channel", "drone"}}), 422,
                 "invalid_input");

  // Papers may be uploaded to the draft; it is then submitted and can no longer be changed.
  auto paper = an_.call(
      "POST", "/api/v1/dossiers/" + id + "/papers?name=Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh",
      app::test_support::sample_pdf(std::string(200, 'x')), {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(paper.status, 201) << paper.raw.body;
  EXPECT_EQ(paper.body.at("dossier_version"), 3);
  auto submitted = an_.post("/api/v1/dossiers/" + id + "/submit", json::object{});
  ASSERT_EQ(submitted.status, 200) << submitted.raw.body;
  EXPECT_EQ(submitted.body.at("status"), "submitted");
  EXPECT_EQ(submitted.body.at("papers").as_array().size(), 1u);
  expect_problem(put(an_, id, json::object{{"version", 4}, {"variant", "x"}}), 409, "not_a_draft");

  const auto events = events_after_stop(id);
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events[0].event.type, "draft_updated");
  EXPECT_EQ(events[0].event.actor_id, "citizen-an");
  EXPECT_EQ(events[0].event.reason, "Bổ sung địa chỉ");
  EXPECT_EQ(events[0].event.at, "2026-03-09T09:00:00+07:00");
  EXPECT_NE(events[0].event.payload.find("return_channel"), std::string::npos);
  // Personal details are not copied into the log, only that they changed.
  EXPECT_EQ(events[0].event.payload.find("Hoa Lư"), std::string::npos);
  EXPECT_EQ(events[1].event.type, "paper_attached");
  EXPECT_EQ(events[2].event.type, "dossier_submitted");
}

TEST_F(Citizen, DiscardedDraftDisappearsForEveryoneAndCannotBeSubmitted) {
  const auto kept = create_draft(an_);
  const auto id = create_draft(an_);
  const std::string base = "/api/v1/dossiers/" + id;
  expect_problem(binh_.call("DELETE", base, {}, {}), 404, "not_found");
  expect_problem(an_.call("DELETE", base + "?version=7", {}, {}), 409, "version_conflict");
  auto gone = an_.call("DELETE",
                       base + "?version=1&reason=Nh%E1%BA%A7m%20th%E1%BB%A7%20t%E1%BB%A5c", {}, {});
  ASSERT_EQ(gone.status, 200) << gone.raw.body;
  EXPECT_EQ(gone.body.at("status"), "discarded");
  expect_problem(an_.get(base), 404, "not_found");
  expect_problem(an_.post(base + "/submit", json::object{}), 404, "not_found");
  expect_problem(an_.call("DELETE", base, {}, {}), 404, "not_found");
  auto mine = an_.get("/api/v1/my/dossiers");
  ASSERT_EQ(mine.status, 200);
  ASSERT_EQ(mine.body.as_array().size(), 1u);
  EXPECT_EQ(mine.body.as_array()[0].at("id"), kept.c_str());
  // A submitted dossier is not a draft: withdrawing it is the legal procedure, not a delete.
  ASSERT_EQ(an_.post("/api/v1/dossiers/" + kept + "/submit", json::object{}).status, 200);
  expect_problem(an_.call("DELETE", "/api/v1/dossiers/" + kept, {}, {}), 409, "not_a_draft");
  // Without the CSRF header the delete is refused.
  expect_problem(an_.call("DELETE", "/api/v1/dossiers/" + kept, {}, {}, false), 403, "csrf_failed");

  const auto events = events_after_stop(id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event.type, "draft_discarded");
  EXPECT_EQ(events[0].event.reason, "Nhầm thủ tục");
  EXPECT_EQ(events[0].event.to_status, "discarded");
}

// Sealed forms are bound to their dossier (docs/security.md "Personal data at rest"): two forms
// swapped in the database by someone without the data key are refused when read. The API answers a
// 500 problem (the cause goes to the server's log only), never the other citizen's form, and keeps
// serving.
TEST_F(Citizen, AFormSwappedWithAnotherDossiersInTheDatabaseIsRefusedWithA500Problem) {
  const auto mine = create_draft(an_);
  const auto theirs = create_draft(binh_);
  ASSERT_EQ(an_.get("/api/v1/dossiers/" + mine).status, 200);
  store::open_store(db_)->write([&](store::SqlConnection& db) {
    const auto form = [&db](const std::string& id) {
      // As stored: the binary sealed form (migration 0064).
      return db.query_one("SELECT document FROM dossiers WHERE id = ?", {id})->values.at(0);
    };
    const store::SqlValue a = form(mine);
    const store::SqlValue b = form(theirs);
    db.execute("UPDATE dossiers SET document = ? WHERE id = ?", {b, mine});
    db.execute("UPDATE dossiers SET document = ? WHERE id = ?", {a, theirs});
  });
  expect_problem(an_.get("/api/v1/dossiers/" + mine), 500, "internal_error");
  expect_problem(binh_.get("/api/v1/dossiers/" + theirs), 500, "internal_error");
  // Still serving: a request that opens no swapped form is answered.
  expect_problem(ApiClient(server_->port()).get("/api/v1/feedback/PA-NOPE"), 404, "not_found");
  EXPECT_EQ(an_.get("/api/v1/my/dossiers").status, 200);
}

// ---- ratings ----

TEST_F(Citizen, RatingOnceByTheApplicantAfterTheResultIsReturned) {
  auto open = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                        {"agency_id", "c1"},
                                                        {"receiving_unit_id", "u1"}});
  const std::string open_id(open.body.at("id").as_string());
  const json::object good{{"overall", 5},
                          {"contacts", 0},
                          {"bodies", 1},
                          {"attitude", "courteous"},
                          {"comment", "Cán bộ hướng dẫn tận tình."}};
  expect_problem(an_.post("/api/v1/dossiers/" + open_id + "/rating", good), 409, "rating_not_open");
  auto before = an_.get("/api/v1/dossiers/" + open_id + "/rating");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(before.body.at("may_rate"), false);

  const auto id = returned_dossier();
  const std::string url = "/api/v1/dossiers/" + id + "/rating";
  EXPECT_EQ(an_.get(url).body.at("may_rate"), true);
  expect_problem(
      an_.post(
          url,
          json::object{{"overall", 6}, {"contacts", 0}, {"bodies", 1}, {"attitude", "courteous"}}),
      422, "invalid_input");
  expect_problem(
      an_.post(url,
               json::object{{"overall", 4}, {"contacts", 0}, {"bodies", 1}, {"attitude", "rude"}}),
      422, "invalid_input");
  expect_problem(binh_.post(url, good), 404, "not_found");
  expect_problem(reception_.post(url, good), 403, "forbidden");

  auto rated = an_.post(url, json::object{{"overall", 2},
                                          {"contacts", 1},
                                          {"bodies", 3},
                                          {"attitude", "discourteous"},
                                          {"comment", "Phải đến hai lần."}});
  ASSERT_EQ(rated.status, 201) << rated.raw.body;
  const auto& rating = rated.body.at("rating");
  EXPECT_EQ(rating.at("overall"), 2);
  EXPECT_EQ(rating.at("points").at("contacts"), 1);
  EXPECT_EQ(rating.at("points").at("bodies"), 0);
  EXPECT_EQ(rating.at("points").at("attitude"), 1);
  EXPECT_EQ(rating.at("rated_at"), "2026-03-09T09:00:00+07:00");
  expect_problem(an_.post(url, good), 409, "already_rated");

  // Officials over the dossier read it; strangers do not learn it exists.
  auto seen = leader_.get(url);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.body.at("rated"), true);
  EXPECT_EQ(seen.body.at("rating").at("comment"), "Phải đến hai lần.");
  expect_problem(other_.get(url), 404, "not_found");

  server_.reset();
  auto store = store::open_store(db_);
  store->read([&](store::SqlConnection& db) {
    const auto audit = store::audit_of(db, id);
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "dossier.rated");
    EXPECT_EQ(audit[0].actor_id, "citizen-an");
  });
}

// ---- feedback ----

const char* kSpecificAnswer =
    "Theo khoản 1 Điều 6 Nghị định 123/2015/NĐ-CP, giấy chứng sinh là giấy tờ bắt buộc khi đăng "
    "ký khai sinh; trường hợp không có giấy chứng sinh thì nộp văn bản của người làm chứng.";

TEST_F(Citizen, FeedbackIsTrackedByCodeAndAnsweredSpecifically) {
  auto anonymous = ApiClient(server_->port());
  const json::object feedback{
      {"name", "Trần Văn Cường"},
      {"contact", "0912 345 678"},
      {"procedure_code", "1.001193"},
      {"agency_id", "c1"},
      {"content",
       "Thủ tục yêu cầu giấy chứng sinh bản chính, trong khi bệnh viện chỉ cấp một bản."}};
  auto sent = anonymous.post("/api/v1/feedback", feedback);
  ASSERT_EQ(sent.status, 201) << sent.raw.body;
  const std::string code(sent.body.at("code").as_string());
  const std::string id(sent.body.at("id").as_string());
  EXPECT_EQ(code.rfind("PA-", 0), 0u);
  EXPECT_EQ(sent.body.at("procedure_name"), "Đăng ký khai sinh");
  // Received Monday 09/03/2026: 10 working days, civil-code reading -> Monday 23/03 office close.
  EXPECT_EQ(sent.body.at("answer_due"), "2026-03-23T17:00:00+07:00");

  json::object no_contact = feedback;
  no_contact["contact"] = "không có";
  expect_problem(anonymous.post("/api/v1/feedback", no_contact), 422, "invalid_input");
  json::object unknown = feedback;
  unknown["procedure_code"] = "9.999999";
  expect_problem(anonymous.post("/api/v1/feedback", unknown), 422, "invalid_input");

  auto status = anonymous.get("/api/v1/feedback/" + code);
  ASSERT_EQ(status.status, 200);
  EXPECT_EQ(status.body.at("status"), "received");
  EXPECT_EQ(status.raw.body.find("0912"), std::string::npos);  // no contact details in public
  expect_problem(anonymous.get("/api/v1/feedback/PA-NOPE"), 404, "not_found");

  // The leader of c1 sees it; the leader of c2 and applicants do not.
  auto queue = leader_.get("/api/v1/feedback?status=received");
  ASSERT_EQ(queue.status, 200);
  ASSERT_EQ(queue.body.as_array().size(), 1u);
  EXPECT_EQ(queue.body.as_array()[0].at("contact"), "0912 345 678");
  EXPECT_EQ(other_.get("/api/v1/feedback").body.as_array().size(), 0u);
  expect_problem(an_.get("/api/v1/feedback"), 403, "forbidden");
  expect_problem(anonymous.get("/api/v1/feedback"), 401, "unauthenticated");

  const std::string answer_url = "/api/v1/feedback/" + id + "/answer";
  expect_problem(leader_.post(answer_url, json::object{{"answer", "Đã tiếp nhận, sẽ xem xét."},
                                                       {"legal_reference", "quy định hiện hành"}}),
                 422, "legal_reference_missing");
  expect_problem(
      leader_.post(answer_url, json::object{{"answer", "Đã tiếp nhận, sẽ xem xét."},
                                            {"legal_reference", "Nghị định 123/2015/NĐ-CP"}}),
      422, "legal_reference_not_in_answer");
  expect_problem(
      leader_.post(answer_url, json::object{{"answer", "Xem Nghị định 123/2015/NĐ-CP."},
                                            {"legal_reference", "Nghị định 123/2015/NĐ-CP"}}),
      422, "answer_too_short");
  expect_problem(
      other_.post(answer_url, json::object{{"answer", kSpecificAnswer},
                                           {"legal_reference", "Nghị định 123/2015/NĐ-CP"}}),
      404, "not_found");
  auto answered =
      leader_.post(answer_url, json::object{{"answer", kSpecificAnswer},
                                            {"legal_reference", "Nghị định số 123/2015/NĐ-CP"}});
  ASSERT_EQ(answered.status, 200) << answered.raw.body;
  EXPECT_EQ(answered.body.at("status"), "answered");
  expect_problem(
      leader_.post(answer_url, json::object{{"answer", kSpecificAnswer},
                                            {"legal_reference", "Nghị định 123/2015/NĐ-CP"}}),
      409, "already_answered");
  auto public_view = anonymous.get("/api/v1/feedback/" + code);
  EXPECT_EQ(public_view.body.at("answer"), kSpecificAnswer);
  EXPECT_EQ(public_view.body.at("legal_reference"), "Nghị định số 123/2015/NĐ-CP");

  // A second feedback answered with the same text (a generic reply) is refused; addressed to the
  // province, it is the administrator's to answer.
  json::object second = feedback;
  second.erase("agency_id");
  second["content"] = "Đề nghị cho phép nộp bản sao giấy chứng sinh thay cho bản chính.";
  auto sent2 = anonymous.post("/api/v1/feedback", second);
  ASSERT_EQ(sent2.status, 201);
  EXPECT_EQ(sent2.body.at("agency_id"), "p1");
  const std::string answer2 =
      "/api/v1/feedback/" + std::string(sent2.body.at("id").as_string()) + "/answer";
  expect_problem(
      leader_.post(answer2, json::object{{"answer", kSpecificAnswer},
                                         {"legal_reference", "Nghị định 123/2015/NĐ-CP"}}),
      404, "not_found");
  auto copied = admin_.post(answer2, json::object{{"answer", std::string(kSpecificAnswer) + " "},
                                                  {"legal_reference", "Nghị định 123/2015/NĐ-CP"}});
  expect_problem(copied, 422, "answer_copied");
  EXPECT_NE(copied.raw.body.find(code), std::string::npos);
  auto own = admin_.post(
      answer2,
      json::object{{"answer",
                    "Điều 9 Nghị định 123/2015/NĐ-CP cho phép nộp bản sao có chứng thực giấy "
                    "chứng sinh hoặc xuất trình bản chính để đối chiếu; kiến nghị đã được ghi "
                    "nhận để đề xuất sửa đổi."},
                   {"legal_reference", "Nghị định 123/2015/NĐ-CP"}});
  ASSERT_EQ(own.status, 200) << own.raw.body;

  server_.reset();
  auto store = store::open_store(db_);
  store->read([&](store::SqlConnection& db) {
    const auto audit = store::audit_of(db, id);
    ASSERT_EQ(audit.size(), 2u);
    EXPECT_EQ(audit[0].action, "feedback.received");
    EXPECT_EQ(audit[1].action, "feedback.answered");
    EXPECT_EQ(audit[1].actor_id, "off-leader");
  });
}

// ---- search ----

TEST_F(Citizen, ProcedureSearchForgivesMissingAccentsAndTypos) {
  auto anonymous = ApiClient(server_->port());
  const auto names = [&](const std::string& q) {
    std::vector<std::string> out;
    auto r = anonymous.get("/api/v1/procedures?q=" + q);
    EXPECT_EQ(r.status, 200) << r.raw.body;
    if (!r.body.is_array()) {
      ADD_FAILURE() << q << ": " << r.raw.body;
      return out;
    }
    for (const auto& p : r.body.as_array()) out.emplace_back(p.at("name").as_string());
    return out;
  };
  EXPECT_EQ(names("dang%20ky%20khai%20sinh"), std::vector<std::string>{"Đăng ký khai sinh"});
  EXPECT_EQ(names("%C4%91%C4%83ng%20k%C3%BD%20k%E1%BA%BFt%20h%C3%B4n"),
            std::vector<std::string>{"Đăng ký kết hôn"});
  // Typos: "ki" for "ký", a dropped letter, a prefix still being typed.
  EXPECT_EQ(names("dang%20ki%20khai%20sinh"), std::vector<std::string>{"Đăng ký khai sinh"});
  EXPECT_EQ(names("dang%20ky%20khai%20sinhh"), std::vector<std::string>{"Đăng ký khai sinh"});
  EXPECT_EQ(names("dangg%20ky%20ket%20ho"), std::vector<std::string>{"Đăng ký kết hôn"});
  EXPECT_TRUE(names("giay%20phep%20xay%20dung").empty());
  // A LIKE wildcard in a code prefix is a literal character, not "anything".
  EXPECT_TRUE(names("1.0%25").empty());
  auto fuzzy = anonymous.get("/api/v1/procedures?q=dang%20ky%20khai%20sinhh");
  ASSERT_EQ(fuzzy.body.as_array().size(), 1u);
  EXPECT_EQ(fuzzy.body.as_array()[0].at("match"), "fuzzy");
}

TEST_F(Citizen, ProceduresBrowseByFieldLevelAndAgencyWithCountsAndTheMostUsed) {
  // Three procedures with a field, a level and an implementing agency (the fixture's have none).
  server_.reset();
  store::open_store(db_)->write([](store::SqlConnection& db) {
    for (const char* sql : {
             "INSERT INTO procedures(code, version, name, name_folded, field, level, "
             "effective_from, content_hash, document, imported_at) VALUES ('9.000001', 1, "
             "'Cấp giấy phép xây dựng', 'cap giay phep xay dung', 'Xây dựng', 'province', "
             "'2020-01-01', 'h', '{\"implementing_agency\":\"Sở Xây dựng\"}', 'now')",
             "INSERT INTO procedures(code, version, name, name_folded, field, level, "
             "effective_from, content_hash, document, imported_at) VALUES ('9.000002', 1, "
             "'Gia hạn giấy phép xây dựng', 'gia han giay phep xay dung', 'Xây dựng', "
             "'province', '2020-01-01', 'h', '{\"implementing_agency\":\"Sở Xây dựng\"}', "
             "'now')",
             "INSERT INTO procedures(code, version, name, name_folded, field, level, "
             "effective_from, content_hash, document, imported_at) VALUES ('9.000003', 1, "
             "'Chứng thực bản sao', 'chung thuc ban sao', 'Chứng thực', 'commune', "
             "'2020-01-01', 'h', '{\"implementing_agency\":\"UBND xã\"}', 'now')",
         }) {
      db.execute(sql);
    }
  });
  server_ = std::make_unique<ServerProcess>(
      kBinary, db_,
      std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--calendar-dir",
                               std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
  ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&an_, "an"}}));
  auto anonymous = ApiClient(server_->port());
  auto all = anonymous.get("/api/v1/catalog/facets");
  ASSERT_EQ(all.status, 200) << all.raw.body;
  ASSERT_GE(all.body.at("total").as_int64(), 2);
  for (const char* facet : {"fields", "levels"}) {
    const auto& counts = all.body.at(facet).as_array();
    ASSERT_FALSE(counts.empty()) << facet << ": " << all.raw.body;
    const std::string value(counts[0].at("value").as_string());
    const std::string key = std::string(facet) == "fields" ? "field" : "level";
    // The list narrowed to that value has exactly as many procedures as the facet counted.
    auto narrowed = anonymous.get("/api/v1/procedures?" + key + "=" + url_encoded(value));
    ASSERT_EQ(narrowed.status, 200) << narrowed.raw.body;
    EXPECT_EQ(static_cast<std::int64_t>(narrowed.body.as_array().size()),
              counts[0].at("count").as_int64());
    for (const auto& p : narrowed.body.as_array()) EXPECT_EQ(p.at(key).as_string(), value);
    auto counted = anonymous.get("/api/v1/catalog/facets?" + key + "=" + url_encoded(value));
    EXPECT_EQ(counted.body.at("total"), counts[0].at("count"));
  }
  auto nothing = anonymous.get("/api/v1/procedures?field=no-such-field");
  EXPECT_TRUE(nothing.body.as_array().empty());
  auto agencies = anonymous.get("/api/v1/catalog/facets?agency=no-such-agency");
  EXPECT_EQ(agencies.body.at("total"), 0);
  const auto& agency_counts = all.body.at("agencies").as_array();
  ASSERT_EQ(agency_counts.size(), 2u) << all.raw.body;
  EXPECT_EQ(agency_counts[0].at("value"), "Sở Xây dựng");
  EXPECT_EQ(agency_counts[0].at("count"), 2);
  auto by_agency =
      anonymous.get("/api/v1/procedures?agency=" + url_encoded("Sở Xây dựng") + "&q=gia%20han");
  ASSERT_EQ(by_agency.body.as_array().size(), 1u) << by_agency.raw.body;
  EXPECT_EQ(by_agency.body.as_array()[0].at("code"), "9.000002");
  // Counts within a filter: the province level leaves one field.
  auto province = anonymous.get("/api/v1/catalog/facets?level=province");
  EXPECT_EQ(province.body.at("total"), 2);
  ASSERT_EQ(province.body.at("fields").as_array().size(), 1u);
  EXPECT_EQ(province.body.at("fields").as_array()[0].at("value"), "Xây dựng");

  EXPECT_TRUE(anonymous.get("/api/v1/catalog/most-used").body.as_array().empty());
  create_draft(an_);
  create_draft(an_);
  auto used = anonymous.get("/api/v1/catalog/most-used");
  ASSERT_EQ(used.status, 200) << used.raw.body;
  ASSERT_EQ(used.body.as_array().size(), 1u) << used.raw.body;
  EXPECT_EQ(used.body.as_array()[0].at("code"), "1.001193");
  EXPECT_EQ(used.body.as_array()[0].at("name"), "Đăng ký khai sinh");
  EXPECT_EQ(used.body.as_array()[0].at("dossiers"), 2);
}

TEST_F(Citizen, ProcedureSearchSuggestsTheNearestNamesWhenNothingMatches) {
  auto anonymous = ApiClient(server_->port());
  // "snh" is a typo in a three-letter word, which search itself does not forgive.
  auto r = anonymous.get("/api/v1/procedures?q=khai%20snh");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  ASSERT_FALSE(r.body.as_array().empty()) << r.raw.body;
  EXPECT_EQ(r.body.as_array()[0].at("name"), "Đăng ký khai sinh");
  for (const auto& p : r.body.as_array()) EXPECT_EQ(p.at("match"), "suggested");
  // A query with an exact or close match gets no suggestions mixed in.
  auto exact = anonymous.get("/api/v1/procedures?q=khai%20sinh");
  for (const auto& p : exact.body.as_array()) EXPECT_NE(p.at("match"), "suggested");
}

}  // namespace
}  // namespace motcua::testing
