// The signed result file of a dossier (app/dossier/dossier_results.hpp):
//
//   POST /api/v1/dossiers/{id}/result                 body: the result as PDF (application/pdf)
//   POST /api/v1/dossiers/{id}/result?generate=1      no body: the result notice of the dossier
//        An official of the dossier, once the result is ready. The server signs the PDF with the
//        key of the dossier's agency (PAdES, documents/signing), stores the signed bytes and
//        answers the file's facts (201). Idempotency-Key honoured.
//   GET  /api/v1/dossiers/{id}/result.pdf             the signed file: the applicant and the
//        officials who see the dossier.
//
// Order of work: who may attach and whether the agency has a key are checked from the database
// first; rendering and signing then run on the render pool, the signed bytes go to the file
// folder, and only then is the row committed (as for papers, a crash between leaves an
// unreferenced file, never a row without its file).
#include "api/document_pool.hpp"
#include "api/idempotent_write.hpp"
#include "api/json/result_json.hpp"
#include "api/public_links.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/dossier/dossier_results.hpp"
#include "app/dossier/paper_content.hpp"
#include "documents/dossier_documents.hpp"
#include "documents/signing/pades.hpp"
#include "store/file_blobs.hpp"
#include "store/tracking_secrets.hpp"

namespace motcua::api {

namespace {

app::AppError no_signing_key(const std::string& agency_code) {
  return app::AppError{
      app::ErrorKind::conflict, "signing_key_missing",
      "Cơ quan chưa có khóa ký số để ký tệp kết quả (result_file); quản trị viên cần cấu hình "
      "thư mục khóa ký (--signing-dir).",
      "The agency has no signing key to sign the result file (result_file) with; an administrator "
      "must configure the signing folder (--signing-dir).",
      "result_file: no key for agency code '" + agency_code + "'"};
}

app::AppError unsignable(const std::string& why) {
  return app::AppError{app::ErrorKind::invalid_input, "result_file_unsignable",
                       "Không ký số được tệp PDF kết quả (result_file) này; hãy xuất lại tệp PDF "
                       "(bảng tham chiếu chéo dạng bảng, chưa có chữ ký).",
                       "This result PDF (result_file) cannot be signed; export it again (with a "
                       "cross-reference table, not yet signed).",
                       "result_file: " + why};
}

app::AppError not_a_pdf() {
  return app::AppError{app::ErrorKind::invalid_input, "result_file_not_pdf",
                       "Tệp kết quả (result_file) phải là tệp PDF.",
                       "The result file (result_file) must be a PDF.",
                       "result_file: Content-Type application/pdf with bytes starting %PDF-"};
}

// X-File-Name may be percent-encoded UTF-8 (header values are ASCII), as for papers.
std::string file_name_header(const http::HttpRequest& r) {
  const std::string raw(r.header("X-File-Name"));
  auto decoded = http::percent_decode(raw);
  return decoded ? *decoded : raw;
}

struct Target {
  std::string agency_code;
  std::string agency_name;
  std::optional<app::DossierView> view;  // for ?generate=1
  std::string tracking_secret;           // for the QR code of the generated paper
};

void attach(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor, http::Respond respond) {
  const std::string id = r.path_params.at("id");
  const bool generate = r.query_value("generate").value_or("") == "1";
  if (!generate) {
    auto type = app::check_paper_bytes(r.header("Content-Type"), r.body);
    if (!type || *type != "application/pdf") return answer_now(respond, problem_of(not_a_pdf(), r));
  }
  app::AppResult<Target> target = tl::unexpected(app::AppError{});
  ctx.store.read([&](store::SqlConnection& db) {
    auto agency = app::may_attach_result(db, actor, id);
    if (!agency) {
      target = tl::unexpected(agency.error());
      return;
    }
    Target t{app::agency_code_of(db, *agency), "", std::nullopt, ""};
    if (generate) {
      auto view = ctx.dossiers.detail(db, actor, id);
      if (!view) {
        target = tl::unexpected(view.error());
        return;
      }
      if (view->workspace.agency) t.agency_name = view->workspace.agency->name;
      t.view = std::move(*view);
      t.tracking_secret = store::tracking_secret_of(db, id);
    }
    target = std::move(t);
  });
  if (!target) return answer_now(respond, problem_of(target.error(), r));
  std::shared_ptr<const documents::signing::Signer> signer;
  try {
    signer = ctx.settings.signing_keys->for_agency(target->agency_code);
  } catch (const documents::signing::SigningError&) {
    signer = nullptr;  // logged below as the detail; the official cannot fix it either way
  }
  if (!signer) return answer_now(respond, problem_of(no_signing_key(target->agency_code), r));

  auto shared = std::make_shared<http::Respond>(std::move(respond));
  const bool queued = document_pool().submit([&ctx, &r, actor, id, generate, signer, shared,
                                              t = std::move(*target)]() mutable {
    const auto fail = [&](const app::AppError& e) {
      auto answer = problem_of(e, r);
      (*shared)([answer] { return answer; });
    };
    try {
      std::string pdf;
      if (generate) {
        const std::string url =
            t.view->code ? tracking_url(ctx, r, *t.view->code, t.tracking_secret) : std::string();
        auto rendered = documents::dossier_form_pdf(documents::DossierForm::result, *t.view, url);
        if (!rendered) return fail(unsignable("the dossier has no result to print"));
        pdf = std::move(*rendered);
      } else {
        pdf = r.body;
      }
      const auto now = ctx.now();
      std::string signed_pdf;
      try {
        signed_pdf = documents::signing::sign_pdf(
            pdf, *signer,
            {std::chrono::system_clock::time_point(std::chrono::seconds(now.seconds)),
             "Kết quả giải quyết hồ sơ " + (t.view && t.view->code ? *t.view->code : id),
             t.agency_name});
      } catch (const documents::signing::SigningError& e) {
        return fail(unsignable(e.what()));
      }
      const auto blob = store::put_blob(ctx.settings.uploads_dir, signed_pdf);
      std::string name =
          generate ? "ket-qua.pdf"
                   : app::name_for_type(app::clean_file_name(file_name_header(r)), app::kPdf);
      if (name.empty()) name = "ket-qua.pdf";
      app::SignedResult result{name,
                               generate ? "generated" : "uploaded",
                               blob.sha256,
                               blob.size,
                               signer->subject(),
                               to_iso(now, ctx.utc_offset())};
      idempotent_write(
          ctx, r, actor,
          [&ctx, actor, id, result](store::SqlConnection& db) {
            return app::attach_result(db, actor, id, result, ctx.now(), ctx.utc_offset());
          },
          201, std::move(*shared));
    } catch (const store::StoreUnavailable&) {
      (*shared)([] { return store_unavailable(); });
    } catch (...) {
      auto failure = std::current_exception();
      (*shared)([failure]() -> http::HttpResponse { std::rethrow_exception(failure); });
    }
  });
  if (!queued) (*shared)([] { return renderer_busy(); });
}

void download(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor,
              http::Respond respond) {
  app::AppResult<store::ResultFileRecord> found = tl::unexpected(app::AppError{});
  ctx.store.read([&](store::SqlConnection& db) {
    found = app::result_to_download(db, actor, r.path_params.at("id"));
  });
  if (!found) return answer_now(respond, problem_of(found.error(), r));
  auto bytes = store::read_blob(ctx.settings.uploads_dir, found->sha256);
  // A row without its file: the uploads folder was lost or not restored with the database.
  if (!bytes) throw store::StoreError("result file missing: " + found->sha256);
  auto response = pdf_document(std::move(*bytes), found->file_name);
  response.set_header("ETag", "\"" + found->sha256 + "\"");
  response.set_header("X-Content-Type-Options", "nosniff");
  answer_now(respond, std::move(response));
}

}  // namespace

void add_result_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add_async(Method::post, "/api/v1/dossiers/{id}/result",
                   authenticated_async(ctx,
                                       [&ctx](auto& r, const auto& a, http::Respond respond) {
                                         attach(ctx, r, a, std::move(respond));
                                       }),
                   {.max_body_bytes = ctx.settings.max_upload_bytes});
  router.add_async(Method::get, "/api/v1/dossiers/{id}/result.pdf",
                   authenticated_async(ctx, [&ctx](auto& r, const auto& a, http::Respond respond) {
                     download(ctx, r, a, std::move(respond));
                   }));
}

}  // namespace motcua::api
