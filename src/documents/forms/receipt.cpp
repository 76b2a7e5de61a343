// Form 01: the receipt and appointment slip, with the QR code of the dossier's public tracking
// page drawn as vector squares (it prints sharp at any size and adds no image to the file).
#include "documents/form_frame.hpp"
#include "documents/forms/form_data.hpp"
#include "documents/forms/forms.hpp"
#include "documents/vi_text.hpp"

namespace motcua::documents {

namespace {

std::string limit_text(const clock::TimeLimit& limit) {
  const std::string n = std::to_string(limit.amount);
  switch (limit.unit) {
    case clock::LimitUnit::working_days:
      return n + " ngày làm việc";
    case clock::LimitUnit::working_hours:
      return n + " giờ làm việc";
    default:
      return n + " ngày";
  }
}

std::string two_digits(std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::string receipt_pdf(const app::DossierView& v, const std::string& tracking_url,
                        const std::string& tracking_secret) {
  PdfCanvas canvas("Giấy tiếp nhận hồ sơ và hẹn trả kết quả " + code_of(v));
  const std::string parent =
      v.workspace.receiving_unit ? v.workspace.receiving_unit->agency_name : agency_name(v);
  begin_form(canvas, {.form_number = "01",
                      .issuer_parent = parent,
                      .issuer = unit_name(v),
                      .place = place(v),
                      .date_iso = v.received_at.value_or(""),
                      .title = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
                      .subtitle = "Mã hồ sơ: " + code_of(v)});
  if (v.code) {
    if (auto modules = qr::modules_of(tracking_url))
      canvas.qr_at_right(*modules, 70, "Quét mã để tra cứu hồ sơ");
  }
  const TextStyle body{.size = 13, .align = Align::left};
  const std::string address =
      v.workspace.receiving_unit && !v.workspace.receiving_unit->address.empty()
          ? ", địa chỉ " + v.workspace.receiving_unit->address
          : std::string();
  canvas.paragraph(unit_name(v) + address, {.size = 13, .align = Align::left}, 3);
  // The code alone no longer opens the public tracking page (domain/dossier/tracking_secret.hpp):
  // the applicant types this beside it, or scans the QR code, which carries both.
  if (v.code && !tracking_secret.empty())
    canvas.paragraph("Mã bí mật tra cứu hồ sơ: " + tracking_secret,
                     {.size = 13, .bold = true, .align = Align::left});
  canvas.paragraph("Tiếp nhận hồ sơ của: " + v.applicant.name, body);
  canvas.paragraph("Số định danh cá nhân: " + or_dots(v.applicant.id_number), body);
  canvas.paragraph("Địa chỉ: " + or_dots(v.applicant.address), body);
  canvas.paragraph("Số điện thoại: " + or_dots(v.applicant.phone) +
                       "    Thư điện tử: " + or_dots(v.applicant.email),
                   body);
  std::string request = "Nội dung yêu cầu giải quyết: " + v.procedure_name;
  if (!v.variant.empty()) request += " (" + v.variant + ")";
  canvas.paragraph(request, {.size = 13});
  canvas.paragraph("1. Thành phần hồ sơ nộp gồm:", body);
  std::vector<std::vector<std::string>> rows;
  int n = 0;
  for (const auto& p : v.workspace.received_papers)
    rows.push_back(
        {std::to_string(++n), p.name, std::to_string(p.originals), std::to_string(p.copies)});
  if (rows.empty()) rows.push_back({"", "Hồ sơ điện tử nộp trực tuyến", "", ""});
  canvas.table({{"STT", 0.6, Align::center},
                {"Tên giấy tờ", 5, Align::left},
                {"Bản chính", 1.2, Align::center},
                {"Bản sao", 1.2, Align::center}},
               rows);
  const std::int64_t sets = v.book_number ? v.book_number->sets : 1;
  canvas.paragraph("2. Số lượng hồ sơ: " + two_digits(sets) + " bộ", body);
  canvas.paragraph("3. Thời gian giải quyết hồ sơ theo quy định là: " + limit_text(v.terms.limit),
                   body);
  canvas.paragraph("4. Thời gian nhận hồ sơ: " + vi_date_time(v.received_at.value_or("")), body);
  std::string due = v.due.value_or("");
  if (auto [entry, accept] = last_command<dossier::Accept>(v, "dossier_accepted"); accept)
    due = local_iso(v, accept->due);
  canvas.paragraph("5. Thời gian trả kết quả giải quyết hồ sơ: " + vi_date_time(due),
                   {.size = 13, .bold = true, .align = Align::left});
  std::string where = vi_channel(dossier::to_string(v.return_channel));
  if (v.return_channel == dossier::Channel::counter && v.workspace.receiving_unit)
    where += " – " + v.workspace.receiving_unit->name;
  canvas.paragraph("6. Đăng ký nhận kết quả tại: " + where, body);
  canvas.paragraph(
      "Vào Sổ theo dõi hồ sơ, Quyển số: " +
          (v.book_number ? std::to_string(v.book_number->volume) : "……") +
          " Số thứ tự: " + (v.book_number ? std::to_string(v.book_number->line) : "……"),
      body);
  signatures(canvas, {"NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", v.applicant.name},
             {"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)",
              v.workspace.received_by ? v.workspace.received_by->name.value_or("") : ""});
  return canvas.finish();
}

}  // namespace motcua::documents
