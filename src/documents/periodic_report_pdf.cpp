#include "documents/periodic_report_pdf.hpp"

#include "documents/pdf_canvas.hpp"

namespace motcua::documents {

std::string periodic_report_pdf(const app::PeriodicReport& report) {
  PdfCanvas canvas("Báo cáo tình hình, kết quả giải quyết TTHC", Orientation::landscape);
  canvas.paragraph("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
                   {.size = 14, .bold = true, .align = Align::center});
  canvas.paragraph("Kỳ báo cáo: từ ngày " + report.from + " đến ngày " + report.to +
                       (report.agency_name.empty() ? "" : " — " + report.agency_name),
                   {.size = 12, .italic = true, .align = Align::center}, 8);
  std::vector<TableColumn> columns;
  for (const auto& c : app::periodic_columns()) {
    const bool leading = c.group_vi.empty();
    columns.push_back({leading ? c.vi : c.group_vi + ": " + c.vi,
                       leading && c.vi != "STT" ? 4.0 : 1.0, leading ? Align::left : Align::right});
  }
  std::vector<std::vector<std::string>> rows;
  int n = 0;
  const auto line = [&](const std::string& no, const std::string& name,
                        const app::PeriodicCounts& counts) {
    std::vector<std::string> row{no, name};
    for (const auto v : app::periodic_values(counts)) row.push_back(std::to_string(v));
    rows.push_back(std::move(row));
  };
  for (const auto& a : report.agencies) line(std::to_string(++n), a.name, a.counts);
  for (const auto& a : report.areas) line(std::to_string(++n), "Lĩnh vực: " + a.name, a.counts);
  line("", "Tổng cộng", report.total);
  canvas.table(columns, rows, 7.5);
  canvas.space(6);
  canvas.paragraph(report.definition.vi, {.size = 9, .italic = true});
  canvas.paragraph("Số liệu tính đến " + report.as_of + ".", {.size = 9});
  return canvas.finish();
}

}  // namespace motcua::documents
