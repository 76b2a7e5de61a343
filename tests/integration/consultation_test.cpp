// Consultations between agencies over real HTTP (issue 13, point 2): the consulted agency must
// exist; its officials see the question in their own list and answer it themselves without seeing
// the dossier; the asker cannot answer for them; an answer after the deadline is reported late, on
// the consultation and on the control sheet; and the internal `system` role is never granted.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "../run_process.hpp"
#include "api_client.hpp"
#include "app/dossier/paper_samples_test_support.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/account_repository.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
constexpr const char* kSecondCommune = "000.02.02.H40";  // c2, Xã Hai (store/test_seed.hpp)

std::string detail_of(const ApiResult& r) {
  if (!r.body.is_object() || !r.body.as_object().contains("detail")) return {};
  return std::string(r.body.at("detail").as_string());
}

class Consultation : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    start("2026-03-09T09:00");
  }
  void TearDown() override { server_.reset(); }

  void start(const std::string& now) {
    server_.reset();
    server_ =
        std::make_unique<ServerProcess>(kBinary, db_, std::vector<std::string>{"--fake-now", now});
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&an_, "an"},
                                                         {&reception_, "tiepnhan"},
                                                         {&processing_, "chuyenvien"},
                                                         {&other_, "xahai"},
                                                         {&admin_, "quantri"}}));
  }

  // A dossier of commune c1 received and held by its processing official; its URL.
  std::string dossier_in_progress() {
    auto created = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                             {"agency_id", "c1"},
                                                             {"receiving_unit_id", "u1"}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    const std::string base = "/api/v1/dossiers/" + std::string(created.body.at("id").as_string());
    EXPECT_EQ(reception_.post(base + "/accept", json::object{}).status, 200);
    EXPECT_EQ(
        processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
        200);
    return base;
  }

  // The asker consults commune c2; the consultation's id, from the consulted side's list.
  std::string consult_second_commune(const std::string& base) {
    auto asked = processing_.post(
        base + "/consult", json::object{{"agency_code", kSecondCommune},
                                        {"question", "Đề nghị xác nhận nơi cư trú của người con"}});
    EXPECT_EQ(asked.status, 200) << asked.raw.body;
    auto listed = other_.get("/api/v1/consultations?open=1");
    EXPECT_EQ(listed.status, 200) << listed.raw.body;
    if (!listed.body.is_array() || listed.body.as_array().size() != 1u) {
      ADD_FAILURE() << listed.raw.body;
      return {};
    }
    return std::string(listed.body.as_array()[0].at("id").as_string());
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, reception_{0}, processing_{0}, other_{0}, admin_{0};
};

TEST_F(Consultation, UnknownAgencyIsRefusedNamingTheField) {
  const auto base = dossier_in_progress();
  auto r = processing_.post(base + "/consult", json::object{{"agency_code", "NOT-AN-AGENCY-!!"},
                                                            {"question", "Cho ý kiến"}});
  EXPECT_EQ(r.status, 422) << r.raw.body;
  EXPECT_EQ(r.body.at("code"), "unknown_agency");
  EXPECT_NE(detail_of(r).find("agency_code"), std::string::npos) << r.raw.body;
  // Nothing was written: the dossier is not in consultation.
  EXPECT_EQ(processing_.get(base).body.at("substate"), "none");
  // A shared paper must be one of the dossier's own.
  auto paper = processing_.post(base + "/consult", json::object{{"agency_code", kSecondCommune},
                                                                {"question", "Cho ý kiến"},
                                                                {"shared_papers", {"p_nope"}}});
  EXPECT_EQ(paper.status, 422) << paper.raw.body;
  EXPECT_NE(detail_of(paper).find("shared_papers"), std::string::npos) << paper.raw.body;
}

