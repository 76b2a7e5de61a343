// Documents as PDF over real HTTP (issue 15 point 2): each paper of a dossier and the tracking
// book come back as application/pdf whose text (read with poppler's pdftotext) carries the
// national header, the dossier's code and the names with their diacritics; a paper the dossier
// does not have yet is 404; the rights are those of the dossier and of the tracking book.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

// pdftotext's reading of a PDF, whitespace collapsed.
std::string pdf_text(const std::string& bytes, const std::string& dir) {
  const std::filesystem::path path = std::filesystem::path(dir) / "doc.pdf";
  std::ofstream(path, std::ios::binary) << bytes;
  std::string raw;
  FILE* pipe = popen(("pdftotext -enc UTF-8 '" + path.string() + "' -").c_str(), "r");
  char buffer[4096];
  while (const std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) raw.append(buffer, n);
  pclose(pipe);
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\f' || c == '\t') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

class Documents : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-09T09:00"});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(),
                   {{&reception_, "tiepnhan"}, {&processing_, "chuyenvien"}, {&binh_, "binh"}}));
  }
  void TearDown() override { server_.reset(); }

  // A dossier taken in at the counter: received, with its code and receipt.
  std::string intake() {
    auto r = reception_.post("/api/v1/dossiers",
                             json::object{{"procedure_code", "1.001193"},
                                          {"agency_id", "c1"},
                                          {"receiving_unit_id", "u1"},
                                          {"channel", "counter"},
                                          {"applicant", {{"name", "Đỗ Thị Hường"}}}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    code_ = std::string(r.body.at("code").as_string());
    return std::string(r.body.at("id").as_string());
  }

  void expect_pdf(const ApiResult& r) const {
    ASSERT_EQ(r.status, 200) << r.raw.body.substr(0, 400);
    EXPECT_EQ(r.raw.header("Content-Type"), "application/pdf");
    EXPECT_EQ(r.raw.body.substr(0, 5), "%PDF-");
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient reception_{0};
  ApiClient processing_{0};
  ApiClient binh_{0};
  std::string code_;
};

TEST_F(Documents, ReceiptAndControlSheetOfAReceivedDossier) {
  const std::string base = "/api/v1/dossiers/" + intake() + "/documents/";
  auto receipt = reception_.get(base + "receipt.pdf");
  ASSERT_NO_FATAL_FAILURE(expect_pdf(receipt));
  const std::string text = pdf_text(receipt.raw.body, dir_.file(""));
  EXPECT_NE(text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos) << text;
  EXPECT_NE(text.find("Độc lập - Tự do - Hạnh phúc"), std::string::npos) << text;
  EXPECT_NE(text.find("Mẫu số 01"), std::string::npos) << text;
  EXPECT_NE(text.find(code_), std::string::npos) << text;
  EXPECT_NE(text.find("Đỗ Thị Hường"), std::string::npos) << text;
  EXPECT_NE(text.find("ngày 09 tháng 3 năm 2026"), std::string::npos) << text;

  auto sheet = reception_.get(base + "control-sheet.pdf");
  ASSERT_NO_FATAL_FAILURE(expect_pdf(sheet));
  EXPECT_NE(pdf_text(sheet.raw.body, dir_.file("")).find("PHIẾU KIỂM SOÁT QUÁ TRÌNH"),
            std::string::npos);
}

TEST_F(Documents, APaperNotYetIssuedIsNotFoundAndAppearsWithItsEvent) {
  const std::string id = intake();
  const std::string base = "/api/v1/dossiers/" + id;
  for (const char* form : {"supplement-request", "refusal", "apology", "stop-notice", "result"}) {
    auto r = reception_.get(base + "/documents/" + form + ".pdf");
    EXPECT_EQ(r.status, 404) << form << r.raw.body;
    EXPECT_EQ(r.body.at("code"), "document_not_issued") << form;
  }
  auto unknown = reception_.get(base + "/documents/tracking-book.pdf");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body.at("code"), "unknown_document");
  EXPECT_EQ(reception_.get(base + "/documents/receipt").status, 404);  // the .pdf is part of it

  ASSERT_EQ(
      processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
      200);
  auto asked = processing_.post(
      base + "/request-supplement",
      json::object{{"missing_items", json::array{"Giấy chứng sinh", "Căn cước của mẹ"}},
                   {"reason", "Thiếu giấy tờ chứng minh nơi sinh"}});
  ASSERT_EQ(asked.status, 200) << asked.raw.body;
  auto request = reception_.get(base + "/documents/supplement-request.pdf");
  ASSERT_NO_FATAL_FAILURE(expect_pdf(request));
  const std::string text = pdf_text(request.raw.body, dir_.file(""));
  EXPECT_NE(text.find("Mẫu số 02"), std::string::npos) << text;
  EXPECT_NE(text.find("Căn cước của mẹ"), std::string::npos) << text;
  EXPECT_NE(text.find("Thiếu giấy tờ chứng minh nơi sinh"), std::string::npos) << text;
}

TEST_F(Documents, RightsAreThoseOfTheDossierAndOfTheBook) {
  const std::string id = intake();
  auto other = binh_.get("/api/v1/dossiers/" + id + "/documents/receipt.pdf");
  const auto detail = binh_.get("/api/v1/dossiers/" + id);
  // Whatever the dossier itself answers a stranger, its papers answer the same.
  EXPECT_GE(detail.status, 403);
  EXPECT_EQ(other.status, detail.status) << other.raw.body;
  EXPECT_NE(other.raw.header("Content-Type"), "application/pdf");
  EXPECT_EQ(
      ApiClient(server_->port()).get("/api/v1/dossiers/" + id + "/documents/receipt.pdf").status,
      401);

  const std::string query = "?unit=u1&from=2026-03-09&to=2026-03-09";
  EXPECT_EQ(binh_.get("/api/v1/tracking-book.pdf" + query).status,
            binh_.get("/api/v1/tracking-book" + query).status);
  EXPECT_EQ(binh_.get("/api/v1/tracking-book.pdf" + query).status, 404);  // not their unit's book
  EXPECT_EQ(reception_.get("/api/v1/tracking-book.pdf?unit=u1&from=2026-03-09").status, 422);
}

TEST_F(Documents, TrackingBookAsPdf) {
  intake();
  auto book = reception_.get("/api/v1/tracking-book.pdf?unit=u1&from=2026-03-09&to=2026-03-09");
  ASSERT_NO_FATAL_FAILURE(expect_pdf(book));
  const std::string text = pdf_text(book.raw.body, dir_.file(""));
  EXPECT_NE(text.find("Mẫu số 07"), std::string::npos) << text;
  EXPECT_NE(text.find("SỔ THEO DÕI HỒ SƠ"), std::string::npos) << text;
  EXPECT_NE(text.find(code_), std::string::npos) << text;
  EXPECT_NE(text.find("Đỗ Thị Hường"), std::string::npos) << text;
}

}  // namespace
}  // namespace motcua::testing
