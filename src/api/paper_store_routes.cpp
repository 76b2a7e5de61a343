// The applicant's paper store (kho giấy tờ của tôi, app/paper_store/paper_store.hpp):
//
//   GET    /api/v1/my/papers                     the actor's stored papers, newest first
//   POST   /api/v1/my/papers                     keep a paper of one of the actor's dossiers
//          {"dossier_id", "paper_id", "name"?, "valid_until"?}
//   GET    /api/v1/my/papers/{id}/file           the stored paper's bytes (owner only)
//   POST   /api/v1/my/papers/{id}/rename         {"name"}
//   DELETE /api/v1/my/papers/{id}
//   POST   /api/v1/dossiers/{id}/papers/reuse    {"stored_paper_id", "paper_id"?}: attach a
//          stored paper to the dossier without another upload
//
// Every lookup is under the signed-in actor's id: another person's paper answers 404.
#include "api/idempotent_write.hpp"
#include "api/json/dossier_json.hpp"
#include "api/json/paper_store_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/dossier/paper_content.hpp"
#include "app/paper_store/paper_store.hpp"
#include "store/file_blobs.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kSmallBody = 8 * 1024;

http::HttpResponse list(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  return read_and_render(ctx, r, [&](store::SqlConnection& db) { return app::my_papers(db, a); });
}

void keep(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
  decoded_write(
      ctx, r, a, keep_paper_from_json,
      [&ctx, a](store::SqlConnection& db, const app::KeepPaperInput& in) {
        return app::keep_paper(db, a, in, ctx.now_iso());
      },
      201, std::move(respond));
}

void rename(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
  decoded_write(
      ctx, r, a, rename_paper_from_json,
      [&ctx, a, id = r.path_params.at("id")](store::SqlConnection& db, const std::string& name) {
        return app::rename_my_paper(db, a, id, name, ctx.now_iso());
      },
      200, std::move(respond));
}

void remove(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
  idempotent_write(
      ctx, r, a,
      [&ctx, a, id = r.path_params.at("id")](store::SqlConnection& db) {
        return app::remove_my_paper(db, a, id, ctx.now_iso());
      },
      200, std::move(respond));
}

void reuse(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
  decoded_write(
      ctx, r, a, reuse_paper_from_json,
      [&ctx, a, id = r.path_params.at("id")](store::SqlConnection& db,
                                             const app::ReusePaperInput& in) {
        return app::reuse_paper(db, a, id, in, ctx.now(), ctx.utc_offset());
      },
      201, std::move(respond));
}

http::HttpResponse file(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  std::optional<store::StoredPaperRecord> paper;
  ctx.store.read([&](store::SqlConnection& db) {
    paper = store::find_stored_paper(db, a.user_id, r.path_params.at("id"));
  });
  if (!paper) {
    return problem_of(app::not_found("stored paper " + r.path_params.at("id")), r);
  }
  auto bytes = store::read_blob(ctx.settings.uploads_dir, paper->sha256);
  // As for dossier papers (paper_routes.cpp): a row without its file is an operations failure.
  if (!bytes) throw store::StoreError("paper file missing: " + paper->sha256);
  auto response = http::HttpResponse::text(200, std::move(*bytes), paper->content_type);
  response.set_header("Content-Disposition", app::attachment_disposition(app::download_name(
                                                 paper->file_name, paper->content_type)));
  response.set_header("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace

void add_paper_store_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  const auto reading = [&ctx](auto f) {
    return authenticated(ctx, [&ctx, f](auto& r, const auto& a) { return f(ctx, r, a); });
  };
  const auto writing = [&ctx](auto f) {
    return authenticated_async(ctx, [&ctx, f](auto& r, const auto& a, http::Respond respond) {
      f(ctx, r, a, std::move(respond));
    });
  };
  router.add(Method::get, "/api/v1/my/papers", reading(list));
  router.add_async(Method::post, "/api/v1/my/papers", writing(keep),
                   {.max_body_bytes = kSmallBody});
  router.add(Method::get, "/api/v1/my/papers/{id}/file", reading(file));
  router.add_async(Method::post, "/api/v1/my/papers/{id}/rename", writing(rename),
                   {.max_body_bytes = kSmallBody});
  router.add_async(Method::del, "/api/v1/my/papers/{id}", writing(remove));
  router.add_async(Method::post, "/api/v1/dossiers/{id}/papers/reuse", writing(reuse),
                   {.max_body_bytes = kSmallBody});
}

}  // namespace motcua::api