TEST_F(Consultation, ConsultedAgencyReadsOnlyTheSharedPapers) {
  const auto base = dossier_in_progress();
  const std::string pdf = app::test_support::sample_pdf(std::string(200, 'x'));
  const auto upload = [&](const std::string& name) {
    auto r =
        processing_.call("POST", base + "/papers?name=" + name, pdf,
                         {{"Content-Type", "application/pdf"}, {"X-File-Name", name + ".pdf"}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return r.body.is_object() ? std::string(r.body.at("id").as_string()) : std::string();
  };
  const auto shared = upload("residence");
  const auto kept = upload("health-book");
  ASSERT_FALSE(shared.empty());
  ASSERT_FALSE(kept.empty());
  // Before any consultation the other commune reads nothing.
  EXPECT_EQ(other_.get(base + "/papers/" + shared).status, 404);
  auto asked = processing_.post(base + "/consult",
                                json::object{{"agency_code", kSecondCommune},
                                             {"question", "Xác nhận giấy cư trú"},
                                             {"shared_papers", json::array{json::value(shared)}}});
  ASSERT_EQ(asked.status, 200) << asked.raw.body;
  auto got = other_.get(base + "/papers/" + shared);
  EXPECT_EQ(got.status, 200) << got.raw.body;
  EXPECT_EQ(got.raw.body, pdf);
  EXPECT_EQ(other_.get(base + "/papers/" + kept).status, 404);
  EXPECT_EQ(other_.get(base).status, 404);

  // The consulted official's opening is audited: who, when, which paper of which dossier, through
  // which consultation; the asker's own download (it sees the dossier) is not such a row.
  EXPECT_EQ(processing_.get(base + "/papers/" + shared).status, 200);
  const auto opened = admin_.get("/api/v1/admin/audit?action=consultation.paper_opened");
  ASSERT_EQ(opened.status, 200) << opened.raw.body;
  ASSERT_EQ(opened.body.at("total"), 1) << opened.raw.body;
  const auto& row = opened.body.at("entries").at(0);
  EXPECT_EQ(row.at("actor_id"), other_.get("/api/v1/session").body.at("user").at("id"));
  EXPECT_EQ(row.at("object"), json::value(base.substr(std::string("/api/v1/dossiers/").size())));
  EXPECT_EQ(std::string(row.at("at").as_string()).substr(0, 16), "2026-03-09T09:00");
  EXPECT_EQ(row.at("details").at("paper_id"), json::value(shared));
  EXPECT_EQ(row.at("details").at("agency_id"), "c2");
  EXPECT_FALSE(row.at("details").at("consultation_id").as_string().empty());
}

TEST_F(Consultation, ConsultedAgencySeesAndAnswersTheAskerCannot) {
  const auto base = dossier_in_progress();
  const auto id = consult_second_commune(base);
  ASSERT_FALSE(id.empty());
  // The consulted official sees the question, not the dossier.
  EXPECT_EQ(other_.get(base).status, 404);
  auto seen = other_.get("/api/v1/consultations/" + id);
  ASSERT_EQ(seen.status, 200) << seen.raw.body;
  EXPECT_EQ(seen.body.at("question"), "Đề nghị xác nhận nơi cư trú của người con");
  EXPECT_EQ(seen.body.at("agency").at("id"), "c2");
  EXPECT_EQ(seen.body.at("due_at"), "2026-03-16T09:00:00+07:00");  // 5 working days
  EXPECT_FALSE(seen.body.at("dossier_code").as_string().empty());
  EXPECT_EQ(seen.body.at("open"), true);
  // The asker neither types the answer on the dossier nor through the consultation.
  auto typed =
      processing_.post(base + "/reply-consultation",
                       json::object{{"agency_code", kSecondCommune}, {"summary", "Đồng ý"}});
  EXPECT_EQ(typed.status, 403) << typed.raw.body;
  EXPECT_EQ(
      processing_.post("/api/v1/consultations/" + id + "/reply", json::object{{"answer", "Đồng ý"}})
          .status,
      404);
  const auto actions = processing_.get(base).body.at("allowed_actions").as_array();
  EXPECT_EQ(std::find(actions.begin(), actions.end(), json::value("reply-consultation")),
            actions.end());
  // The consulted official answers.
  auto answered = other_.post("/api/v1/consultations/" + id + "/reply",
                              json::object{{"answer", "Xác nhận người con cư trú tại xã Hai."}});
  ASSERT_EQ(answered.status, 200) << answered.raw.body;
  EXPECT_EQ(answered.body.at("open"), false);
  EXPECT_EQ(answered.body.at("late"), false);
  EXPECT_EQ(answered.body.at("replied_by").at("id"), "off-other");
  EXPECT_TRUE(other_.get("/api/v1/consultations?open=1").body.as_array().empty());
  // The asker sees the answer on the dossier, which is out of consultation.
  auto dossier = processing_.get(base);
  EXPECT_EQ(dossier.body.at("substate"), "none");
  const auto& c = dossier.body.at("consultations").as_array().at(0);
  EXPECT_EQ(c.at("answer"), "Xác nhận người con cư trú tại xã Hai.");
  // A second answer is refused: nothing awaits an answer any more.
  EXPECT_EQ(
      other_.post("/api/v1/consultations/" + id + "/reply", json::object{{"answer", "Lại"}}).status,
      409);
}

TEST_F(Consultation, AnswerAfterTheDeadlineIsLate) {
  const auto base = dossier_in_progress();
  const auto id = consult_second_commune(base);
  ASSERT_FALSE(id.empty());
  // Due 16 March 09:00; answered on the 18th.
  ASSERT_NO_FATAL_FAILURE(start("2026-03-18T10:00"));
  auto open = other_.get("/api/v1/consultations?open=1");
  ASSERT_EQ(open.body.as_array().size(), 1u) << open.raw.body;
  EXPECT_EQ(open.body.as_array()[0].at("late"), true);
  auto answered =
      other_.post("/api/v1/consultations/" + id + "/reply", json::object{{"answer", "Đồng ý."}});
  ASSERT_EQ(answered.status, 200) << answered.raw.body;
  EXPECT_EQ(answered.body.at("late"), true);
  // The control sheet gives the consultation's time to the consulted agency, reported late.
  auto dossier = processing_.get(base);
  bool found = false;
  for (const auto& row : dossier.body.at("control_sheet").as_array()) {
    if (row.at("party") != "agency:c2") continue;
    found = true;
    EXPECT_EQ(row.at("result"), "late");
    EXPECT_EQ(row.at("party_name"), "Xã Hai");
    EXPECT_GT(row.at("used_minutes").as_int64(), 5 * 480);
  }
  EXPECT_TRUE(found) << dossier.raw.body;
}

// Who used the time: the days the consulted agency had the question are its own, not the asking
// official's, who held the step meanwhile (docs/rules.md, consultations).
TEST_F(Consultation, TheConsultationsTimeGoesToTheConsultedAgency) {
  const auto base = dossier_in_progress();
  const auto id = consult_second_commune(base);
  ASSERT_FALSE(id.empty());
  // Asked Monday 09:00, answered Wednesday 09:00: two working days.
  ASSERT_NO_FATAL_FAILURE(start("2026-03-11T09:00"));
  ASSERT_EQ(
      other_.post("/api/v1/consultations/" + id + "/reply", json::object{{"answer", "Đồng ý."}})
          .status,
      200);
  auto dossier = processing_.get(base);
  ASSERT_EQ(dossier.status, 200) << dossier.raw.body;
  const auto& used = dossier.body.at("clock").at("used_minutes_by_party").as_object();
  ASSERT_TRUE(used.contains("agency:c2")) << dossier.raw.body;
  EXPECT_EQ(used.at("agency:c2").as_int64(), 2 * 480) << dossier.raw.body;
  // The asker took the dossier when it was consulted: none of those two days is his.
  const auto* asker = used.if_contains("official:off-processing");
  EXPECT_TRUE(asker == nullptr || asker->as_int64() == 0) << dossier.raw.body;

  // The leaders' statistics of "who used the time" say the same once the dossier is finished.
  ApiClient leader(server_->port());
  ASSERT_EQ(leader.login("lanhdao", kPassword), 200);
  ASSERT_EQ(processing_
                .post(base + "/forward",
                      json::object{{"official_id", "off-leader"}, {"step", "Phê duyệt"}})
                .status,
            200);
  ASSERT_EQ(leader.post(base + "/approve", json::object{{"note", "Đồng ý"}}).status, 200);
  const auto stats = leader.get("/api/v1/statistics/time-used?from=2026-03&to=2026-03");
  ASSERT_EQ(stats.status, 200) << stats.raw.body;
  std::map<std::string, std::int64_t> minutes;
  for (const auto& p : stats.body.at("procedures").at(0).at("parties").as_array())
    minutes[std::string(p.at("party").as_string())] = p.at("minutes").as_int64();
  EXPECT_EQ(minutes["agency:c2"], 2 * 480) << stats.raw.body;
  EXPECT_EQ(minutes["processing"], 0) << stats.raw.body;
}

TEST_F(Consultation, SystemRoleIsNeverGrantedToAPerson) {
  auto granted = admin_.call("PUT", "/api/v1/admin/users/off-other/roles/system/c2",
                             json::serialize(json::object{{"reason", "Thử"}}),
                             {{"Content-Type", "application/json"}});
  EXPECT_EQ(granted.status, 422) << granted.raw.body;
  EXPECT_NE(detail_of(granted).find("role"), std::string::npos) << granted.raw.body;
  auto created =
      admin_.post("/api/v1/admin/users",
                  json::object{{"username", "maymoc"},
                               {"display_name", "Máy Móc"},
                               {"temporary_password", "tam-thoi-2027-xyz"},
                               {"reason", "Thử"},
                               {"grants", json::array{{{"role", "system"}, {"agency_id", "c2"}}}}});
  EXPECT_EQ(created.status, 422) << created.raw.body;
  EXPECT_NE(detail_of(created).find("role"), std::string::npos) << created.raw.body;
}

TEST_F(Consultation, SystemRoleIsRefusedByTheCli) {
  server_.reset();
  const auto password_file = dir_.file("password");
  std::ofstream(password_file) << "mật khẩu máy móc thử\n";
  const auto r = run_process(kBinary + " admin create-user --db '" + db_ +
                             "' --username may.moc --role system --agency c2 --password-file " +
                             password_file);
  EXPECT_NE(r.status, 0) << r.out;
  EXPECT_NE(r.err.find("role"), std::string::npos) << r.err;
}

TEST_F(Consultation, StoredSystemGrantIsIgnoredAtLogin) {
  const auto base = dossier_in_progress();
  // A grant written before the rule, straight into the database: system over the whole province.
  server_.reset();
  {
    auto store = store::open_store(db_);
    store->write([](store::SqlConnection& db) {
      store::insert_user_grant(db, "off-other", "system", "p1");
    });
  }
  ASSERT_NO_FATAL_FAILURE(start("2026-03-09T10:00"));
  // Xã Hai's official still cannot see, let alone act on, Xã Một's dossier.
  EXPECT_EQ(other_.get(base).status, 404);
  EXPECT_EQ(other_.post(base + "/stop", json::object{{"reason", "Thử"}}).status, 404);
}

}  // namespace
}  // namespace motcua::testing
