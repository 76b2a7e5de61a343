// The signed result file over real HTTP (issue 15 point 3): an official attaches the result (a PDF
// of their own or the result notice generated from the dossier), the server signs it with the key
// of the dossier's agency from --signing-dir (a throwaway CA and agency certificate made with the
// OpenSSL command line for the test), pdfsig reports the applicant's download valid and signed by
// the agency, its SHA-256 is in the dossier's hash-chained log, and an online return is refused
// until the file exists. The notices the applicant receives come signed too, or say they are not.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "documents/pdf_canvas.hpp"
#include "documents/signing/signing_test_support.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/event_log.hpp"
#include "store/hashing.hpp"
#include "store/open_store.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
using documents::signing::testing::pdfsig;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
constexpr const char* kAgencyCode = "000.01.01.H40";  // agency c1 of the fixture

class SignedResult : public ::testing::Test {
 protected:
  void start(bool with_keys) {
    seed_fixture(db_);
    std::vector<std::string> args{"--fake-now", "2026-03-09T09:00"};
    if (with_keys) {
      args.push_back("--signing-dir");
      args.push_back(keys_.dir().string());
    }
    server_ = std::make_unique<ServerProcess>(kBinary, db_, args);
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&an_, "an"},
                                                         {&reception_, "tiepnhan"},
                                                         {&processing_, "chuyenvien"},
                                                         {&leader_, "lanhdao"},
                                                         {&other_, "xahai"}}));
  }
  void TearDown() override { server_.reset(); }

  // An online dossier, approved: its result is ready to return.
  std::string result_ready() {
    auto r = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                       {"agency_id", "c1"},
                                                       {"receiving_unit_id", "u1"},
                                                       {"return_channel", "online"}});
    EXPECT_EQ(r.status, 201) << r.raw.body;
    const std::string id(r.body.at("id").as_string());
    const std::string base = "/api/v1/dossiers/" + id;
    EXPECT_EQ(reception_.post(base + "/accept", json::object{}).status, 200);
    EXPECT_EQ(
        processing_.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
        200);
    auto approved = leader_.post(base + "/approve", json::object{{"note", "Đủ điều kiện"}});
    EXPECT_EQ(approved.status, 200) << approved.raw.body;
    return id;
  }

  ApiResult return_online(const std::string& id) {
    return reception_.post("/api/v1/dossiers/" + id + "/return-result",
                           json::object{{"channel", "online"}, {"receiver_name", "Nguyễn Văn An"}});
  }

  ApiResult upload(const ApiClient& who, const std::string& id, const std::string& pdf) {
    return who.call("POST", "/api/v1/dossiers/" + id + "/result", pdf,
                    {{"Content-Type", "application/pdf"}, {"X-File-Name", "quyet-dinh.pdf"}});
  }

  documents::signing::testing::TestSigningDir keys_{kAgencyCode, "UBND Xã Một"};
  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, reception_{0}, processing_{0}, leader_{0}, other_{0};
};

TEST_F(SignedResult, AnOnlineReturnNeedsTheSignedResultFileWhichTheApplicantDownloads) {
  ASSERT_NO_FATAL_FAILURE(start(true));
  const std::string id = result_ready();
  const std::string base = "/api/v1/dossiers/" + id;

  auto refused = return_online(id);
  EXPECT_EQ(refused.status, 409) << refused.raw.body;
  EXPECT_EQ(refused.body.at("code"), "result_file_required");
  EXPECT_NE(refused.raw.body.find("result_file"), std::string::npos);
  auto none = an_.get(base + "/result.pdf");
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(none.body.at("code"), "result_file_missing");
  // The applicant does not sign the agency's result.
  EXPECT_EQ(an_.post(base + "/result?generate=1", json::object{}).status, 403);

  auto attached = processing_.post(base + "/result?generate=1", json::object{});
  ASSERT_EQ(attached.status, 201) << attached.raw.body;
  EXPECT_EQ(attached.body.at("source"), "generated");
  EXPECT_NE(std::string(attached.body.at("signer_subject").as_string()).find("UBND Xã Một"),
            std::string::npos);
  const std::string sha(attached.body.at("sha256").as_string());

  // The dossier's view says it has the file, for the applicant too.
  auto view = an_.get(base);
  ASSERT_EQ(view.status, 200);
  EXPECT_EQ(view.body.at("result_file").at("sha256").as_string(), sha);
  EXPECT_EQ(view.body.at("result_file").at("download_url").as_string(), base + "/result.pdf");

  auto got = an_.get(base + "/result.pdf");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.raw.header("Content-Type"), "application/pdf");
  EXPECT_EQ(store::sha256_hex(got.raw.body), sha);
  const std::string report = pdfsig(got.raw.body);
  EXPECT_NE(report.find("Signature Validation: Signature is Valid."), std::string::npos) << report;
  EXPECT_NE(report.find("Signer Certificate Common Name: UBND Xã Một"), std::string::npos)
      << report;
  // One byte changed in the signed part, and the signature no longer holds.
  std::string tampered = got.raw.body;
  tampered[200] = tampered[200] == 'A' ? 'B' : 'A';
  EXPECT_EQ(pdfsig(tampered).find("Signature is Valid."), std::string::npos);
  // Someone who does not see the dossier does not get it.
  EXPECT_EQ(other_.get(base + "/result.pdf").status, 404);

  auto returned = return_online(id);
  EXPECT_EQ(returned.status, 200) << returned.raw.body;
  EXPECT_EQ(returned.body.at("status"), "returned");

  // The hash of the file handed over is in the dossier's hash-chained log.
  server_.reset();
  auto store = store::open_store(db_);
  std::vector<store::StoredEvent> events;
  store->read([&](store::SqlConnection& db) { events = store::events_of(db, id); });
  bool found = false;
  for (const auto& e : events) {
    if (e.event.type == "result_attached" && e.event.payload.find(sha) != std::string::npos)
      found = true;
  }
  EXPECT_TRUE(found);
}

