#include "app/dossier/paper_content.hpp"

#include <gtest/gtest.h>

#include "app/dossier/paper_samples_test_support.hpp"

namespace motcua::app {
namespace {

const std::string kPdfBytes = test_support::sample_pdf();
const std::string kJpegBytes = test_support::sample_jpeg("pixels");
const std::string kPngBytes = test_support::sample_png("pixels");
const std::string kExeBytes = std::string("MZ\x90\x00\x03\x00\x00\x00", 8);

TEST(PaperContent, SniffsTheThreeFormatsByTheirFirstBytes) {
  EXPECT_EQ(sniff_paper_type(kPdfBytes), kPdf);
  EXPECT_EQ(sniff_paper_type(kJpegBytes), kJpeg);
  EXPECT_EQ(sniff_paper_type(kPngBytes), kPng);
  EXPECT_FALSE(sniff_paper_type(kExeBytes));
  EXPECT_FALSE(sniff_paper_type("%PDF"));             // cut short
  EXPECT_FALSE(sniff_paper_type("\x89PNG\r\n\x1A"));  // seven of eight signature bytes
  EXPECT_FALSE(sniff_paper_type("<html>%PDF-1.7"));
}

TEST(PaperContent, MediaTypeIgnoresCaseAndParameters) {
  EXPECT_EQ(media_type_of("Application/PDF"), "application/pdf");
  EXPECT_EQ(media_type_of(" image/png ; charset=binary"), "image/png");
  EXPECT_EQ(media_type_of(""), "");
}

TEST(PaperContent, BytesMustMatchTheDeclaredType) {
  EXPECT_EQ(check_paper_bytes("application/pdf", kPdfBytes).value(), "application/pdf");
  EXPECT_EQ(check_paper_bytes("image/jpeg", kJpegBytes).value(), "image/jpeg");
  EXPECT_EQ(check_paper_bytes("IMAGE/PNG", kPngBytes).value(), "image/png");

  const auto empty = check_paper_bytes("application/pdf", "");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().kind, ErrorKind::invalid_input);
  EXPECT_EQ(empty.error().code, "empty_file");

