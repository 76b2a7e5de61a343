#include "documents/signing/pades.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "documents/pdf_canvas.hpp"
#include "documents/pdf_test_support.hpp"
#include "documents/signing/pkcs12_signer.hpp"
#include "documents/signing/signing_test_support.hpp"

namespace motcua::documents::signing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string two_page_pdf() {
  PdfCanvas canvas("Thông báo kết quả");
  canvas.paragraph("Kết quả giải quyết thủ tục hành chính: chấp thuận.");
  canvas.keep(10000);  // a second page, so the page tree is more than one leaf
  canvas.paragraph("Trang hai.");
  return canvas.finish();
}

SignatureDetails details() {
  return {std::chrono::system_clock::now(), "Kết quả giải quyết hồ sơ", "Xã Thử Nghiệm"};
}

class PadesTest : public ::testing::Test {
 protected:
  testing::TestSigningDir keys{"000.00.01.H99", "UBND xã Thử Nghiệm"};
  std::unique_ptr<Pkcs12Signer> signer = Pkcs12Signer::load(keys.p12(), keys.password());
};

TEST_F(PadesTest, PdfsigReportsTheSignatureValidWithTheSignersName) {
  const std::string original = two_page_pdf();
  const std::string signed_pdf = sign_pdf(original, *signer, details());
  // An incremental update: the original bytes are untouched at the front.
  EXPECT_EQ(signed_pdf.substr(0, original.size()), original);
  const std::string report = testing::pdfsig(signed_pdf);
  EXPECT_THAT(report, HasSubstr("Signature Validation: Signature is Valid."));
  EXPECT_THAT(report, HasSubstr("Signer Certificate Common Name: UBND xã Thử Nghiệm"));
  EXPECT_THAT(report, HasSubstr("Signature Type: ETSI.CAdES.detached"));
  EXPECT_THAT(report, HasSubstr("Total document signed"));
  // The text is still the text.
  documents::testing::PdfFile file(signed_pdf);
  EXPECT_THAT(file.text(), HasSubstr("chấp thuận"));
  EXPECT_TRUE(looks_signed(signed_pdf));
  EXPECT_FALSE(looks_signed(original));
}

TEST_F(PadesTest, AByteChangedInsideASignedRangeMakesItInvalid) {
  std::string signed_pdf = sign_pdf(two_page_pdf(), *signer, details());
  // Inside the first signed range (the original's content), then inside the second (the update's
  // trailer numbers are avoided: change a letter of the /SubFilter name's neighbour, the /M date).
  std::string first = signed_pdf;
  const auto text = first.find("/Producer (cairo");
  ASSERT_NE(text, std::string::npos);
  first[text + 11] = 'C';
  EXPECT_THAT(testing::pdfsig(first), Not(HasSubstr("Signature is Valid.")));

  std::string second = signed_pdf;
  const auto date = second.rfind("/M (D:");
  ASSERT_NE(date, std::string::npos);
  second[date + 6] = second[date + 6] == '1' ? '2' : '1';
  EXPECT_THAT(testing::pdfsig(second), Not(HasSubstr("Signature is Valid.")));
}

TEST_F(PadesTest, TheCmsCarriesTheCadesAttributes) {
  const std::string cms = signer->sign_detached("some bytes", std::chrono::system_clock::now());
  testing::TestSigningDir scratch("scratch");
  const auto path = scratch.dir() / "sig.der";
  std::ofstream(path, std::ios::binary) << cms;
  const std::string dump =
      testing::run_command("openssl cms -cmsout -print -inform DER -in '" + path.string() + "'");
  EXPECT_THAT(dump, HasSubstr("id-smime-aa-signingCertificateV2"));
  EXPECT_THAT(dump, HasSubstr("signingTime"));
  EXPECT_THAT(dump, HasSubstr("messageDigest"));
  EXPECT_THAT(dump, HasSubstr("sha256"));
  EXPECT_THAT(dump, HasSubstr("MotCua Test Root CA"));  // the chain travels with the signature
}

TEST_F(PadesTest, ASecondSignatureIsRefusedRatherThanBroken) {
  const std::string once = sign_pdf(two_page_pdf(), *signer, details());
  EXPECT_THROW(sign_pdf(once, *signer, details()), SigningError);  // it has a form already
}

TEST(Pkcs12SignerTest, AWrongPasswordIsSaidPlainly) {
  testing::TestSigningDir keys("x");
  try {
    Pkcs12Signer::load(keys.p12(), "not-the-password");
    FAIL();
  } catch (const SigningError& e) {
    EXPECT_THAT(e.what(), HasSubstr("wrong password"));
  }
}

TEST(PadesStructureTest, AnXrefStreamPdfIsRefusedWithTheReason) {
  const std::string pdf =
      "%PDF-1.7\n1 0 obj\n<< /Type /XRef /Size 2 >>\nstream\nendstream\nendobj\nstartxref\n9\n"
      "%%EOF\n";
  testing::TestSigningDir keys("y");
  const auto signer = Pkcs12Signer::load(keys.p12(), keys.password());
  try {
    sign_pdf(pdf, *signer, details());
    FAIL();
  } catch (const SigningError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cross-reference stream"));
  }
}

}  // namespace
}  // namespace motcua::documents::signing
