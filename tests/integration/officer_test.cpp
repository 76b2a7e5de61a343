// The officers' workspace over real HTTP: the actions offered per role and state, the officials an
// action can name, counter intake with its paper checklist, the receipt's QR code and the tracking
// book (form 07).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

std::vector<std::string> strings_of(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  return out;
}

class Officer : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-09T09:00"});
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&an_, "an"},
                                                         {&reception_, "tiepnhan"},
                                                         {&processing_, "chuyenvien"},
                                                         {&leader_, "lanhdao"},
                                                         {&other_, "xahai"}}));
  }
  void TearDown() override { server_.reset(); }

  json::object counter_intake(json::array papers) {
    auto r = reception_.post(
        "/api/v1/dossiers",
        json::object{
            {"procedure_code", "1.001193"},
            {"agency_id", "c1"},
            {"receiving_unit_id", "u1"},
            {"channel", "counter"},
            {"return_channel", "counter"},
            {"applicant",
             {{"name", "Đỗ Thị Quầy"}, {"id_number", "001190000123"}, {"address", "Xã Một"}}},
            {"papers_received", std::move(papers)}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return r.body.is_object() ? r.body.as_object() : json::object{};
  }

  // The tracking secret of a dossier, as its readers get it.
  std::string secret_of(const json::object& dossier) {
    auto r = reception_.get("/api/v1/dossiers/" + std::string(dossier.at("id").as_string()) +
                            "/tracking-secret");
    EXPECT_EQ(r.status, 200) << r.raw.body;
    EXPECT_EQ(r.body.at("code"), dossier.at("code"));
    return r.body.at("tracking_secret").is_string()
               ? std::string(r.body.at("tracking_secret").as_string())
               : std::string();
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, reception_{0}, processing_{0}, leader_{0}, other_{0};
};

TEST_F(Officer, AllowedActionsFollowRoleAndState) {
  auto created = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                           {"agency_id", "c1"},
                                                           {"receiving_unit_id", "u1"}});
  ASSERT_EQ(created.status, 201) << created.raw.body;
  const std::string base = "/api/v1/dossiers/" + std::string(created.body.at("id").as_string());
  EXPECT_EQ(strings_of(created.body.at("allowed_actions")),
            (std::vector<std::string>{"request-withdrawal"}));
  EXPECT_EQ(
      strings_of(reception_.get(base).body.at("allowed_actions")),
      (std::vector<std::string>{"accept", "request-supplement", "refuse", "request-withdrawal"}));
  // Processing and leaders see the submitted dossier but have nothing to do with it yet.
  EXPECT_TRUE(processing_.get(base).body.at("allowed_actions").as_array().empty());

  auto accepted = reception_.post(base + "/accept", json::object{});
  ASSERT_EQ(accepted.status, 200);
  EXPECT_EQ(accepted.body.at("received_by").at("name"), "Lê Tiếp Nhận");
  EXPECT_EQ(accepted.body.at("receiving_unit").at("name"), "Bộ phận một cửa xã Một");
  EXPECT_EQ(accepted.body.at("agency").at("name"), "Xã Một");
  EXPECT_EQ(accepted.body.at("agency").at("parent_name"), "Tỉnh Thử");
  EXPECT_EQ(strings_of(processing_.get(base).body.at("allowed_actions")),
            (std::vector<std::string>{"assign", "request-payment"}));

  ASSERT_EQ(
      processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
      200);
  const auto leader_actions = strings_of(leader_.get(base).body.at("allowed_actions"));
  for (const char* a : {"approve", "reject", "apology", "forward", "consult", "send-back"})
    EXPECT_NE(std::find(leader_actions.begin(), leader_actions.end(), a), leader_actions.end())
        << a;
  const auto processing_actions = strings_of(processing_.get(base).body.at("allowed_actions"));
  EXPECT_EQ(std::find(processing_actions.begin(), processing_actions.end(), "approve"),
            processing_actions.end());
  EXPECT_EQ(processing_.get(base).body.at("assignee_name"), "Phạm Chuyên Viên");

  // The apology is allowed once: after it the button goes, and a forced call is refused.
  ASSERT_EQ(processing_
                .post(base + "/apology", json::object{{"reason", "Chờ xác minh"},
                                                      {"new_due", "2026-03-16T17:00:00+07:00"}})
                .status,
            200);
  const auto after = strings_of(processing_.get(base).body.at("allowed_actions"));
  EXPECT_EQ(std::find(after.begin(), after.end(), "apology"), after.end());
  // A guard, not the payload: reply-consultation without an open consultation is not offered.
  EXPECT_EQ(std::find(after.begin(), after.end(), "reply-consultation"), after.end());
  // The processing official forcing a leader's command is refused with the server's message.
  auto forced = processing_.post(base + "/approve", json::object{{"note", "x"}});
  EXPECT_EQ(forced.status, 403) << forced.raw.body;
}

