// The papers of one dossier (forms 01-06 of Circular 03/2025 and the result notice) and the
// tracking book (form 07) as PDF. They take the same read models the HTML print views show (the
// dossier's full view with its workspace fields, the tracking book) and nothing else: no JSON, no
// SQL. Each form is drawn in its own file under forms/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/dossier/dossier_views.hpp"
#include "app/payments/counter_payment.hpp"
#include "app/queries/officer_views.hpp"

namespace motcua::documents {

enum class DossierForm {
  receipt,  // 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả (with the tracking QR)
  supplement_request,  // 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
  refusal,             // 03 Phiếu từ chối tiếp nhận giải quyết hồ sơ
  apology,             // 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả
  stop_notice,         // 05 Thông báo dừng giải quyết hồ sơ
  control_sheet,       // 06 Phiếu kiểm soát quá trình giải quyết hồ sơ
  result,              // the notice of the result (approval or refusal after review)
};

// "receipt", "supplement-request", ... as the URL names them; nullopt for any other name.
std::optional<DossierForm> parse_dossier_form(std::string_view name);

// The paper's title as a signature states what was signed ("Giấy tiếp nhận hồ sơ ...").
std::string form_title(DossierForm form);

// The PDF of `form` for the dossier, or nullopt when the dossier has no such paper yet (no
// refusal, no apology, not received, no result). `tracking_url` is what the receipt's QR encodes;
// the receipt also prints `tracking_secret` beside the code, for typing it in.
std::optional<std::string> dossier_form_pdf(DossierForm form, const app::DossierView& view,
                                            const std::string& tracking_url,
                                            const std::string& tracking_secret = {});

// The e-receipt of a fee paid at the counter ("fee-receipt.pdf"), with the dossier's view for the
// collecting agency and the procedure.
std::string fee_receipt_pdf(const app::DossierView& view,
                            const app::payments::ReceiptView& receipt);

// Form 07: the unit's tracking book over its date range, landscape, the table's header repeated
// on every page.
std::string tracking_book_pdf(const app::TrackingBook& book);

}  // namespace motcua::documents
