// A code for every dossier from the moment it is sent online (issue 12, point 3): the code is in
// the answer of the sending, tracking finds it at once in any letter case and with spaces,
// reception keeps it, and an applicant lists their own dossiers by ID number and phone,
// rate-limited.
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
constexpr const char* kIdNumber = "001090000777";
constexpr const char* kPhone = "0912 345 678";

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

class SubmissionCode : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--calendar-dir",
                                 std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(), {{&an_, "an"}, {&binh_, "binh"}, {&reception_, "tiepnhan"}}));
    anonymous_ = ApiClient{server_->port()};
  }
  void TearDown() override { server_.reset(); }

  ApiResult send(const ApiClient& who, bool submit, const std::string& id_number,
                 const std::string& phone) {
    return who.post("/api/v1/dossiers",
                    json::object{{"procedure_code", "1.001193"},
                                 {"agency_id", "c1"},
                                 {"receiving_unit_id", "u1"},
                                 {"submit", submit},
                                 {"applicant", json::object{{"name", "Nguyễn Văn An"},
                                                            {"id_number", id_number},
                                                            {"phone", phone}}}});
  }

  ApiResult lookup(const std::string& id_number, const std::string& phone) {
    return anonymous_.post("/api/v1/track/lookup",
                           json::object{{"id_number", id_number}, {"phone", phone}});
  }

  std::string code_of(const std::string& id) {
    auto r = an_.get("/api/v1/dossiers/" + id);
    EXPECT_EQ(r.status, 200) << r.raw.body;
    if (!r.body.at("code").is_string()) return {};
    return std::string(r.body.at("code").as_string());
  }
  // "?secret=<the dossier's tracking secret>", as the public page needs it with the code.
  std::string secret_query(const std::string& id) {
    auto r = an_.get("/api/v1/dossiers/" + id + "/tracking-secret");
    EXPECT_TRUE(r.body.at("tracking_secret").is_string()) << r.raw.body;
    if (!r.body.at("tracking_secret").is_string()) return {};
    return "?secret=" + std::string(r.body.at("tracking_secret").as_string());
  }

  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, binh_{0}, reception_{0}, anonymous_{0};
};

TEST_F(SubmissionCode, SendingOnlineGivesACodeTrackableAtOnceInAnyCase) {
  auto sent = send(an_, true, kIdNumber, kPhone);
  ASSERT_EQ(sent.status, 201) << sent.raw.body;
  EXPECT_EQ(sent.body.at("status"), "submitted");
  const std::string id(sent.body.at("id").as_string());
  const std::string code = code_of(id);
  // Circular 01/2018: the receiving agency's code and the date it was sent.
  ASSERT_FALSE(code.empty());
  EXPECT_NE(code.find("-260309-"), std::string::npos) << code;

  for (const std::string& typed : {code, lower(code)}) {
    // "  <code> " in the path, URL-encoded.
    auto tracked = anonymous_.get("/api/v1/track/%20%20" + typed + "%20" + secret_query(id));
    ASSERT_EQ(tracked.status, 200) << typed << ": " << tracked.raw.body;
    EXPECT_EQ(tracked.body.at("code"), code.c_str());
    EXPECT_EQ(tracked.body.at("status"), "submitted");
    EXPECT_EQ(tracked.body.at("status_label_vi"), "Đã nộp, chờ tiếp nhận");
    EXPECT_EQ(tracked.body.at("status_label_en"), "Submitted, awaiting reception");
    EXPECT_TRUE(tracked.body.at("submitted_at").is_string());
    EXPECT_TRUE(tracked.body.at("received_at").is_null());
  }

  // Reception keeps the code the applicant already holds, and sets the appointment.
  auto accepted = reception_.post("/api/v1/dossiers/" + id + "/accept", json::object{});
  ASSERT_EQ(accepted.status, 200) << accepted.raw.body;
  EXPECT_EQ(accepted.body.at("code"), code.c_str());
  auto tracked = anonymous_.get("/api/v1/track/" + lower(code) + secret_query(id));
  ASSERT_EQ(tracked.status, 200) << tracked.raw.body;
  EXPECT_EQ(tracked.body.at("status"), "received");
  EXPECT_TRUE(tracked.body.at("due").is_string());
}