TEST_F(Officer, OfficialsAreThoseOfAgenciesTheCallerWorksIn) {
  auto r = reception_.get("/api/v1/officials?agency_id=c1&role=processing");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  ASSERT_EQ(r.body.as_array().size(), 1u);
  EXPECT_EQ(r.body.at(0).at("id"), "off-processing");
  EXPECT_EQ(r.body.at(0).at("display_name"), "Phạm Chuyên Viên");
  EXPECT_EQ(r.body.at(0).at("roles").at(0).at("agency_name"), "Xã Một");
  auto all = reception_.get("/api/v1/officials?agency_id=c1");
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.body.as_array().size(), 3u);  // reception, processing, leader of c1
  // Not their agency, and no process of theirs names it: refused, not listed.
  EXPECT_EQ(reception_.get("/api/v1/officials?agency_id=c2").status, 403);
  EXPECT_EQ(an_.get("/api/v1/officials").status, 403);
  EXPECT_EQ(reception_.get("/api/v1/officials?role=nobody").status, 422);
  EXPECT_EQ(ApiClient(server_->port()).get("/api/v1/officials").status, 401);
}

TEST_F(Officer, CounterIntakeRecordsPapersAndTheReceiptHasAQrCode) {
  auto d = counter_intake(json::array{
      json::object{{"name", "Giấy chứng sinh"}, {"originals", 1}},
      json::object{{"name", "CCCD của người đi khai"}, {"originals", 0}, {"copies", 1}}});
  ASSERT_EQ(d.at("status"), "received");
  const std::string code(d.at("code").as_string());
  EXPECT_EQ(d.at("received_papers").as_array().size(), 2u);
  const std::string base = "/api/v1/dossiers/" + std::string(d.at("id").as_string());
  auto detail = reception_.get(base);
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body.at("received_papers").at(1).at("copies"), 1);
  EXPECT_EQ(detail.body.at("received_papers").at(0).at("name"), "Giấy chứng sinh");
  EXPECT_EQ(detail.body.at("received_by").at("id"), "off-reception");

  // Public: no session needed.
  ApiClient anyone(server_->port());
  const std::string secret = secret_of(d);
  auto qr = anyone.call("GET", "/api/v1/track/" + code + "/qr.svg?secret=" + secret, {},
                        {{"Host", "motcua.test"}});
  ASSERT_EQ(qr.status, 200) << qr.raw.body;
  EXPECT_EQ(qr.raw.header("Content-Type"), "image/svg+xml");
  EXPECT_NE(qr.raw.header("Cache-Control").find("immutable"), std::string::npos);
  EXPECT_EQ(qr.raw.body.rfind("<svg", 0), 0u);
  EXPECT_NE(qr.raw.body.find("Mã QR tra cứu hồ sơ " + code), std::string::npos);
  EXPECT_EQ(anyone.get("/api/v1/track/000.01.01.H40-260309-9999/qr.svg").status, 404);
  // Without its secret a real code draws nothing either: the picture is no existence oracle.
  EXPECT_EQ(anyone.get("/api/v1/track/" + code + "/qr.svg").status, 404);
  EXPECT_EQ(anyone.get("/api/v1/track/" + code + "/qr.svg?secret=ZZZZZZZZ").status, 404);

  // Bad checklists are refused before anything is written.
  auto bad = reception_.post(
      "/api/v1/dossiers",
      json::object{
          {"procedure_code", "1.001193"},
          {"agency_id", "c1"},
          {"receiving_unit_id", "u1"},
          {"applicant", {{"name", "X"}}},
          {"papers_received", json::array{json::object{{"name", " "}, {"originals", 1}}}}});
  EXPECT_EQ(bad.status, 422) << bad.raw.body;
  auto none = reception_.post(
      "/api/v1/dossiers",
      json::object{
          {"procedure_code", "1.001193"},
          {"agency_id", "c1"},
          {"receiving_unit_id", "u1"},
          {"applicant", {{"name", "X"}}},
          {"papers_received", json::array{json::object{{"name", "A"}, {"originals", 0}}}}});
  EXPECT_EQ(none.status, 422);
}

