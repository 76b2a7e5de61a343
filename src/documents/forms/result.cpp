// The notice of the result: what the agency decided on the dossier (approved, or refused after
// review with the reasons), when, and whether that was on time. It is the paper the online
// channel returns (and the one issue 15 point 3 signs).
#include "documents/form_frame.hpp"
#include "documents/forms/form_data.hpp"
#include "documents/forms/forms.hpp"
#include "documents/vi_text.hpp"

namespace motcua::documents {

std::optional<std::string> result_pdf(const app::DossierView& v) {
  if (!v.result_kind) return std::nullopt;
  const bool approved = *v.result_kind == "approval";
  const auto [approved_at, approve] = last_command<dossier::Approve>(v, "dossier_approved");
  const auto [rejected_at, reject] =
      last_command<dossier::RejectAfterReview>(v, "dossier_rejected");
  const app::TimelineEntry* decided = approved ? approved_at : rejected_at;
  const std::string agency = agency_name(v);
  PdfCanvas canvas("Thông báo kết quả giải quyết hồ sơ " + code_of(v));
  begin_form(canvas, {.form_number = {},
                      .issuer_parent = agency_parent(v),
                      .issuer = agency,
                      .place = place(v),
                      .date_iso = decided ? decided->at : v.finished_at.value_or(""),
                      .title = "Thông báo kết quả giải quyết hồ sơ",
                      .subtitle = "Mã hồ sơ: " + code_of(v)});
  canvas.paragraph("Kính gửi: " + v.applicant.name, {.size = 13, .bold = true});
  canvas.paragraph(agency + " đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục: " + v.procedure_name +
                   ", " + vi_date_time(v.received_at.value_or("")) + ".");
  if (approved) {
    canvas.paragraph("Kết quả: hồ sơ được chấp thuận, giải quyết theo đề nghị của ông/bà.",
                     {.size = 13, .bold = true});
    if (approve && !approve->note.empty()) canvas.paragraph("Ghi chú: " + approve->note);
  } else {
    canvas.paragraph("Kết quả: hồ sơ không được chấp thuận, với lý do cụ thể như sau:",
                     {.size = 13, .bold = true});
    int n = 0;
    if (reject)
      for (const auto& reason : reject->reasons)
        canvas.paragraph(std::to_string(++n) + ". " + reason);
  }
  if (v.clock && v.clock->on_time) {
    canvas.paragraph(std::string("Thời hạn: hồ sơ được giải quyết ") +
                     (*v.clock->on_time ? "đúng hạn." : "quá hạn."));
  }
  canvas.paragraph("Hình thức nhận kết quả: " + vi_channel(dossier::to_string(v.return_channel)) +
                   ".");
  canvas.paragraph("Xin thông báo để ông/bà biết./.");
  signatures(canvas, {}, {"THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", ""});
  return canvas.finish();
}

}  // namespace motcua::documents
