// The applicant's paper store over real HTTP (issue 15 point 6): a paper uploaded to one dossier is
// kept, listed, renamed, reused in a second dossier without another upload (reused_from on the
// paper, a paper_reused fact in the log, the same bytes), and stays invisible to anyone else.
#include <gtest/gtest.h>
#include <unistd.h>

#include "api_client.hpp"
#include "app/dossier/paper_samples_test_support.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/event_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
const std::string kPdf = app::test_support::sample_pdf(std::string(2000, 'x'));

class PaperStore : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    // Its uploads go beside the test's database (ServerProcess), so they go away with it.
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--calendar-dir",
                                 std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(), {{&an_, "an"}, {&binh_, "binh"}, {&reception_, "tiepnhan"}}));
  }
  void TearDown() override { server_.reset(); }

  std::string new_draft() {
    auto created = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                             {"agency_id", "c1"},
                                                             {"receiving_unit_id", "u1"},
                                                             {"submit", false}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    return std::string(created.body.at("id").as_string());
  }

  static void expect_problem(const ApiResult& r, int status, const char* code) {
    EXPECT_EQ(r.status, status) << r.raw.body;
    ASSERT_TRUE(r.body.is_object()) << r.raw.body;
    EXPECT_EQ(r.body.at("code"), code) << r.raw.body;
    EXPECT_FALSE(r.body.at("message_vi").as_string().empty());
    EXPECT_FALSE(r.body.at("message_en").as_string().empty());
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, binh_{0}, reception_{0};
};