TEST_F(Officer, QueueRowsNameTheProcedureAndFilterByIt) {
  counter_intake(json::array{});
  auto q = reception_.get("/api/v1/queue?procedure=1.001193");
  ASSERT_EQ(q.status, 200);
  ASSERT_EQ(q.body.as_array().size(), 1u);
  EXPECT_EQ(q.body.at(0).at("procedure_name"), "Đăng ký khai sinh");
  EXPECT_TRUE(reception_.get("/api/v1/queue?procedure=1.000894").body.as_array().empty());
}

TEST_F(Officer, TrackingBookListsTheUnitsDossiersForReceptionAndLeaders) {
  auto d = counter_intake(json::array{});
  const std::string book = "/api/v1/tracking-book?unit=u1&from=2026-03-01&to=2026-03-31";
  auto r = reception_.get(book);
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body.at("unit").at("name"), "Bộ phận một cửa xã Một");
  ASSERT_EQ(r.body.at("dossiers").as_array().size(), 1u);
  const auto& row = r.body.at("dossiers").at(0);
  EXPECT_EQ(row.at("line"), 1);
  EXPECT_EQ(row.at("code"), d.at("code"));
  EXPECT_EQ(row.at("procedure_name"), "Đăng ký khai sinh");
  EXPECT_EQ(row.at("applicant_name"), "Đỗ Thị Quầy");
  EXPECT_EQ(row.at("agency_name"), "Xã Một");
  EXPECT_EQ(leader_.get(book).status, 200);
  EXPECT_TRUE(reception_.get("/api/v1/tracking-book?unit=u1&from=2026-04-01&to=2026-04-30")
                  .body.at("dossiers")
                  .as_array()
                  .empty());
  EXPECT_EQ(processing_.get(book).status, 404);  // processing does not keep the book
  EXPECT_EQ(other_.get(book).status, 404);       // another commune's staff
  EXPECT_EQ(reception_.get("/api/v1/tracking-book?unit=u1&from=2026-03-31&to=2026-03-01").status,
            422);
  EXPECT_EQ(reception_.get("/api/v1/tracking-book?unit=u1&from=x&to=y").status, 422);
}

