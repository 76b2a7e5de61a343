// The e-receipt of a fee paid at the counter ("biên lai thu phí, lệ phí" in electronic form; its
// content as Decree 123/2020 Art. 32 lists it: the receipt's name and number, the collecting
// organisation, the payer, the fee and its amount, the form of payment, the date and the
// collector's signature). docs/rules.md "Fees at the counter and refunds".
#include <string>

#include "documents/dossier_documents.hpp"
#include "documents/form_frame.hpp"
#include "documents/forms/form_data.hpp"
#include "documents/vi_text.hpp"

namespace motcua::documents {

namespace {

// "150.000 đồng": dots between thousands, as Vietnamese receipts print them.
std::string dong(std::int64_t amount) {
  std::string digits = std::to_string(amount < 0 ? -amount : amount);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return (amount < 0 ? "-" : "") + out + " đồng";
}

}  // namespace

std::string fee_receipt_pdf(const app::DossierView& v, const app::payments::ReceiptView& r) {
  PdfCanvas canvas("Biên lai thu phí, lệ phí " + r.number);
  begin_form(canvas, {.form_number = {},
                      .issuer_parent = agency_parent(v),
                      .issuer = agency_name(v),
                      .place = place(v),
                      .date_iso = r.issued_at,
                      .title = "Biên lai thu phí, lệ phí",
                      .subtitle = "Số: " + r.number});
  canvas.paragraph("(Biên lai điện tử)", {.size = 12, .italic = true, .align = Align::center});
  canvas.table({{"Nội dung", 1.2}, {"Thông tin", 2.8}},
               {{"Đơn vị thu", agency_name(v)},
                {"Người nộp", or_dots(r.payer_name)},
                {"Mã hồ sơ", or_dots(r.dossier_code)},
                {"Thủ tục", v.procedure_name},
                {"Khoản thu", or_dots(r.description)},
                {"Số tiền", dong(r.amount_vnd)},
                {"Hình thức nộp", r.method == "card" ? "Thẻ ngân hàng" : "Tiền mặt"},
                {"Thời điểm thu", vi_date_time(r.issued_at)}});
  if (!r.note.empty()) canvas.paragraph("Ghi chú: " + r.note);
  signatures(canvas, {"NGƯỜI NỘP TIỀN", "(Ký và ghi rõ họ tên)", r.payer_name},
             {"NGƯỜI THU TIỀN", "(Ký và ghi rõ họ tên)", r.issued_by_name});
  return canvas.finish();
}

}  // namespace motcua::documents
