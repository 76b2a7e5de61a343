// Papers for tests, whole as scanners and cameras write them (app/dossier/paper_content.hpp
// checks the whole file, not only its first bytes): a PDF with its cross-reference table,
// startxref and %%EOF; a PNG from IHDR to IEND; a JPEG from SOI to EOI. `filler` makes files
// differ (their sha256 is their identity in the paper store).
#pragma once

#include <string>
#include <string_view>

namespace motcua::app::test_support {

inline std::string sample_pdf(std::string_view filler = "scanned paper") {
  std::string pdf("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 15);
  pdf += filler;
  pdf += "\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  const std::size_t xref = pdf.size();
  pdf +=
      "xref\n0 2\n0000000000 65535 f \n0000000015 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n";
  pdf += "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

inline std::string sample_png(std::string_view filler = "") {
  std::string png("\x89PNG\r\n\x1A\n", 8);
  png +=
      std::string("\x00\x00\x00\x0DIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00", 21);
  png += std::string("\x90\x77\x53\xDE", 4);  // CRC (not checked on upload)
  const std::string data = std::string("\x78\x9C", 2) + std::string(filler);
  png += std::string("\x00\x00\x00", 3) + static_cast<char>(data.size()) + "IDAT" + data;
  png += std::string("\x00\x00\x00\x00", 4);
  png += std::string("\x00\x00\x00\x00IEND\xAE\x42\x60\x82", 12);
  return png;
}

inline std::string sample_jpeg(std::string_view filler = "") {
  return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(filler) +
         std::string("\xFF\xD9", 2);
}

}  // namespace motcua::app::test_support
