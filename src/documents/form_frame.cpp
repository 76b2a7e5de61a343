#include "documents/form_frame.hpp"

#include "documents/vi_text.hpp"

namespace motcua::documents {

void begin_form(PdfCanvas& canvas, const FormFrame& frame) {
  if (!frame.form_number.empty()) {
    canvas.paragraph("Mẫu số " + frame.form_number,
                     {.size = 11, .bold = true, .align = Align::right}, 2);
  }
  const TextStyle plain{.size = 12, .align = Align::center};
  const TextStyle bold{.size = 12, .bold = true, .align = Align::center};
  Block left{.share = 0.42, .lines = {}};
  if (!frame.issuer_parent.empty()) left.lines.push_back({upper(frame.issuer_parent), plain});
  left.lines.push_back({upper(frame.issuer), bold, true});
  Block right{.share = 0.58,
              .lines = {{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold},
                        {"Độc lập - Tự do - Hạnh phúc",
                         {.size = 13, .bold = true, .align = Align::center},
                         true}}};
  canvas.blocks({left, right}, 4);
  canvas.paragraph(frame.place + ", " + vi_date(frame.date_iso),
                   {.size = 13, .italic = true, .align = Align::right}, 14);
  canvas.paragraph(upper(frame.title), {.size = 14, .bold = true, .align = Align::center}, 2);
  if (!frame.subtitle.empty())
    canvas.paragraph(frame.subtitle, {.size = 13, .align = Align::center}, 2);
  canvas.space(10);
}

void signatures(PdfCanvas& canvas, const Signer& left, const Signer& right) {
  auto block = [](const Signer& s) {
    Block b{.share = 0.5, .lines = {}};
    if (s.role.empty()) return b;
    b.lines.push_back({s.role, {.size = 13, .bold = true, .align = Align::center}});
    b.lines.push_back({s.note, {.size = 12, .italic = true, .align = Align::center}});
    // Room for the signature (and the seal) before the printed name.
    for (int i = 0; i < 4; ++i) b.lines.push_back({"", {.size = 13}});
    if (!s.name.empty())
      b.lines.push_back({s.name, {.size = 13, .bold = true, .align = Align::center}});
    return b;
  };
  canvas.space(8);
  canvas.blocks({block(left), block(right)}, 0);
}

}  // namespace motcua::documents
