// The right of access (Decree 13/2023/ND-CP Art. 9 and 14; app/accounts/personal_data.hpp):
//   GET  /api/v1/me/personal-data                  everything held on the signed-in person, as
//                                                  one JSON download
//   POST /api/v1/admin/personal-data-exports       the same for a named person, by an
//                                                  administrator on that person's request:
//                                                  {"username", "reason"}; audited
// Both answers carry personal data: never stored by a cache, named for a download.
#include <cctype>
#include <memory>

#include "api/idempotent_write.hpp"
#include "api/json/personal_data_json.hpp"
#include "api/responses.hpp"
#include "api/rights_routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"
#include "codec/json_fields.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kSmallBody = 4 * 1024;

http::HttpResponse as_download(http::HttpResponse response, const std::string& username) {
  if (response.status != 200) return response;
  response.set_header("Cache-Control", "no-store");
  // Only letters, digits, '.', '_' and '-' of the user name reach the header.
  std::string name;
  for (const char c : username) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == '-')
      name.push_back(c);
  }
  response.set_header("Content-Disposition",
                      "attachment; filename=\"motcua-du-lieu-ca-nhan-" + name + ".json\"");
  return response;
}

http::HttpResponse own_data(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  std::string username;
  auto response = read_and_render(ctx, r, [&](store::SqlConnection& db) {
    auto data = app::personal_data(db, ctx.dossiers, a.user_id, ctx.now_iso());
    if (data) username = data->account.username;
    return data;
  });
  return as_download(std::move(response), username);
}

void export_for_request(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a,
                        http::Respond respond) {
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  const auto* o = body->if_object();
  const std::string username = o ? codec::text_field(*o, "username") : std::string();
  const std::string reason = o ? codec::text_field(*o, "reason") : std::string();
  // The audit row and the export are one job: the export is given only once its row committed.
  auto result = std::make_shared<app::AppResult<app::PersonalDataExport>>(
      tl::unexpected(app::not_found("user " + username)));
  write_then(
      ctx,
      [&ctx, result, a, username, reason, now_iso = ctx.now_iso()](store::SqlConnection& db) {
        // A refusal writes nothing: the audit row is the use case's last step.
        *result = app::personal_data_for_request(db, ctx.dossiers, a, username, reason, now_iso);
      },
      [result, request = r, username]() mutable {
        return as_download(render(*result, request), username);
      },
      std::move(respond));
}

}  // namespace

void add_personal_data_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/me/personal-data",
             authenticated(ctx, [&ctx](auto& r, const auto& a) { return own_data(ctx, r, a); }));
  router.add_async(Method::post, "/api/v1/admin/personal-data-exports",
                   authenticated_async(ctx,
                                       [&ctx](auto& r, const auto& a, http::Respond respond) {
                                         export_for_request(ctx, r, a, std::move(respond));
                                       }),
                   {.max_body_bytes = kSmallBody});
}

}  // namespace motcua::api
