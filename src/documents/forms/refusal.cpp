// Form 03: the refusal to receive (by reception) or to settle (after review) the dossier, with
// its reasons.
#include "documents/form_frame.hpp"
#include "documents/forms/form_data.hpp"
#include "documents/forms/forms.hpp"
#include "documents/vi_text.hpp"

namespace motcua::documents {

std::optional<std::string> refusal_pdf(const app::DossierView& v) {
  const app::TimelineEntry* entry = nullptr;
  std::vector<std::string> reasons;
  bool at_reception = false;
  // The later of the two refusals the timeline may hold.
  for (auto it = v.timeline.rbegin(); it != v.timeline.rend() && !entry; ++it) {
    if (!it->command) continue;
    if (const auto* r = std::get_if<dossier::Refuse>(&*it->command)) {
      entry = &*it;
      reasons = r->reasons;
      at_reception = true;
    } else if (const auto* rr = std::get_if<dossier::RejectAfterReview>(&*it->command)) {
      entry = &*it;
      reasons = rr->reasons;
    }
  }
  if (!entry) return std::nullopt;
  PdfCanvas canvas("Phiếu từ chối tiếp nhận giải quyết hồ sơ " + code_of(v));
  begin_form(canvas, {.form_number = "03",
                      .issuer_parent = agency_name(v),
                      .issuer = unit_name(v),
                      .place = place(v),
                      .date_iso = entry->at,
                      .title = "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
                      .subtitle = "Mã hồ sơ: " + code_of(v)});
  canvas.paragraph("Kính gửi: " + v.applicant.name, {.size = 13, .bold = true});
  canvas.paragraph(unit_name(v) +
                   " tiếp nhận hồ sơ đề nghị giải quyết thủ tục: " + v.procedure_name + ".");
  canvas.paragraph("Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, " +
                   (at_reception ? unit_name(v) : agency_name(v)) +
                   " từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
  int n = 0;
  for (const auto& reason : reasons) canvas.paragraph(std::to_string(++n) + ". " + reason);
  canvas.paragraph("Xin thông báo để ông/bà biết và thực hiện.");
  signatures(canvas, {},
             {"NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", entry->actor_name.value_or("")});
  return canvas.finish();
}

}  // namespace motcua::documents
