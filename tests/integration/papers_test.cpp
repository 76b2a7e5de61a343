// Papers attached to dossiers, over real HTTP against the real binary: uploads of each accepted
// type come back byte for byte, the limits and refusals are exact problems, and the event log
// stays a valid hash chain.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

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

// Bytes as scanners produce them: binary after the signature, NUL and high bytes included.
const std::string kPdf = app::test_support::sample_pdf(std::string(3000, '\0'));
const std::string kPng = app::test_support::sample_png(std::string(100, '\xA5'));
const std::string kExe = std::string("MZ\x90\x00\x03\x00\x00\x00\x04\x00", 10) + "This program";

std::string url_encode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 && c < 0x80) {
      out.push_back(ch);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// A name as long as the catalog's longest (23 of the 33 papers of 1.001193 are over 300 bytes).
const std::string kLongName = [] {
  std::string name = "Tờ khai đăng ký khai sinh theo mẫu";
  while (name.size() < 700)
    name += " (trường hợp trẻ em sinh ra ở nước ngoài về cư trú tại Việt Nam)";
  return name;
}();

// A procedure with two cases, as the catalog's document gives them (codec/procedure_json.hpp):
// case 1 asks for a long-named and a short-named paper to hand in, one to show at the counter and
// one optional; case 2 for another.
void seed_procedure_with_cases(const std::string& database) {
  const json::object paper_a{{"id", "pa"},
                             {"name", kLongName},
                             {"mandatory", true},
                             {"kind", "submit"},
                             {"condition", nullptr}};
  const json::object paper_b{{"id", "pb"},
                             {"name", "Giấy chứng sinh"},
                             {"mandatory", true},
                             {"kind", "submit"},
                             {"condition", nullptr}};
  const json::object paper_c{{"id", "pc"},
                             {"name", "Giấy tờ tùy thân"},
                             {"mandatory", true},
                             {"kind", "present"},
                             {"condition", nullptr}};
  const json::object paper_d{{"id", "pd"},
                             {"name", "Văn bản ủy quyền"},
                             {"mandatory", false},
                             {"kind", "submit"},
                             {"condition", "Trường hợp ủy quyền"}};
  const json::object paper_e{{"id", "pe"},
                             {"name", "Giấy tờ khác"},
                             {"mandatory", true},
                             {"kind", "submit"},
                             {"condition", nullptr}};
  const json::object document{
      {"limits", {{"counter", "3 working-days"}, {"online", "3 working-days"}}},
      {"cases",
       json::array{json::object{{"name", "Trường hợp 1"},
                                {"papers", json::array{paper_a, paper_b, paper_c, paper_d}}},
                   json::object{{"name", "Trường hợp 2"}, {"papers", json::array{paper_e}}}}},
      {"notes", json::array{}}};
  auto store = store::open_store(database);
  store->write([&](store::SqlConnection& db) {
    db.execute(
        "INSERT INTO procedures(code, version, name, name_folded, effective_from, content_hash, "
        "document, imported_at) VALUES ('2.000001', 1, 'Thủ tục có trường hợp', "
        "'thu tuc co truong hop', '2020-01-01', 'h2', ?, 'now')",
        {json::serialize(document)});
  });
}

class Papers : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_procedure_with_cases(db_);
    // Its uploads go beside the test's database (ServerProcess), so they go away with it.
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--calendar-dir",
                                 std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn"});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(), {{&an_, "an"}, {&binh_, "binh"}, {&reception_, "tiepnhan"}}));
    auto created = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                             {"agency_id", "c1"},
                                                             {"receiving_unit_id", "u1"}});
    ASSERT_EQ(created.status, 201) << created.raw.body;
    id_ = std::string(created.body.at("id").as_string());
    base_ = "/api/v1/dossiers/" + id_ + "/papers";
  }
  void TearDown() override { server_.reset(); }

  ApiResult upload(const ApiClient& who, const std::string& name, const std::string& type,
                   const std::string& bytes, const std::string& file_name = {},
                   const std::string& idempotency_key = {}) {
    std::vector<std::pair<std::string, std::string>> headers = {{"Content-Type", type}};
    if (!file_name.empty()) headers.emplace_back("X-File-Name", url_encode(file_name));
    if (!idempotency_key.empty()) headers.emplace_back("Idempotency-Key", idempotency_key);
    return who.call("POST", base_ + "?name=" + url_encode(name), bytes, headers);
  }

  // A draft of procedure 2.000001 in its first case; its papers' base URL.
  std::string case_draft() {
    auto created = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "2.000001"},
                                                             {"agency_id", "c1"},
                                                             {"receiving_unit_id", "u1"},
                                                             {"variant", "Trường hợp 1"},
                                                             {"submit", false}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    return std::string(created.body.at("id").as_string());
  }

  ApiResult upload_by_id(const std::string& dossier_id, const std::string& paper_id) {
    return an_.call("POST", "/api/v1/dossiers/" + dossier_id + "/papers?paper_id=" + paper_id, kPdf,
                    {{"Content-Type", "application/pdf"}});
  }

  static void expect_problem(const ApiResult& r, int status, const char* code) {
    EXPECT_EQ(r.status, status) << r.raw.body;
    EXPECT_EQ(r.raw.header("Content-Type"), "application/problem+json");
    ASSERT_TRUE(r.body.is_object()) << r.raw.body;
    EXPECT_EQ(r.body.at("code"), code) << r.raw.body;
    EXPECT_FALSE(r.body.at("message_vi").as_string().empty());
    EXPECT_FALSE(r.body.at("message_en").as_string().empty());
  }

  // The dossier's stored events, read after the server has stopped.
  std::vector<store::StoredEvent> stored_events() {
    server_.reset();
    auto store = store::open_store(db_);
    std::vector<store::StoredEvent> events;
    store->read([&](store::SqlConnection& db) { events = store::events_of(db, id_); });
    return events;
  }

  // `motcua verify-log --db`: exit status and its JSON answer.
  std::pair<int, json::value> verify_log() {
    const std::string command = kBinary + " verify-log --db '" + db_ + "' 2>/dev/null";
    std::FILE* pipe = ::popen(command.c_str(), "r");
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    const int status = ::pclose(pipe);
    return {WEXITSTATUS(status), json::parse(out)};
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, binh_{0}, reception_{0};
  std::string id_, base_;
};

