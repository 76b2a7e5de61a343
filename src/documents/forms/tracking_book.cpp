// Form 07: the tracking book of a one-stop unit, one numbered line per dossier received, landscape
// so that its columns stay readable; the header is repeated on every page.
#include "documents/dossier_documents.hpp"
#include "documents/form_frame.hpp"
#include "documents/vi_text.hpp"
#include "domain/dossier/status.hpp"

namespace motcua::documents {

namespace {

// The status in the words of the domain's labels ("Đang xử lý", "Đã trả kết quả").
std::string status_vi(const app::TrackingBookLine& line) {
  const auto status = dossier::parse_status(line.status);
  return status ? std::string(dossier::label_vi(*status)) : line.status;
}

}  // namespace

std::string tracking_book_pdf(const app::TrackingBook& book) {
  PdfCanvas canvas("Sổ theo dõi hồ sơ " + book.unit.name, Orientation::landscape);
  begin_form(canvas, {.form_number = "07",
                      .issuer_parent = book.unit.agency_name,
                      .issuer = book.unit.name,
                      .place = book.unit.parent_name.empty() ? book.unit.agency_name
                                                             : book.unit.parent_name,
                      .date_iso = book.to,
                      .title = "Sổ theo dõi hồ sơ",
                      .subtitle = "Từ " + vi_date(book.from) + " đến " + vi_date(book.to)});
  std::vector<std::vector<std::string>> rows;
  rows.reserve(book.dossiers.size());
  for (const auto& d : book.dossiers) {
    std::string returned;
    if (d.returned) {
      returned = vi_short(d.returned->at);
      if (!d.returned->receiver_name.empty()) returned += "\n" + d.returned->receiver_name;
    }
    rows.push_back(
        {d.line ? std::to_string(*d.line) : "", d.code.value_or(""), d.procedure_name,
         d.applicant_name + (d.applicant_address.empty() ? "" : "\n" + d.applicant_address),
         std::to_string(d.sets), d.agency_name, vi_short(d.received_at),
         vi_short(d.due.value_or("")), vi_short(d.finished_at.value_or("")), status_vi(d),
         returned});
  }
  // The code column fits a full national code ("000.00.01.H26-260312-0001") on one line.
  canvas.table({{"Số thứ tự", 0.6, Align::center},
                {"Mã hồ sơ", 2.8, Align::left},
                {"Tên thủ tục hành chính", 1.9, Align::left},
                {"Tên, địa chỉ người nộp", 1.7, Align::left},
                {"Số bộ", 0.5, Align::center},
                {"Cơ quan giải quyết", 1.3, Align::left},
                {"Ngày, giờ nhận", 1.3, Align::center},
                {"Ngày, giờ hẹn trả", 1.3, Align::center},
                {"Ngày có kết quả", 1.3, Align::center},
                {"Tình trạng", 1, Align::left},
                {"Trả kết quả (ngày, người nhận)", 1.3, Align::left}},
               rows, 8.5);
  return canvas.finish();
}

}  // namespace motcua::documents
