#include "documents/periodic_report_xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace motcua::documents {

namespace {

// libxlsxwriter 1.1.4 writes to a file only: a private temporary one, removed whatever happens.
class TempFile {
 public:
  TempFile() {
    const auto dir = std::filesystem::temp_directory_path().string();
    std::string pattern = dir + "/motcua-report-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("periodic report: no temporary file");
    ::close(fd);
    path_ = pattern;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void check(lxw_error e, const char* what) {
  if (e != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("periodic report xlsx: ") + what + ": " + lxw_strerror(e));
  }
}

}  // namespace

std::string periodic_report_xlsx(const app::PeriodicReport& report) {
  TempFile file;
  lxw_workbook* book = workbook_new(file.path().c_str());
  if (book == nullptr) throw std::runtime_error("periodic report xlsx: cannot create workbook");
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Bao cao dinh ky");
  lxw_format* title = workbook_add_format(book);
  format_set_bold(title);
  format_set_font_size(title, 13);
  lxw_format* head = workbook_add_format(book);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(head, LXW_BORDER_THIN);
  lxw_format* cell = workbook_add_format(book);
  format_set_border(cell, LXW_BORDER_THIN);
  lxw_format* bold = workbook_add_format(book);
  format_set_border(bold, LXW_BORDER_THIN);
  format_set_bold(bold);

  const auto& columns = app::periodic_columns();
  const auto last_col = static_cast<lxw_col_t>(columns.size() - 1);
  check(worksheet_merge_range(sheet, 0, 0, 0, last_col,
                              "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", title),
        "title");
  const std::string period = "Kỳ báo cáo: từ ngày " + report.from + " đến ngày " + report.to +
                             (report.agency_name.empty() ? "" : " — " + report.agency_name);
  check(worksheet_merge_range(sheet, 1, 0, 1, last_col, period.c_str(), nullptr), "period");
  // Header rows 3 and 4: a group's title merged over its columns; a column without a group spans
  // both rows.
  constexpr lxw_row_t kGroupRow = 3, kColumnRow = 4;
  for (lxw_col_t c = 0; c <= last_col;) {
    const auto& col = columns[c];
    if (col.group_vi.empty()) {
      check(worksheet_merge_range(sheet, kGroupRow, c, kColumnRow, c, col.vi.c_str(), head),
            "header");
      ++c;
      continue;
    }
    lxw_col_t end = c;
    while (end + 1 <= last_col && columns[end + 1].group_vi == col.group_vi) ++end;
    check(worksheet_merge_range(sheet, kGroupRow, c, kGroupRow, end, col.group_vi.c_str(), head),
          "group");
    for (lxw_col_t k = c; k <= end; ++k) {
      check(worksheet_write_string(sheet, kColumnRow, k, columns[k].vi.c_str(), head), "column");
    }
    c = end + 1;
  }
  worksheet_set_column(sheet, 0, 0, 6, nullptr);
  worksheet_set_column(sheet, 1, 1, 36, nullptr);
  worksheet_set_column(sheet, 2, last_col, 12, nullptr);

  lxw_row_t row = kColumnRow + 1;
  int n = 0;
  const auto line = [&](const std::string& no, const std::string& name,
                        const app::PeriodicCounts& counts, lxw_format* format) {
    check(worksheet_write_string(sheet, row, 0, no.c_str(), format), "number");
    check(worksheet_write_string(sheet, row, 1, name.c_str(), format), "name");
    lxw_col_t c = 2;
    for (const auto v : app::periodic_values(counts)) {
      check(worksheet_write_number(sheet, row, c++, static_cast<double>(v), format), "value");
    }
    ++row;
  };
  for (const auto& a : report.agencies) line(std::to_string(++n), a.name, a.counts, cell);
  for (const auto& a : report.areas)
    line(std::to_string(++n), "Lĩnh vực: " + a.name, a.counts, cell);
  line("", "Tổng cộng", report.total, bold);
  worksheet_freeze_panes(sheet, kColumnRow + 1, 2);
  check(workbook_close(book), "close");

  std::ifstream in(file.path(), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace motcua::documents