TEST_F(Papers, UploadedFilesComeBackByteForByte) {
  auto pdf = upload(an_, "Giấy chứng sinh", "application/pdf", kPdf, "Giấy chứng sinh.pdf");
  ASSERT_EQ(pdf.status, 201) << pdf.raw.body;
  EXPECT_EQ(pdf.body.at("paper_name"), "Giấy chứng sinh");
  EXPECT_EQ(pdf.body.at("file_name"), "Giấy chứng sinh.pdf");
  EXPECT_EQ(pdf.body.at("size"), static_cast<std::int64_t>(kPdf.size()));
  auto png = upload(reception_, "Ảnh chân dung", "image/png", kPng);
  ASSERT_EQ(png.status, 201) << png.raw.body;

  const auto pdf_url = std::string(pdf.body.at("download_url").as_string());
  auto got_pdf = an_.get(pdf_url);
  ASSERT_EQ(got_pdf.status, 200);
  EXPECT_EQ(got_pdf.raw.body, kPdf);
  EXPECT_EQ(got_pdf.raw.header("Content-Type"), "application/pdf");
  EXPECT_EQ(got_pdf.raw.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(got_pdf.raw.header("Content-Disposition"),
            "attachment; filename=\"giay chung sinh.pdf\"; "
            "filename*=UTF-8''Gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh.pdf");
  auto got_png = reception_.get(std::string(png.body.at("download_url").as_string()));
  ASSERT_EQ(got_png.status, 200);
  EXPECT_EQ(got_png.raw.body, kPng);
  EXPECT_EQ(got_png.raw.header("Content-Type"), "image/png");
  EXPECT_EQ(got_png.raw.header("Content-Disposition"),
            "attachment; filename=\"giay-to.png\"; filename*=UTF-8''giay-to.png");

  auto dossier = an_.get("/api/v1/dossiers/" + id_);
  ASSERT_EQ(dossier.status, 200);
  EXPECT_EQ(dossier.body.at("status"), "submitted");
  ASSERT_EQ(dossier.body.at("papers").as_array().size(), 2u);
  EXPECT_EQ(dossier.body.at("papers").as_array()[1].at("paper_name"), "Ảnh chân dung");
  // The lifecycle goes on over a log holding paper events.
  auto accepted = reception_.post("/api/v1/dossiers/" + id_ + "/accept", json::object{});
  ASSERT_EQ(accepted.status, 200) << accepted.raw.body;

  const auto events = stored_events();
  ASSERT_EQ(events.size(), 5u);  // submitted, two papers, accepted, handed over (online)
  for (const std::size_t i : {1u, 2u}) {
    EXPECT_EQ(events[i].event.type, "paper_attached");
    EXPECT_EQ(events[i].event.from_status, "submitted");
    EXPECT_EQ(events[i].event.to_status, "submitted");
  }
  const auto payload = json::parse(events[1].event.payload);
  EXPECT_EQ(payload.at("paper_id"), pdf.body.at("id"));
  EXPECT_EQ(payload.at("content_type"), "application/pdf");
  EXPECT_EQ(payload.at("sha256"), pdf.body.at("sha256"));
  const auto [exit_status, report] = verify_log();
  EXPECT_EQ(exit_status, 0);
  EXPECT_EQ(report.at("ok"), true);
  EXPECT_EQ(report.at("events_checked"), 5);
}

// Issue 18 point 5: the name follows the verified type, and a file that only starts like a PDF
// is refused.
TEST_F(Papers, TheStoredAndDownloadedNameFollowsTheVerifiedType) {
  auto hta = upload(an_, "CCCD mặt trước", "application/pdf", kPdf, "CCCD-mat-truoc.pdf.hta");
  ASSERT_EQ(hta.status, 201) << hta.raw.body;
  EXPECT_EQ(hta.body.at("file_name"), "CCCD-mat-truoc.pdf");
  const auto got = an_.get(std::string(hta.body.at("download_url").as_string()));
  ASSERT_EQ(got.status, 200);
  EXPECT_NE(got.raw.header("Content-Disposition").find("filename*=UTF-8''CCCD-mat-truoc.pdf"),
            std::string::npos)
      << got.raw.header("Content-Disposition");
  EXPECT_EQ(got.raw.header("Content-Disposition").find(".hta"), std::string::npos);
  const std::string script = "%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n";
  expect_problem(upload(an_, "CCCD", "application/pdf", script, "CCCD.pdf.hta"), 415,
                 "unsupported_media_type");
}

TEST_F(Papers, LimitsAndRefusalsAreExactProblems) {
  // 11 MiB: refused from the Content-Length, before the body is read.
  expect_problem(upload(an_, "Bản quét", "application/pdf", "%PDF-" + std::string(11 << 20, 'x')),
                 413, "body_too_large");
  // An executable declared as a PDF; a PNG declared as a PDF; a type that is not taken.
  expect_problem(upload(an_, "Tệp lạ", "application/pdf", kExe), 415, "unsupported_media_type");
  expect_problem(upload(an_, "Ảnh", "application/pdf", kPng), 415, "unsupported_media_type");
  expect_problem(upload(an_, "Trang", "text/html", "<html>"), 415, "unsupported_media_type");
  expect_problem(upload(an_, "Rỗng", "application/pdf", ""), 422, "empty_file");
  expect_problem(upload(an_, "", "application/pdf", kPdf), 422, "paper_name_required");
  // Another applicant's dossier does not exist for them, for upload and download alike.
  expect_problem(upload(binh_, "Giấy", "application/pdf", kPdf), 404, "not_found");
  auto mine = upload(an_, "Giấy chứng sinh", "application/pdf", kPdf);
  ASSERT_EQ(mine.status, 201);
  expect_problem(binh_.get(std::string(mine.body.at("download_url").as_string())), 404,
                 "not_found");
  expect_problem(an_.get(base_ + "/pp_nothing"), 404, "not_found");
  // No session; a session without the CSRF token.
  expect_problem(ApiClient(server_->port()).call("POST", base_ + "?name=x", kPdf, {}), 401,
                 "unauthenticated");
  expect_problem(
      an_.call("POST", base_ + "?name=x", kPdf, {{"Content-Type", "application/pdf"}}, false), 403,
      "csrf_failed");
  EXPECT_EQ(stored_events().size(), 2u);  // submitted and the one accepted paper
}

TEST_F(Papers, IdempotencyKeyAttachesOnce) {
  auto first = upload(an_, "Giấy chứng sinh", "application/pdf", kPdf, "cs.pdf", "paper-key-1");
  ASSERT_EQ(first.status, 201) << first.raw.body;
  auto again = upload(an_, "Giấy chứng sinh", "application/pdf", kPdf, "cs.pdf", "paper-key-1");
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(again.raw.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(again.raw.body, first.raw.body);
  expect_problem(upload(an_, "Ảnh", "image/png", kPng, "", "paper-key-1"), 422,
                 "idempotency_key_reused");
  EXPECT_EQ(an_.get("/api/v1/dossiers/" + id_).body.at("papers").as_array().size(), 1u);
}

TEST_F(Papers, UploadByPaperIdTakesTheCatalogNameWhateverItsLength) {
  ASSERT_GT(kLongName.size(), 300u);
  const std::string draft = case_draft();
  auto uploaded = upload_by_id(draft, "pa");
  ASSERT_EQ(uploaded.status, 201) << uploaded.raw.body;
  EXPECT_EQ(uploaded.body.at("paper_id"), "pa");
  EXPECT_EQ(uploaded.body.at("paper_name").as_string(), kLongName);
  auto dossier = an_.get("/api/v1/dossiers/" + draft);
  ASSERT_EQ(dossier.status, 200);
  const auto& papers = dossier.body.at("papers").as_array();
  ASSERT_EQ(papers.size(), 1u);
  EXPECT_EQ(papers[0].at("paper_id"), "pa");
  EXPECT_EQ(papers[0].at("paper_name").as_string(), kLongName);
  const std::string url(uploaded.body.at("download_url").as_string());
  EXPECT_EQ(an_.get(url).raw.body, kPdf);
  // Opened in the browser ("Mở") rather than saved.
  auto opened = an_.get(url + "?inline=1");
  ASSERT_EQ(opened.status, 200);
  EXPECT_EQ(opened.raw.body, kPdf);
  EXPECT_TRUE(opened.raw.header("Content-Disposition").starts_with("inline; filename="));
}

TEST_F(Papers, PaperIdOutsideTheChosenCaseIsRefusedNamingTheField) {
  const std::string draft = case_draft();
  // Unknown anywhere, and a paper of the other case.
  for (const char* paper_id : {"pnothing", "pe"}) {
    auto refused = upload_by_id(draft, paper_id);
    expect_problem(refused, 422, "unknown_paper");
    EXPECT_NE(refused.body.at("message_vi").as_string().find("paper_id"), std::string::npos);
    EXPECT_NE(refused.body.at("message_en").as_string().find("paper_id"), std::string::npos);
  }
  EXPECT_TRUE(an_.get("/api/v1/dossiers/" + draft).body.at("papers").as_array().empty());
}

TEST_F(Papers, SubmitWaitsForEveryMandatoryPaperToHandIn) {
  const std::string draft = case_draft();
  ASSERT_EQ(upload_by_id(draft, "pa").status, 201);
  auto refused = an_.post("/api/v1/dossiers/" + draft + "/submit", json::object{});
  expect_problem(refused, 422, "missing_papers");
  const std::string vi(refused.body.at("message_vi").as_string());
  const std::string en(refused.body.at("message_en").as_string());
  EXPECT_NE(vi.find("papers"), std::string::npos) << vi;
  EXPECT_NE(en.find("papers"), std::string::npos) << en;
  EXPECT_NE(vi.find("Giấy chứng sinh"), std::string::npos) << vi;
  // Neither the paper shown at the counter nor the optional one is asked for online.
  EXPECT_EQ(vi.find("Giấy tờ tùy thân"), std::string::npos) << vi;
  EXPECT_EQ(vi.find("Văn bản ủy quyền"), std::string::npos) << vi;
  EXPECT_EQ(an_.get("/api/v1/dossiers/" + draft).body.at("status"), "draft");

  ASSERT_EQ(upload_by_id(draft, "pb").status, 201);
  auto submitted = an_.post("/api/v1/dossiers/" + draft + "/submit", json::object{});
  ASSERT_EQ(submitted.status, 200) << submitted.raw.body;
  EXPECT_EQ(submitted.body.at("status"), "submitted");
}

}  // namespace
}  // namespace motcua::testing