TEST_F(SignedResult, AnUploadedPdfIsSignedAndAnUnsignablePdfIsRefusedByField) {
  ASSERT_NO_FATAL_FAILURE(start(true));
  const std::string id = result_ready();
  documents::PdfCanvas canvas("Quyết định");
  canvas.paragraph("QUYẾT ĐỊNH cấp giấy phép.");
  const std::string pdf = canvas.finish();

  auto not_pdf = processing_.call("POST", "/api/v1/dossiers/" + id + "/result", "hello",
                                  {{"Content-Type", "text/plain"}});
  EXPECT_EQ(not_pdf.status, 422) << not_pdf.raw.body;
  EXPECT_EQ(not_pdf.body.at("code"), "result_file_not_pdf");

  auto attached = upload(processing_, id, pdf);
  ASSERT_EQ(attached.status, 201) << attached.raw.body;
  EXPECT_EQ(attached.body.at("source"), "uploaded");
  EXPECT_EQ(attached.body.at("file_name"), "quyet-dinh.pdf");
  auto got = an_.get("/api/v1/dossiers/" + id + "/result.pdf");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.raw.body.substr(0, pdf.size()), pdf);  // the official's bytes, then the signature
  EXPECT_NE(pdfsig(got.raw.body).find("Signature is Valid."), std::string::npos);

  // A PDF signed already cannot take the agency's signature on top here.
  auto twice = upload(processing_, id, got.raw.body);
  EXPECT_EQ(twice.status, 422) << twice.raw.body;
  EXPECT_EQ(twice.body.at("code"), "result_file_unsignable");
}

TEST_F(SignedResult, NoticesAreSignedWhenTheAgencyHasAKey) {
  ASSERT_NO_FATAL_FAILURE(start(true));
  const std::string id = result_ready();
  auto receipt = an_.get("/api/v1/dossiers/" + id + "/documents/receipt.pdf");
  ASSERT_EQ(receipt.status, 200);
  EXPECT_EQ(receipt.raw.header("X-Document-Signature").rfind("signed; ", 0), 0u);
  const std::string report = pdfsig(receipt.raw.body);
  EXPECT_NE(report.find("Signature is Valid."), std::string::npos) << report;
  EXPECT_NE(report.find("UBND Xã Một"), std::string::npos) << report;
  // The internal control sheet is not a notice to the applicant: drawn, not signed.
  auto sheet = processing_.get("/api/v1/dossiers/" + id + "/documents/control-sheet.pdf");
  ASSERT_EQ(sheet.status, 200);
  EXPECT_EQ(sheet.raw.header("X-Document-Signature"), "");
}

TEST_F(SignedResult, WithoutASigningKeyNothingIsSignedAndTheAnswersSaySo) {
  ASSERT_NO_FATAL_FAILURE(start(false));
  const std::string id = result_ready();
  auto attached = processing_.post("/api/v1/dossiers/" + id + "/result?generate=1", json::object{});
  EXPECT_EQ(attached.status, 409) << attached.raw.body;
  EXPECT_EQ(attached.body.at("code"), "signing_key_missing");
  auto receipt = an_.get("/api/v1/dossiers/" + id + "/documents/receipt.pdf");
  ASSERT_EQ(receipt.status, 200);
  EXPECT_EQ(receipt.raw.header("X-Document-Signature").rfind("unsigned", 0), 0u);
  EXPECT_NE(pdfsig(receipt.raw.body).find("does not contain any signatures"), std::string::npos);
  EXPECT_EQ(return_online(id).status, 409);
}

}  // namespace
}  // namespace motcua::testing
