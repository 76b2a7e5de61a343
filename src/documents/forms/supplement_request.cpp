// Form 02: the request to complete the dossier, every missing item at once with the reason.
#include "documents/form_frame.hpp"
#include "documents/forms/form_data.hpp"
#include "documents/forms/forms.hpp"
#include "documents/vi_text.hpp"

namespace motcua::documents {

std::optional<std::string> supplement_request_pdf(const app::DossierView& v) {
  const auto [entry, request] = last_command<dossier::RequestSupplement>(v, "supplement_requested");
  if (!request) return std::nullopt;
  PdfCanvas canvas("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ " + code_of(v));
  begin_form(canvas, {.form_number = "02",
                      .issuer_parent = agency_name(v),
                      .issuer = unit_name(v),
                      .place = place(v),
                      .date_iso = entry->at,
                      .title = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
                      .subtitle = "Mã hồ sơ: " + code_of(v)});
  const std::string official = entry->actor_name.value_or("…");
  canvas.paragraph("Kính gửi: " + v.applicant.name, {.size = 13, .bold = true});
  canvas.paragraph(unit_name(v) +
                   " tiếp nhận hồ sơ đề nghị giải quyết thủ tục: " + v.procedure_name + ".");
  canvas.paragraph("Sau khi xem xét, hồ sơ của ông/bà cần bổ sung, hoàn thiện các nội dung sau:");
  int n = 0;
  for (const auto& item : request->missing_items)
    canvas.paragraph(std::to_string(++n) + ". " + item, {.size = 13, .first_line_indent = 0});
  canvas.paragraph("Lý do: " + or_dots(request->reason));
  canvas.paragraph("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với " +
                   official + " (" + unit_name(v) + ") để được hướng dẫn.");
  signatures(canvas, {},
             {"NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", entry->actor_name.value_or("")});
  return canvas.finish();
}

}  // namespace motcua::documents
