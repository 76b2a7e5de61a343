// Documents as PDF: the papers of one dossier (forms 01-06 of Circular 03/2025 and the result
// notice) and the tracking book (form 07). The same read models as the HTML print views, so the
// same rights: whoever may see the dossier may download its papers; the tracking book is for
// reception and leaders of the unit. Reading and rendering run on the render pool, never on an io
// thread.
#include <exception>
#include <memory>

#include "api/document_pool.hpp"
#include "api/public_links.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/dossier/dossier_results.hpp"
#include "app/payments/counter_payment.hpp"
#include "app/queries/officer_queries.hpp"
#include "documents/dossier_documents.hpp"
#include "documents/signing/pades.hpp"
#include "store/tracking_secrets.hpp"

namespace motcua::api {

namespace {

constexpr std::string_view kPdfSuffix = ".pdf";
// Says whether a notice was signed (PAdES, the agency's key) or why not.
constexpr const char* kSignatureHeader = "X-Document-Signature";

// The notices the applicant receives (forms 01-04): issued electronically, they carry the agency's
// signature (issue 15 point 3). The control sheet and stop notice stay internal or on paper; the
// result itself is the signed result file (api/result_routes.cpp).
bool issued_electronically(documents::DossierForm form) {
  using F = documents::DossierForm;
  return form == F::receipt || form == F::supplement_request || form == F::refusal ||
         form == F::apology;
}

app::AppError not_issued(std::string_view form) {
  return app::AppError{app::ErrorKind::not_found, "document_not_issued",
                       "Hồ sơ chưa có giấy tờ này ('" + std::string(form) + "').",
                       "The dossier has no such paper yet ('" + std::string(form) + "').",
                       "form: the event that issues it has not happened"};
}

app::AppError unknown_form(std::string_view name) {
  return app::AppError{app::ErrorKind::not_found, "unknown_document",
                       "Không có loại giấy tờ '" + std::string(name) +
                           "'. Các loại: receipt, supplement-request, refusal, apology, "
                           "stop-notice, control-sheet, result, fee-receipt (đuôi .pdf).",
                       "No document named '" + std::string(name) +
                           "'. Documents: receipt, supplement-request, refusal, apology, "
                           "stop-notice, control-sheet, result, fee-receipt (with .pdf).",
                       "form"};
}

// The e-receipt of the dossier's latest counter payment (?number=2026/000123 for an earlier one).
void fee_receipt_document(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor,
                          http::Respond respond) {
  const std::string id = r.path_params.at("id");
  const std::string number(r.query_value("number").value_or(""));
  on_pool(std::move(respond), [&ctx, &r, actor, id, number]() -> http::HttpResponse {
    std::optional<app::AppResult<app::DossierView>> view;
    std::optional<app::AppResult<std::vector<app::payments::ReceiptView>>> receipts;
    ctx.store.read([&](store::SqlConnection& db) {
      view.emplace(ctx.dossiers.detail(db, actor, id));
      if (*view) receipts.emplace(app::payments::receipts_of_dossier(db, actor, id));
    });
    if (!*view) return problem_of(view->error(), r);
    if (!*receipts) return problem_of(receipts->error(), r);
    const app::payments::ReceiptView* chosen = nullptr;
    for (const auto& receipt : **receipts) {
      if (number.empty() || receipt.number == number) chosen = &receipt;
    }
    if (chosen == nullptr) return problem_of(not_issued("fee-receipt"), r);
    const std::string file_number = chosen->number.substr(0, 4) + "-" + chosen->number.substr(5);
    return pdf_document(documents::fee_receipt_pdf(**view, *chosen),
                        "bien-lai-" + file_number + ".pdf");
  });
}

void dossier_document(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor,
                      http::Respond respond) {
  const std::string file = r.path_params.at("document");
  const std::string name =
      file.ends_with(kPdfSuffix) ? file.substr(0, file.size() - kPdfSuffix.size()) : std::string();
  if (name == "fee-receipt") return fee_receipt_document(ctx, r, actor, std::move(respond));
  const auto form = documents::parse_dossier_form(name);
  if (!form) {
    const auto answer = problem_of(unknown_form(file), r);
    return respond([answer] { return answer; });
  }
  const std::string id = r.path_params.at("id");
  on_pool(std::move(respond), [&ctx, &r, actor, id, name, form = *form]() -> http::HttpResponse {
    std::optional<app::AppResult<app::DossierView>> view;
    std::string agency_code;
    std::string secret;
    ctx.store.read([&](store::SqlConnection& db) {
      view.emplace(ctx.dossiers.detail(db, actor, id));
      if (*view) agency_code = app::agency_code_of(db, (*view)->agency_id);
      if (*view) secret = store::tracking_secret_of(db, id);
    });
    if (!*view) return problem_of(view->error(), r);
    const auto& v = **view;
    const std::string url = v.code ? tracking_url(ctx, r, *v.code, secret) : std::string();
    auto pdf = documents::dossier_form_pdf(form, v, url, secret);
    if (!pdf) return problem_of(not_issued(name), r);
    const std::string file_name = name + "-" + v.code.value_or(v.id) + ".pdf";
    if (!issued_electronically(form)) return pdf_document(std::move(*pdf), file_name);
    // A notice handed to the applicant electronically is signed by the agency when it has a key;
    // otherwise it is served as drawn, and the header says so.
    auto signer = ctx.settings.signing_keys->for_agency(agency_code);
    if (!signer) {
      auto unsigned_pdf = pdf_document(std::move(*pdf), file_name);
      unsigned_pdf.set_header(kSignatureHeader, "unsigned; no signing key for agency " +
                                                    (agency_code.empty() ? "?" : agency_code));
      return unsigned_pdf;
    }
    const std::string agency_name = v.workspace.agency ? v.workspace.agency->name : std::string();
    auto signed_pdf = pdf_document(
        documents::signing::sign_pdf(
            *pdf, *signer,
            {std::chrono::system_clock::time_point(std::chrono::seconds(ctx.now().seconds)),
             documents::form_title(form) + " " + v.code.value_or(v.id), agency_name}),
        file_name);
    signed_pdf.set_header(kSignatureHeader, "signed; " + signer->subject());
    return signed_pdf;
  });
}

void tracking_book_document(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor,
                            http::Respond respond) {
  const std::string unit(r.query_value("unit").value_or(""));
  const std::string from(r.query_value("from").value_or(""));
  const std::string to(r.query_value("to").value_or(""));
  on_pool(std::move(respond), [&ctx, &r, actor, unit, from, to]() -> http::HttpResponse {
    std::optional<app::AppResult<app::TrackingBook>> book;
    ctx.store.read([&](store::SqlConnection& db) {
      book.emplace(app::tracking_book(db, actor, unit, from, to, ctx.utc_offset()));
    });
    if (!*book) return problem_of(book->error(), r);
    return pdf_document(documents::tracking_book_pdf(**book),
                        "so-theo-doi-ho-so-" + from + "-" + to + ".pdf");
  });
}

}  // namespace

void add_document_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  // One path segment "{form}.pdf": the router's parameters are whole segments.
  router.add_async(Method::get, "/api/v1/dossiers/{id}/documents/{document}",
                   authenticated_async(ctx, [&ctx](auto& r, const auto& a, http::Respond respond) {
                     dossier_document(ctx, r, a, std::move(respond));
                   }));
  router.add_async(Method::get, "/api/v1/tracking-book.pdf",
                   authenticated_async(ctx, [&ctx](auto& r, const auto& a, http::Respond respond) {
                     tracking_book_document(ctx, r, a, std::move(respond));
                   }));
}

}  // namespace motcua::api
