// Form 05: the notice of stopping the dossier (Decree 118/2025 Art. 21), with the applicant's
// withdrawal request when there was one.
#include "documents/form_frame.hpp"
#include "documents/forms/form_data.hpp"
#include "documents/forms/forms.hpp"
#include "documents/vi_text.hpp"

namespace motcua::documents {

std::optional<std::string> stop_notice_pdf(const app::DossierView& v) {
  const auto [entry, stop] = last_command<dossier::Stop>(v, "dossier_stopped");
  if (!stop) return std::nullopt;
  const auto [asked, withdrawal] =
      last_command<dossier::RequestWithdrawal>(v, "withdrawal_requested");
  const std::string agency = agency_name(v);
  PdfCanvas canvas("Thông báo dừng giải quyết hồ sơ " + code_of(v));
  begin_form(canvas, {.form_number = "05",
                      .issuer_parent = agency_parent(v),
                      .issuer = agency,
                      .place = place(v),
                      .date_iso = entry->at,
                      .title = "Thông báo dừng giải quyết hồ sơ",
                      .subtitle = {}});
  canvas.paragraph("Kính gửi: " + v.applicant.name, {.size = 13, .bold = true});
  canvas.paragraph(agency + " đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục: " + v.procedure_name +
                   ", mã hồ sơ " + code_of(v) + ", " + vi_date_time(v.received_at.value_or("")) +
                   ".");
  if (withdrawal) {
    std::string day = vi_date(asked->at);
    if (day.starts_with("ngày")) day = "Ngày" + day.substr(4);
    canvas.paragraph(day + ", ông/bà có yêu cầu dừng giải quyết hồ sơ" +
                     (withdrawal->reason.empty() ? "" : " với lý do: " + withdrawal->reason) + ".");
  }
  canvas.paragraph(agency + " thông báo dừng giải quyết hồ sơ nêu trên kể từ " +
                   vi_date_time(entry->at) + ".");
  canvas.paragraph("Lý do: " + or_dots(stop->reason));
  canvas.paragraph("Xin thông báo để ông/bà biết./.");
  signatures(canvas, {}, {"THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", ""});
  return canvas.finish();
}

}  // namespace motcua::documents