// Decree 61 Art. 19(9), docs/rules.md 3.9: the apology's new date is later than the current due
// date and at most the procedure's own time limit (3 working days here) beyond it, unless a leader
// overrides with a reason. Received Monday 09/03 09:00, the dossier is due Thursday 12/03.
TEST_F(Officer, ApologyNewDateIsBoundedAndALeaderMayOverride) {
  auto d = counter_intake(json::array{json::object{{"name", "Giấy chứng sinh"}, {"originals", 1}}});
  ASSERT_EQ(d.at("status"), "received");
  const std::string base = "/api/v1/dossiers/" + std::string(d.at("id").as_string());
  ASSERT_EQ(
      processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
      200);
  const auto before = processing_.get(base).body;
  const auto due_before = before.at("due");
  const auto events_before = before.at("timeline").as_array().size();

  auto expect_refused = [&](const json::object& body, ApiClient& who, int status,
                            const char* code) {
    auto r = who.post(base + "/apology", body);
    ASSERT_EQ(r.status, status) << r.raw.body;
    EXPECT_EQ(r.body.at("code"), code) << r.raw.body;
    if (status == 422) {
      EXPECT_NE(std::string(r.body.at("message_vi").as_string()).find("new_due"),
                std::string::npos);
      EXPECT_NE(std::string(r.body.at("message_en").as_string()).find("new_due"),
                std::string::npos);
    }
  };
  expect_refused({{"reason", "Chờ xác minh"}, {"new_due", "9999-12-31T17:00:00+07:00"}},
                 processing_, 422, "new_due_beyond_limit");
  expect_refused({{"reason", "Chờ xác minh"}, {"new_due", "2026-03-31T17:00:00+07:00"}}, leader_,
                 422, "new_due_beyond_limit");
  expect_refused({{"reason", "Chờ xác minh"}, {"new_due", "2026-03-12T17:00:00+07:00"}},
                 processing_, 422, "invalid_due_date");
  // Only a leader may override, and an override does not allow an earlier date.
  expect_refused({{"reason", "Chờ xác minh"},
                  {"new_due", "2026-03-31T17:00:00+07:00"},
                  {"override_reason", "Cần thẩm định thực địa"}},
                 processing_, 403, "forbidden");
  expect_refused({{"reason", "Chờ xác minh"},
                  {"new_due", "2026-03-11T17:00:00+07:00"},
                  {"override_reason", "Cần thẩm định thực địa"}},
                 leader_, 422, "invalid_due_date");
  expect_refused({{"reason", "Chờ xác minh"},
                  {"new_due", "2026-03-31T17:00:00+07:00"},
                  {"override_reason", "   "}},
                 leader_, 422, "new_due_beyond_limit");

  // Nothing changed: same due date, same timeline, the apology still offered.
  const auto unchanged = processing_.get(base).body;
  EXPECT_EQ(unchanged.at("due"), due_before);
  EXPECT_EQ(unchanged.at("timeline").as_array().size(), events_before);
  const auto actions = strings_of(unchanged.at("allowed_actions"));
  EXPECT_NE(std::find(actions.begin(), actions.end(), "apology"), actions.end());

  auto overridden =
      leader_.post(base + "/apology", json::object{{"reason", "Chờ xác minh"},
                                                   {"new_due", "2026-03-31T17:00:00+07:00"},
                                                   {"override_reason", "Cần thẩm định thực địa"}});
  ASSERT_EQ(overridden.status, 200) << overridden.raw.body;
  EXPECT_EQ(overridden.body.at("due"), "2026-03-31T17:00:00+07:00");
  const auto& last = overridden.body.at("timeline").as_array().back();
  EXPECT_EQ(last.at("type"), "apology_issued");
  EXPECT_EQ(last.at("data").at("override_reason"), "Cần thẩm định thực địa");
}

// A code typed in lower case or pasted with spaces around it still finds the dossier.
TEST_F(Officer, TrackingToleratesLetterCaseAndSurroundingSpaces) {
  auto d = counter_intake(json::array{json::object{{"name", "Giấy chứng sinh"}, {"originals", 1}}});
  const std::string code(d.at("code").as_string());
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  ASSERT_NE(lower, code);
  ApiClient anyone(server_->port());
  const std::string secret = secret_of(d);
  for (const std::string& typed : {code, lower, "%20%20" + lower + "%20", "%09" + code + "%20"}) {
    auto r = anyone.get("/api/v1/track/" + typed + "?secret=" + secret);
    ASSERT_EQ(r.status, 200) << typed << " " << r.raw.body;
    EXPECT_EQ(r.body.at("code"), json::value(code));
  }
  EXPECT_EQ(anyone.get("/api/v1/track/%20%20?secret=" + secret).status, 404);
  EXPECT_EQ(anyone.get("/api/v1/track/" + lower + "x?secret=" + secret).status, 404);
}

