// Reads a PDF back with poppler-utils (pdftotext, pdfimages, pdffonts), as a person's viewer
// would: the tests assert on the words that come back, not on the drawing.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace motcua::documents::testing {

inline std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  while (const std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes) {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("motcua-doc-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".pdf");
    std::ofstream(path_, std::ios::binary) << bytes;
    // MOTCUA_DOCUMENTS_OUT=dir keeps a copy of every PDF a test renders, to look at.
    if (const char* keep = std::getenv("MOTCUA_DOCUMENTS_OUT"))
      std::ofstream(std::filesystem::path(keep) / path_.filename(), std::ios::binary) << bytes;
  }
  ~PdfFile() { std::filesystem::remove(path_); }
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;

  // The text of every page, in reading order, each page's whitespace collapsed to single spaces.
  std::vector<std::string> pages() const {
    const std::string text = run("pdftotext -enc UTF-8 '" + path_.string() + "' -");
    std::vector<std::string> out(1);
    bool space = false;
    for (char c : text) {
      if (c == '\f') {
        out.emplace_back();
        space = false;
      } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = !out.back().empty();
      } else {
        if (space) out.back() += ' ';
        space = false;
        out.back() += c;
      }
    }
    while (!out.empty() && out.back().empty()) out.pop_back();
    return out;
  }
  std::string text() const {
    std::string all;
    for (const auto& p : pages()) all += p + " ";
    return all;
  }
  std::string images() const { return run("pdfimages -list '" + path_.string() + "'"); }
  std::string fonts() const { return run("pdffonts '" + path_.string() + "'"); }

 private:
  std::filesystem::path path_;
};

}  // namespace motcua::documents::testing