TEST_F(PaperStore, KeptPaperIsReusedInASecondDossierAndStaysPrivate) {
  const std::string first = new_draft();
  auto uploaded = an_.call("POST", "/api/v1/dossiers/" + first + "/papers?name=CCCD", kPdf,
                           {{"Content-Type", "application/pdf"}, {"X-File-Name", "cccd.pdf"}});
  ASSERT_EQ(uploaded.status, 201) << uploaded.raw.body;
  const std::string paper_id(uploaded.body.at("id").as_string());

  // Kept twice: one stored paper. An official working on the dossier cannot keep it.
  auto kept = an_.post(
      "/api/v1/my/papers",
      json::object{{"dossier_id", first}, {"paper_id", paper_id}, {"valid_until", "2030-01-01"}});
  ASSERT_EQ(kept.status, 201) << kept.raw.body;
  const std::string stored_id(kept.body.at("id").as_string());
  EXPECT_EQ(kept.body.at("name"), "CCCD");
  EXPECT_EQ(kept.body.at("source_dossier_id"), json::value(first));
  EXPECT_EQ(kept.body.at("sha256"), uploaded.body.at("sha256"));
  auto again =
      an_.post("/api/v1/my/papers", json::object{{"dossier_id", first}, {"paper_id", paper_id}});
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(again.body.at("id"), json::value(stored_id));
  expect_problem(reception_.post("/api/v1/my/papers",
                                 json::object{{"dossier_id", first}, {"paper_id", paper_id}}),
                 404, "not_found");
  expect_problem(an_.post("/api/v1/my/papers", json::object{{"dossier_id", first}}), 422,
                 "paper_required");

  auto renamed = an_.post("/api/v1/my/papers/" + stored_id + "/rename",
                          json::object{{"name", "Căn cước công dân"}});
  ASSERT_EQ(renamed.status, 200) << renamed.raw.body;
  expect_problem(
      an_.post("/api/v1/my/papers/" + stored_id + "/rename", json::object{{"name", " "}}), 422,
      "name_required");
  auto listed = an_.get("/api/v1/my/papers");
  ASSERT_EQ(listed.status, 200) << listed.raw.body;
  ASSERT_EQ(listed.body.at("papers").as_array().size(), 1u);
  EXPECT_EQ(listed.body.at("papers").as_array()[0].at("name"), "Căn cước công dân");
  auto file = an_.get("/api/v1/my/papers/" + stored_id + "/file");
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.raw.body, kPdf);

  // Nobody else sees it: another applicant, an official.
  auto binh_list = binh_.get("/api/v1/my/papers");
  ASSERT_EQ(binh_list.status, 200);
  EXPECT_TRUE(binh_list.body.at("papers").as_array().empty());
  auto official_list = reception_.get("/api/v1/my/papers");
  ASSERT_EQ(official_list.status, 200);
  EXPECT_TRUE(official_list.body.at("papers").as_array().empty());
  expect_problem(binh_.get("/api/v1/my/papers/" + stored_id + "/file"), 404, "not_found");
  expect_problem(
      binh_.post("/api/v1/my/papers/" + stored_id + "/rename", json::object{{"name", "x"}}), 404,
      "not_found");
  expect_problem(binh_.call("DELETE", "/api/v1/my/papers/" + stored_id, "", {}), 404, "not_found");

  // Reused in a second dossier: no upload, the same bytes, reused_from recorded.
  const std::string second = new_draft();
  expect_problem(reception_.post("/api/v1/dossiers/" + second + "/papers/reuse",
                                 json::object{{"stored_paper_id", stored_id}}),
                 404, "not_found");
  expect_problem(binh_.post("/api/v1/dossiers/" + second + "/papers/reuse",
                            json::object{{"stored_paper_id", stored_id}}),
                 404, "not_found");
  auto reused = an_.post("/api/v1/dossiers/" + second + "/papers/reuse",
                         json::object{{"stored_paper_id", stored_id}});
  ASSERT_EQ(reused.status, 201) << reused.raw.body;
  EXPECT_EQ(reused.body.at("reused_from"), json::value(stored_id));
  EXPECT_EQ(reused.body.at("paper_name"), "Căn cước công dân");
  auto bytes = an_.get(std::string(reused.body.at("download_url").as_string()));
  ASSERT_EQ(bytes.status, 200);
  EXPECT_EQ(bytes.raw.body, kPdf);
  auto dossier = an_.get("/api/v1/dossiers/" + second);
  ASSERT_EQ(dossier.status, 200) << dossier.raw.body;
  ASSERT_EQ(dossier.body.at("papers").as_array().size(), 1u);
  EXPECT_EQ(dossier.body.at("papers").as_array()[0].at("reused_from"), json::value(stored_id));
  // The first dossier's own paper is an upload.
  auto first_view = an_.get("/api/v1/dossiers/" + first);
  EXPECT_FALSE(first_view.body.at("papers").as_array()[0].as_object().contains("reused_from"));

  // Removed from the store: the dossier keeps its paper, the store forgets it.
  auto removed = an_.call("DELETE", "/api/v1/my/papers/" + stored_id, "", {});
  ASSERT_EQ(removed.status, 200) << removed.raw.body;
  EXPECT_TRUE(an_.get("/api/v1/my/papers").body.at("papers").as_array().empty());
  expect_problem(an_.post("/api/v1/dossiers/" + second + "/papers/reuse",
                          json::object{{"stored_paper_id", stored_id}}),
                 404, "not_found");

  server_.reset();
  auto store = store::open_store(db_);
  std::vector<store::StoredEvent> events;
  store->read([&](store::SqlConnection& db) { events = store::events_of(db, second); });
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().event.type, "paper_reused");
  const auto payload = json::parse(events.back().event.payload);
  EXPECT_EQ(payload.at("reused_from"), json::value(stored_id));
  EXPECT_EQ(payload.at("sha256"), uploaded.body.at("sha256"));
}

TEST_F(PaperStore, AnExpiredStoredPaperIsNotReused) {
  const std::string first = new_draft();
  auto uploaded = an_.call("POST", "/api/v1/dossiers/" + first + "/papers?name=CCCD", kPdf,
                           {{"Content-Type", "application/pdf"}});
  ASSERT_EQ(uploaded.status, 201) << uploaded.raw.body;
  auto kept = an_.post("/api/v1/my/papers", json::object{{"dossier_id", first},
                                                         {"paper_id", uploaded.body.at("id")},
                                                         {"valid_until", "2026-03-08"}});
  ASSERT_EQ(kept.status, 201) << kept.raw.body;
  expect_problem(an_.post("/api/v1/dossiers/" + new_draft() + "/papers/reuse",
                          json::object{{"stored_paper_id", kept.body.at("id")}}),
                 409, "stored_paper_expired");
  expect_problem(an_.post("/api/v1/my/papers", json::object{{"dossier_id", first},
                                                            {"paper_id", uploaded.body.at("id")},
                                                            {"valid_until", "8/3/2026"}}),
                 422, "valid_until_invalid");
}

}  // namespace
}  // namespace motcua::testing