// "Prefer: return=minimal" (RFC 7240): a write answers the dossier's id, code, status and version
// only, says so in Preference-Applied, and a retry with the same Idempotency-Key gets the same
// answer; without it (or with return=representation) the whole view, as before.
TEST_F(Officer, AWriteThatPrefersAMinimalReturnAnswersIdCodeStatusAndVersionOnly) {
  auto d = counter_intake(json::array{json::object{{"name", "Giấy chứng sinh"}, {"originals", 1}}});
  const std::string base = "/api/v1/dossiers/" + std::string(d.at("id").as_string());
  const auto version = d.at("version").as_int64();
  const std::string body = json::serialize(json::object{{"official_id", "off-processing"}});
  const std::vector<std::pair<std::string, std::string>> minimal = {
      {"Content-Type", "application/json"},
      {"Prefer", "return=minimal"},
      {"Idempotency-Key", "assign-minimal-1"}};
  auto assigned = processing_.call("POST", base + "/assign", body, minimal);
  ASSERT_EQ(assigned.status, 200) << assigned.raw.body;
  EXPECT_EQ(assigned.raw.header("Preference-Applied"), "return=minimal");
  EXPECT_EQ(assigned.body, (json::value{{"id", d.at("id")},
                                        {"code", d.at("code")},
                                        {"status", "in_progress"},
                                        {"version", version + 1}}));
  // The change itself is whole: the full view read afterwards shows it.
  auto read = processing_.get(base);
  EXPECT_EQ(read.body.at("status"), "in_progress");
  EXPECT_EQ(read.body.at("version").as_int64(), version + 1);
  auto replay = processing_.call("POST", base + "/assign", body, minimal);
  ASSERT_EQ(replay.status, 200);
  EXPECT_EQ(replay.raw.body, assigned.raw.body);
  EXPECT_EQ(replay.raw.header("Idempotent-Replayed"), "true");

  // No preference, or return=representation after minimal: the whole view.
  auto full = processing_.call(
      "POST", base + "/apology",
      json::serialize(
          json::object{{"reason", "Chờ xác minh"}, {"new_due", "2026-03-16T17:00:00+07:00"}}),
      {{"Content-Type", "application/json"}, {"Prefer", "return=minimal, return=representation"}});
  ASSERT_EQ(full.status, 200) << full.raw.body;
  EXPECT_TRUE(full.body.as_object().contains("timeline")) << full.raw.body;
  EXPECT_TRUE(full.body.as_object().contains("allowed_actions")) << full.raw.body;
  EXPECT_EQ(full.raw.header("Preference-Applied"), "");
  auto created =
      reception_.call("POST", "/api/v1/dossiers",
                      json::serialize(json::object{
                          {"procedure_code", "1.001193"},
                          {"agency_id", "c1"},
                          {"receiving_unit_id", "u1"},
                          {"channel", "counter"},
                          {"applicant", {{"name", "Đỗ Thị Quầy"}, {"address", "Xã Một"}}}}),
                      {{"Content-Type", "application/json"}, {"Prefer", "return=minimal"}});
  ASSERT_EQ(created.status, 201) << created.raw.body;
  EXPECT_EQ(created.body.as_object().size(), 4u) << created.raw.body;
  EXPECT_EQ(created.body.at("version").as_int64(), 1);
  EXPECT_EQ(
      reception_.get("/api/v1/dossiers/" + std::string(created.body.at("id").as_string())).status,
      200);
}

