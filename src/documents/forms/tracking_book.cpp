// Form 07: the tracking book of a one-stop unit, one numbered line per dossier received, landscape
// so that its columns stay readable; the header is repeated on every page.
#include "documents/dossier_documents.hpp"
#include "documents/form_frame.hpp"
#include "documents/vi_text.hpp"

namespace motcua::documents {

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
    std::string contact = d.applicant_address;
    if (!d.applicant_phone.empty()) contact += (contact.empty() ? "" : "; ") + d.applicant_phone;
    const std::string channel =
        d.returned && !d.returned->channel.empty() ? d.returned->channel : d.return_channel;
    rows.push_back({d.line ? std::to_string(*d.line) : "", d.code.value_or(""), d.procedure_name,
                    d.applicant_name, contact, d.agency_name, vi_short(d.received_at),
                    vi_short(d.due.value_or("")), d.returned ? vi_short(d.returned->at) : "",
                    vi_channel(channel), d.returned ? d.returned->receiver_name : ""});
  }
  // The columns of form 07 as the HTML print view has them; the code column fits a full
  // national code ("000.00.01.H26-260312-0001") on one line.
  canvas.table({{"STT", 0.6, Align::center},
                {"Mã hồ sơ", 2.8, Align::left},
                {"Tên thủ tục hành chính", 1.9, Align::left},
                {"Tên cá nhân, tổ chức", 1.4, Align::left},
                {"Địa chỉ, số điện thoại", 1.5, Align::left},
                {"Cơ quan chủ trì giải quyết", 1.4, Align::left},
                {"Ngày, giờ nhận hồ sơ", 1.2, Align::center},
                {"Hẹn trả kết quả", 1.2, Align::center},
                {"Ngày, giờ trả kết quả", 1.2, Align::center},
                {"Hình thức nhận kết quả", 1.3, Align::left},
                {"Ký nhận", 1, Align::left}},
               rows, 8.5);
  return canvas.finish();
}

}  // namespace motcua::documents
