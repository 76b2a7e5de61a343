// Form 04: the apology for a late result, with the new appointment.
#include "documents/form_frame.hpp"
#include "documents/forms/form_data.hpp"
#include "documents/forms/forms.hpp"
#include "documents/vi_text.hpp"

namespace motcua::documents {

std::optional<std::string> apology_pdf(const app::DossierView& v) {
  const auto [entry, apology] = last_command<dossier::IssueApology>(v, "apology_issued");
  if (!apology) return std::nullopt;
  const auto [accepted, accept] = last_command<dossier::Accept>(v, "dossier_accepted");
  const std::string agency = agency_name(v);
  PdfCanvas canvas("Phiếu xin lỗi và hẹn lại ngày trả kết quả " + code_of(v));
  begin_form(canvas, {.form_number = "04",
                      .issuer_parent = agency_parent(v),
                      .issuer = agency,
                      .place = place(v),
                      .date_iso = entry->at,
                      .title = "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
                      .subtitle = {}});
  canvas.paragraph("Kính gửi: " + v.applicant.name, {.size = 13, .bold = true});
  std::string received = vi_date(v.received_at.value_or(""));
  if (received.starts_with("ngày")) received = "Ngày" + received.substr(4);
  canvas.paragraph(received + ", " + agency +
                   " tiếp nhận giải quyết hồ sơ đề nghị: " + v.procedure_name + ".");
  canvas.paragraph("Mã hồ sơ: " + code_of(v) + ".");
  canvas.paragraph("Thời gian hẹn trả kết quả giải quyết hồ sơ: " +
                   vi_date_time(accept ? local_iso(v, accept->due) : std::string()) + ".");
  canvas.paragraph("Tuy nhiên đến nay, " + agency +
                   " chưa trả kết quả giải quyết hồ sơ của ông/bà.");
  canvas.paragraph("Lý do: " + or_dots(apology->reason));
  canvas.paragraph("Sự chậm trễ này đã gây phiền hà cho ông/bà. " + agency +
                   " xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào " +
                   vi_date_time(local_iso(v, apology->new_due)) + ".");
  canvas.paragraph("Xin trân trọng cảm ơn sự hợp tác của ông/bà./.");
  signatures(canvas, {}, {"THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", ""});
  return canvas.finish();
}

}  // namespace motcua::documents