TEST_F(SubmissionCode, ADraftGetsItsCodeWhenSent) {
  auto draft = send(an_, false, kIdNumber, kPhone);
  ASSERT_EQ(draft.status, 201) << draft.raw.body;
  const std::string id(draft.body.at("id").as_string());
  EXPECT_TRUE(code_of(id).empty());
  auto sent = an_.post("/api/v1/dossiers/" + id + "/submit", json::object{});
  ASSERT_EQ(sent.status, 200) << sent.raw.body;
  const std::string code = code_of(id);
  ASSERT_FALSE(code.empty());
  EXPECT_EQ(anonymous_.get("/api/v1/track/" + lower(code) + secret_query(id)).status, 200);
}

TEST_F(SubmissionCode, CounterIntakeStillGetsItsCodeAtReceipt) {
  auto taken = reception_.post("/api/v1/dossiers",
                               json::object{{"procedure_code", "1.001193"},
                                            {"agency_id", "c1"},
                                            {"receiving_unit_id", "u1"},
                                            {"channel", "counter"},
                                            {"applicant", json::object{{"name", "Lê Văn Cư"}}}});
  ASSERT_EQ(taken.status, 201) << taken.raw.body;
  EXPECT_EQ(taken.body.at("status"), "received");
  EXPECT_TRUE(taken.body.at("code").is_string());
}

TEST_F(SubmissionCode, LookupByIdNumberAndPhoneFindsOnlyOwnDossiersAndIsRateLimited) {
  const std::string mine(send(an_, true, kIdNumber, kPhone).body.at("id").as_string());
  const std::string code = code_of(mine);
  // Same ID number, another phone: not the same applicant's contact, not listed.
  ASSERT_EQ(send(binh_, true, kIdNumber, "0987654321").status, 201);
  ASSERT_EQ(send(binh_, true, "001090000888", kPhone).status, 201);
  // A draft was never sent: not listed.
  ASSERT_EQ(send(an_, false, kIdNumber, kPhone).status, 201);

  auto found = lookup(" 001090000777 ", "+84 912.345.678");  // 1
  ASSERT_EQ(found.status, 200) << found.raw.body;
  ASSERT_EQ(found.body.as_array().size(), 1u) << found.raw.body;
  const auto& item = found.body.as_array()[0].as_object();
  EXPECT_EQ(item.at("code"), code.c_str());
  EXPECT_EQ(item.at("status"), "submitted");
  EXPECT_EQ(item.at("status_label_vi"), "Đã nộp, chờ tiếp nhận");
  EXPECT_FALSE(item.contains("applicant"));
  EXPECT_FALSE(item.contains("id"));

  auto wrong_phone = lookup(kIdNumber, "0900000000");  // 2
  ASSERT_EQ(wrong_phone.status, 200);
  EXPECT_TRUE(wrong_phone.body.as_array().empty());

  // Malformed input names its field and is not counted.
  auto bad_id = lookup("12345", kPhone);
  ASSERT_EQ(bad_id.status, 422);
  EXPECT_EQ(bad_id.body.at("code"), "invalid_id_number");
  EXPECT_NE(std::string(bad_id.body.at("message_vi").as_string()).find("id_number"),
            std::string::npos);
  auto bad_phone = lookup(kIdNumber, "12ab");
  ASSERT_EQ(bad_phone.status, 422);
  EXPECT_EQ(bad_phone.body.at("code"), "invalid_phone");

  for (int i = 3; i <= 10; ++i) ASSERT_EQ(lookup(kIdNumber, kPhone).status, 200) << i;
  auto refused = lookup(kIdNumber, kPhone);  // 11
  ASSERT_EQ(refused.status, 429) << refused.raw.body;
  EXPECT_EQ(refused.body.at("code"), "too_many_lookups");
  EXPECT_FALSE(refused.raw.header("Retry-After").empty());
}

}  // namespace
}  // namespace motcua::testing
