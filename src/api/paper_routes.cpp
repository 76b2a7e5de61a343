// Papers attached to a dossier: upload as the raw request body, download as an attachment.
//
//   POST /api/v1/dossiers/{id}/papers?paper_id=p0123456789ab          body: the file's bytes
//        (paper_id: the catalog paper of the dossier's case; or ?name=... for a paper the catalog
//        does not list, such as an item of a supplement request)
//        Content-Type: application/pdf | image/jpeg | image/png; X-File-Name (optional, may be
//        percent-encoded UTF-8); Idempotency-Key honoured
//   GET  /api/v1/dossiers/{id}/papers/{paper_id}[?inline=1]   (inline: to open, not to save; also
//        for an official of a consulted agency when the paper was shared with that agency)
//
// The order of checks keeps work and disk space away from those who may not upload: the type and
// size are checked from the request alone, then whether the actor may see the dossier, and only
// then are the bytes written (outside the write job, app/dossier/dossier_papers.hpp says why).
#include "api/idempotent_write.hpp"
#include "api/json/dossier_json.hpp"
#include "api/paper_response.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"
#include "app/dossier/dossier_papers.hpp"
#include "app/dossier/paper_content.hpp"
#include "store/file_blobs.hpp"

namespace motcua::api {

namespace {

// A header value that clients may percent-encode to carry UTF-8 (header values are ASCII).
std::string decoded_header(const http::HttpRequest& r, std::string_view name) {
  const std::string raw(r.header(name));
  auto decoded = http::percent_decode(raw);
  return decoded ? *decoded : raw;
}

void upload(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor, http::Respond respond) {
  std::string id = r.path_params.at("id");
  auto media_type = app::check_paper_bytes(r.header("Content-Type"), r.body);
  if (!media_type) return answer_now(respond, problem_of(media_type.error(), r));

  app::AppResult<void> allowed = tl::unexpected(app::AppError{});
  ctx.store.read(
      [&](store::SqlConnection& db) { allowed = app::may_handle_papers(db, actor, id); });
  if (!allowed) return answer_now(respond, problem_of(allowed.error(), r));

  // The file is written (and synced) here, on the io thread, before the row that names it is
  // committed: a crash between the two leaves an unreferenced file, never a row without its file.
  const auto blob = store::put_blob(ctx.settings.uploads_dir, r.body);
  app::PaperUpload paper{std::string(r.query_value("name").value_or("")),
                         decoded_header(r, "X-File-Name"),
                         *media_type,
                         blob.sha256,
                         blob.size,
                         std::string(r.query_value("paper_id").value_or(""))};
  idempotent_write(
      ctx, r, actor,
      [&ctx, actor, id = std::move(id), paper = std::move(paper)](store::SqlConnection& db) {
        return app::attach_paper(db, actor, id, paper, ctx.now(), ctx.utc_offset());
      },
      201, std::move(respond));
}

void download(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor,
              http::Respond respond) {
  app::AppResult<app::PaperToDownload> paper = tl::unexpected(app::AppError{});
  ctx.store.read([&](store::SqlConnection& db) {
    paper = app::paper_to_download(db, actor, r.path_params.at("id"), r.path_params.at("paper_id"));
  });
  if (!paper) return answer_now(respond, problem_of(paper.error(), r));
  const bool open_inline = r.query_value("inline").value_or("") == "1";
  if (paper->consultation_id.empty()) {
    return answer_now(respond, paper_response(ctx, paper->paper, open_inline));
  }
  // Opened by a consulted agency's official through the grant: the opening is audited, and the
  // bytes go out only after that row is committed.
  write_then(
      ctx,
      [actor, opened = *paper, now_iso = ctx.now_iso()](store::SqlConnection& db) {
        app::audit_shared_paper_opened(db, actor, opened, now_iso);
      },
      [&ctx, record = paper->paper, open_inline] {
        return paper_response(ctx, record, open_inline);
      },
      std::move(respond));
}

}  // namespace

http::HttpResponse paper_response(const ApiContext& ctx, const store::PaperRecord& paper,
                                  bool open_inline) {
  auto bytes = store::read_blob(ctx.settings.uploads_dir, paper.sha256);
  // A row without its file means the uploads folder was lost or not restored with the database:
  // an operations failure, logged by the pipeline, not something the user can fix.
  if (!bytes) throw store::StoreError("paper file missing: " + paper.sha256);
  auto response = http::HttpResponse::text(200, std::move(*bytes), paper.content_type);
  // ?inline=1 lets an official open the paper in the browser ("Mở") rather than save it; safe
  // because only PDF, JPEG and PNG are stored, checked by their bytes, and served with nosniff.
  std::string disposition =
      app::attachment_disposition(app::download_name(paper.file_name, paper.content_type));
  if (open_inline) {
    disposition.replace(0, std::string_view("attachment").size(), "inline");
  }
  response.set_header("Content-Disposition", disposition);
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("ETag", "\"" + paper.sha256 + "\"");
  return response;
}

void add_paper_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add_async(
      Method::post, "/api/v1/dossiers/{id}/papers",
      authenticated_async(ctx,
                          [&ctx](auto& r, const auto& a, http::Respond respond) {
                            upload(ctx, r, a, std::move(respond));
                          }),
      {.max_body_bytes = ctx.settings.max_upload_bytes, .rate_limit = &ctx.rate_limits.uploads});
  router.add_async(Method::get, "/api/v1/dossiers/{id}/papers/{paper_id}",
                   authenticated_async(ctx, [&ctx](auto& r, const auto& a, http::Respond respond) {
                     download(ctx, r, a, std::move(respond));
                   }));
}

}  // namespace motcua::api