  for (const auto& [declared, bytes] :
       {std::pair{"application/pdf", kExeBytes}, std::pair{"application/pdf", kPngBytes},
        std::pair{"image/png", kJpegBytes}, std::pair{"text/html", kPdfBytes},
        std::pair{"application/octet-stream", kPdfBytes}, std::pair{"", kPdfBytes}}) {
    const auto refused = check_paper_bytes(declared, bytes);
    ASSERT_FALSE(refused) << declared;
    EXPECT_EQ(refused.error().kind, ErrorKind::unsupported_media_type) << declared;
    EXPECT_EQ(refused.error().code, "unsupported_media_type");
    EXPECT_FALSE(refused.error().message_vi.empty());
    EXPECT_FALSE(refused.error().message_en.empty());
  }
}

// Issue 18 point 5: a file that only starts like a PDF is not one.
TEST(PaperContent, TheWholeFileMustBeOfItsType) {
  const std::string hta = "%PDF-1.7\n<html><script>new ActiveXObject('WScript.Shell')</script>";
  EXPECT_FALSE(check_paper_bytes("application/pdf", hta));
  EXPECT_FALSE(check_paper_bytes("application/pdf", hta + "\n%%EOF\n")) << "no startxref";
  EXPECT_FALSE(check_paper_bytes("application/pdf", hta + "\nstartxref\n0\n%%EOF\n"))
      << "the offset must point at a cross-reference section";
  EXPECT_FALSE(check_paper_bytes("application/pdf", hta + "\nstartxref\n99999\n%%EOF\n"))
      << "an offset beyond the end";
  // A cross-reference stream (PDF 1.5) is pointed at by its object header.
  const std::string with_stream = std::string("%PDF-1.7\n") + "7 0 obj\n<< /Type /XRef >>\n" +
                                  "endobj\nstartxref\n9\n%%EOF\r\n";
  EXPECT_TRUE(check_paper_bytes("application/pdf", with_stream));
  EXPECT_TRUE(check_paper_bytes("application/pdf", kPdfBytes + std::string(3, '\0')));
  // A JPEG needs its end-of-image marker; a PNG its chunks to IEND, nothing after.
  EXPECT_FALSE(check_paper_bytes("image/jpeg", kJpegBytes.substr(0, kJpegBytes.size() - 2)));
  EXPECT_TRUE(check_paper_bytes("image/jpeg", kJpegBytes + std::string(4, '\0')));
  EXPECT_FALSE(check_paper_bytes("image/png", kPngBytes + "<html>"));
  EXPECT_FALSE(check_paper_bytes("image/png", kPngBytes.substr(0, kPngBytes.size() - 12)));
  std::string lying = kPngBytes;
  lying[8 + 3] = '\x7F';  // IHDR claims more bytes than the file has
  EXPECT_FALSE(check_paper_bytes("image/png", lying));
}

TEST(PaperContent, TheNameFollowsTheVerifiedType) {
  EXPECT_EQ(name_for_type("CCCD-mat-truoc.pdf.hta", kPdf), "CCCD-mat-truoc.pdf");
  EXPECT_EQ(name_for_type("scan", kPdf), "scan.pdf");
  EXPECT_EQ(name_for_type("anh.JPEG", kJpeg), "anh.JPEG");
  EXPECT_EQ(name_for_type("anh.png", kJpeg), "anh.jpg");
  EXPECT_EQ(name_for_type("trang.html", kPng), "trang.png");
  EXPECT_EQ(name_for_type("giấy khai sinh bản 2.1 của bà Lan", kPdf),
            "giấy khai sinh bản 2.1 của bà Lan.pdf")
      << "a dot inside words is not an extension";
  EXPECT_EQ(name_for_type(".htaccess", kPdf), ".htaccess.pdf");
  EXPECT_EQ(name_for_type("", kPdf), "");
  EXPECT_EQ(download_name("CCCD.pdf.hta", kPdf), "CCCD.pdf") << "names stored before the rule";
}

TEST(PaperContent, FileNamesKeepOnlyTheLastComponentAndNoControlCharacters) {
  EXPECT_EQ(clean_file_name("C:\\Users\\an\\giấy khai sinh.pdf"), "giấy khai sinh.pdf");
  EXPECT_EQ(clean_file_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(clean_file_name("a\"b;c\r\nd.pdf"), "abc d.pdf");  // the line break became a space
  EXPECT_EQ(clean_file_name("  scan.png  "), "scan.png");
  EXPECT_EQ(clean_file_name(""), "");
  // U+202E RIGHT-TO-LEFT OVERRIDE would make "hoso\u202Efdp.exe" look like "hosoexe.pdf".
  EXPECT_EQ(clean_file_name("hoso\xE2\x80\xAE"
                            "fdp.exe"),
            "hosofdp.exe");
  // Decomposed Vietnamese (NFD) is composed.
  EXPECT_EQ(clean_file_name("Gia\xCC\x82\xCC\x81y.pdf"), "Giấy.pdf");
}

TEST(PaperContent, LongFileNamesAreCutOnACharacterBoundary) {
  std::string name;
  for (int i = 0; i < 100; ++i) name += "ấ";  // three bytes each
  const auto cleaned = clean_file_name(name);
  EXPECT_LE(cleaned.size(), 150u);
  EXPECT_EQ(cleaned.size() % 3, 0u);
  EXPECT_EQ(cleaned.substr(0, 3), "ấ");
}

TEST(PaperContent, DownloadNamesAndDisposition) {
  EXPECT_EQ(download_name("", kPdf), "giay-to.pdf");
  EXPECT_EQ(download_name("", kJpeg), "giay-to.jpg");
  EXPECT_EQ(download_name("scan.png", kPng), "scan.png");
  EXPECT_EQ(attachment_disposition("Giấy khai sinh.pdf"),
            "attachment; filename=\"giay khai sinh.pdf\"; "
            "filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf");
  EXPECT_EQ(attachment_disposition("a.pdf"),
            "attachment; filename=\"a.pdf\"; filename*=UTF-8''a.pdf");
}

}  // namespace
}  // namespace motcua::app
