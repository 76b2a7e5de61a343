// The right of access (Decree 13/2023/ND-CP Art. 9 and 14; issue 18 point 6): an applicant
// downloads everything held on them, and nothing of anyone else; an administrator produces the
// same for a named person only with a reason, and the act is audited.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class PersonalData : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--calendar-dir",
                                 std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
    ASSERT_NO_FATAL_FAILURE(log_in_all(
        server_->port(),
        {{&an_, "an"}, {&binh_, "binh"}, {&reception_, "tiepnhan"}, {&admin_, "quantri"}}));
  }
  void TearDown() override { server_.reset(); }

  std::string send(const ApiClient& who, const std::string& name, const std::string& id_number) {
    auto r = who.post(
        "/api/v1/dossiers",
        json::object{{"procedure_code", "1.001193"},
                     {"agency_id", "c1"},
                     {"receiving_unit_id", "u1"},
                     {"applicant", json::object{{"name", name}, {"id_number", id_number}}}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return r.body.is_object() ? std::string(r.body.at("id").as_string()) : std::string();
  }

  void feedback(const std::string& name, const std::string& contact) {
    auto r = ApiClient(server_->port())
                 .post("/api/v1/feedback",
                       json::object{{"name", name},
                                    {"contact", contact},
                                    {"procedure_code", "1.001193"},
                                    {"agency_id", "c1"},
                                    {"content", "Thủ tục yêu cầu giấy chứng sinh bản chính."}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
  }

  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, binh_{0}, reception_{0}, admin_{0};
};

TEST_F(PersonalData, TheApplicantGetsEverythingHeldOnThemAndNothingOfAnyoneElse) {
  const std::string mine = send(an_, "Nguyễn Văn An", "001090000001");
  const std::string theirs = send(binh_, "Trần Thị Bình", "001090000002");
  ASSERT_EQ(reception_.post("/api/v1/dossiers/" + mine + "/accept", json::object{}).status, 200);
  feedback("Nguyễn Văn An", "an@example.vn");
  feedback("Trần Thị Bình", "0988777666");

  auto r = an_.get("/api/v1/me/personal-data");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.raw.header("Cache-Control"), "no-store");
  EXPECT_NE(r.raw.header("Content-Disposition").find("attachment"), std::string::npos);
  const auto& data = r.body.as_object();
  // The account, with what was given at sign-up.
  EXPECT_EQ(data.at("account").at("username"), "an");
  EXPECT_EQ(data.at("account").at("id_number"), "001090000001");
  EXPECT_EQ(data.at("account").at("email"), "an@example.vn");
  EXPECT_TRUE(data.at("identities").is_array());
  EXPECT_TRUE(data.at("notification_preferences").is_object());
  // The one dossier, with its timeline (events), papers list and the notices sent about it.
  const auto& dossiers = data.at("dossiers").as_array();
  ASSERT_EQ(dossiers.size(), 1u);
  const auto& d = dossiers.at(0).at("dossier");
  EXPECT_EQ(d.at("id"), json::value(mine));
  EXPECT_EQ(d.at("applicant").at("id_number"), "001090000001");
  EXPECT_GE(d.at("timeline").as_array().size(), 2u);  // sent, accepted
  EXPECT_TRUE(d.at("papers").is_array());
  EXPECT_TRUE(dossiers.at(0).at("payments").is_array());
  EXPECT_FALSE(dossiers.at(0).at("notices").as_array().empty()) << "the receipt notice";
  EXPECT_TRUE(data.at("stored_papers").is_array());
  ASSERT_EQ(data.at("feedback").as_array().size(), 1u);
  EXPECT_EQ(data.at("feedback").at(0).at("contact"), "an@example.vn");

  // Nothing of Bình's: not her dossier, her ID number, her name or her feedback.
  EXPECT_EQ(r.raw.body.find(theirs), std::string::npos);
  EXPECT_EQ(r.raw.body.find("001090000002"), std::string::npos);
  EXPECT_EQ(r.raw.body.find("Trần Thị Bình"), std::string::npos);
  EXPECT_EQ(r.raw.body.find("0988777666"), std::string::npos);

  // Signed out, there is nothing to download.
  EXPECT_EQ(ApiClient(server_->port()).get("/api/v1/me/personal-data").status, 401);
}

TEST_F(PersonalData, AnAdministratorExportsForANamedPersonOnlyWithAReasonAndIsAudited) {
  const std::string mine = send(an_, "Nguyễn Văn An", "001090000001");
  // Only administrators; the reason is required and named.
  EXPECT_EQ(reception_
                .post("/api/v1/admin/personal-data-exports",
                      json::object{{"username", "an"}, {"reason", "Đơn ngày 09/03/2026"}})
                .status,
            403);
  auto no_reason =
      admin_.post("/api/v1/admin/personal-data-exports", json::object{{"username", "an"}});
  ASSERT_EQ(no_reason.status, 422) << no_reason.raw.body;
  EXPECT_EQ(no_reason.body.at("code"), "reason_required");
  EXPECT_NE(no_reason.raw.body.find("reason"), std::string::npos);
  EXPECT_EQ(admin_
                .post("/api/v1/admin/personal-data-exports",
                      json::object{{"username", "khongco"}, {"reason", "Đơn ngày 09/03/2026"}})
                .status,
            404);

  auto r = admin_.post("/api/v1/admin/personal-data-exports",
                       json::object{{"username", "an"}, {"reason", "Đơn số 12 ngày 09/03/2026"}});
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body.at("account").at("username"), "an");
  ASSERT_EQ(r.body.at("dossiers").as_array().size(), 1u);
  EXPECT_EQ(r.body.at("dossiers").at(0).at("dossier").at("id"), json::value(mine));

  // One audit row: who, for whom, why, and counts only.
  auto audit = admin_.get("/api/v1/admin/audit?action=personal_data.exported");
  ASSERT_EQ(audit.status, 200) << audit.raw.body;
  EXPECT_NE(audit.raw.body.find("Đơn số 12 ngày 09/03/2026"), std::string::npos);
  EXPECT_NE(audit.raw.body.find("citizen-an"), std::string::npos);
  EXPECT_EQ(audit.raw.body.find("001090000001"), std::string::npos) << "no content in the log";
}

}  // namespace
}  // namespace motcua::testing