// Tracking answers are kept per dossier version (api/tracking_answers.hpp): a change made after a
// lookup shows in the next lookup, by the code as printed and as typed in another case, and a
// wrong secret is refused even while the right one's answer is kept.
TEST_F(Officer, TrackingShowsEveryChangeMadeAfterAnEarlierLookup) {
  auto d = counter_intake(json::array{json::object{{"name", "Giấy chứng sinh"}, {"originals", 1}}});
  const std::string code(d.at("code").as_string());
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string secret = secret_of(d);
  ApiClient anyone(server_->port());
  const std::string url = "/api/v1/track/" + code + "?secret=" + secret;
  auto before = anyone.get(url);
  ASSERT_EQ(before.status, 200) << before.raw.body;
  EXPECT_EQ(anyone.get(url).raw.body, before.raw.body);
  EXPECT_EQ(before.body.at("status"), "received");
  const auto steps_before = before.body.at("timeline").as_array().size();

  const std::string base = "/api/v1/dossiers/" + std::string(d.at("id").as_string());
  ASSERT_EQ(
      processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
      200);
  for (const std::string& typed : {code, lower}) {
    auto after = anyone.get("/api/v1/track/" + typed + "?secret=" + secret);
    ASSERT_EQ(after.status, 200) << after.raw.body;
    EXPECT_EQ(after.body.at("status"), "in_progress") << typed;
    EXPECT_EQ(after.body.at("timeline").as_array().size(), steps_before + 1) << typed;
  }
  EXPECT_EQ(anyone.get("/api/v1/track/" + code + "?secret=ZZZZZZZZ").status, 404);
  EXPECT_EQ(anyone.get("/api/v1/track/" + code).status, 404);
}

// Codes are sequential (Circular 01/2018 Art. 19), so the public page answers only for a code
// with its tracking secret (issue 18 point 4): the secret as printed, or typed in lower case with
// a dash, opens it; none, a wrong one or another dossier's gets exactly the unknown-code answer.
TEST_F(Officer, TrackingNeedsTheSecretAndAWrongOneAnswersAsAMissingCode) {
  auto d = counter_intake(json::array{json::object{{"name", "Giấy chứng sinh"}, {"originals", 1}}});
  auto other =
      counter_intake(json::array{json::object{{"name", "Giấy chứng sinh"}, {"originals", 1}}});
  const std::string code(d.at("code").as_string());
  const std::string secret = secret_of(d);
  ASSERT_EQ(secret.size(), 8u);
  EXPECT_EQ(secret.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ"), std::string::npos);
  const std::string other_secret = secret_of(other);
  // Only the dossier's readers get it: another applicant, or anyone signed out, does not.
  EXPECT_EQ(ApiClient(server_->port())
                .get("/api/v1/dossiers/" + std::string(d.at("id").as_string()) + "/tracking-secret")
                .status,
            401);
  ASSERT_NE(secret, other_secret);

  ApiClient anyone(server_->port());
  auto right = anyone.get("/api/v1/track/" + code + "?secret=" + secret);
  ASSERT_EQ(right.status, 200) << right.raw.body;
  EXPECT_EQ(right.body.at("code"), json::value(code));
  std::string typed = secret.substr(0, 4) + "-" + secret.substr(4);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(anyone.get("/api/v1/track/" + code + "?secret=" + typed).status, 200);

  // The answer for a code nobody was given, with the code in its text swapped for the real one:
  // every other byte must be the same, or the difference would tell a guesser the code exists.
  const std::string missing_code = code.substr(0, code.size() - 4) + "9999";
  auto missing = anyone.get("/api/v1/track/" + missing_code + "?secret=" + secret);
  ASSERT_EQ(missing.status, 404);
  std::string expected = missing.raw.body;
  for (auto at = expected.find(missing_code); at != std::string::npos;
       at = expected.find(missing_code, at + code.size()))
    expected.replace(at, missing_code.size(), code);
  for (const std::string& wrong :
       {std::string("/api/v1/track/") + code,
        "/api/v1/track/" + code + "?secret=", "/api/v1/track/" + code + "?secret=ZZZZZZZZ",
        "/api/v1/track/" + code + "?secret=" + other_secret}) {
    auto r = anyone.get(wrong);
    EXPECT_EQ(r.status, 404) << wrong;
    EXPECT_EQ(r.raw.body, expected) << wrong;
  }
}

}  // namespace
}  // namespace motcua::testing
