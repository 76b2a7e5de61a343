// Internal processes (quy trình nội bộ): list, read, check and save versioned definitions in the
// JSON of codec/process_json.hpp.
//
//   GET  /api/v1/processes?procedure=&agency=   summaries of the latest version of each
//   GET  /api/v1/processes/{id}[?version=N]     one definition (latest by default)
//   PUT  /api/v1/processes/{id}                 save as the next version (administrators)
//   POST /api/v1/processes/validate             check only, for an editor showing problems as
//                                               the user types
//
// A definition with problems is answered 422 invalid_process with every problem in a `problems`
// member, so the editor can mark them all at once.
#include <boost/json.hpp>

#include "api/idempotent_write.hpp"
#include "api/json/admin_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/admin/processes.hpp"
#include "http/problem.hpp"
#include "store/process_repository.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

constexpr std::size_t kProcessBodyLimit = 256 * 1024;

http::HttpResponse invalid_process(const std::vector<app::ProcessProblem>& problems,
                                   const http::HttpRequest& r) {
  auto response = http::to_response(
      http::Problem{422, "invalid_process", "Quy trình nội bộ chưa hợp lệ; xem danh sách lỗi.",
                    "The process is not valid; see the list of problems.",
                    std::to_string(problems.size()) + " problem(s)", r.path});
  auto body = json::parse(response.body).as_object();
  body["problems"] = json::value_from(problems);
  response.body = json::serialize(body);
  return response;
}

// Reasons may hold Vietnamese: clients percent-encode them in the header.
std::string reason_header(const http::HttpRequest& r) {
  const std::string raw(r.header("X-Change-Reason"));
  auto decoded = http::percent_decode(raw);
  return decoded ? *decoded : raw;
}

std::optional<std::int64_t> version_query(const http::HttpRequest& r) {
  const auto text = r.query_value("version");
  if (!text) return std::nullopt;
  try {
    return std::stoll(std::string(*text));
  } catch (...) {
    return std::int64_t{0};  // matches no version: 404
  }
}

void save(ApiContext& ctx, http::HttpRequest& r, const app::Actor& actor, http::Respond respond) {
  if (auto ok = app::require_some_administrator(actor); !ok) {
    return answer_now(respond, problem_of(ok.error(), r));
  }
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  std::string id = r.path_params.at("id");
  app::ProcessDraft draft = process_draft_from_json(*body, id);
  bool exists = false;
  ctx.store.read([&](store::SqlConnection& db) {
    draft = app::check_process_references(db, std::move(draft), ctx.now_iso().substr(0, 10));
    exists = store::latest_process(db, id).has_value();
  });
  if (!draft.problems.empty()) return answer_now(respond, invalid_process(draft.problems, r));
  std::string reason = draft.reason.empty() ? reason_header(r) : draft.reason;
  idempotent_write(
      ctx, r, actor,
      [&ctx, actor, id = std::move(id), draft = std::move(draft),
       reason = std::move(reason)](store::SqlConnection& db) {
        // Checked again inside the transaction: the catalog may have changed since.
        const auto current = app::check_process_references(db, draft, ctx.now_iso().substr(0, 10));
        return app::save_process(db, actor, id, current, reason, ctx.now_iso());
      },
      exists ? 200 : 201, std::move(respond));
}

http::HttpResponse validate(ApiContext& ctx, http::HttpRequest& r) {
  auto body = parse_body(r);
  if (!body) return body.error();
  app::ProcessDraft draft = process_draft_from_json(*body);
  ctx.store.read([&](store::SqlConnection& db) {
    draft = app::check_process_references(db, std::move(draft), ctx.now_iso().substr(0, 10));
  });
  return http::HttpResponse::json(200,
                                  json::object{{"valid", draft.problems.empty()},
                                               {"problems", json::value_from(draft.problems)}});
}

}  // namespace

void add_process_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/processes", authenticated(ctx, [&ctx](auto& r, const auto&) {
               const std::string procedure(r.query_value("procedure").value_or(""));
               const std::string agency(r.query_value("agency").value_or(""));
               std::vector<app::ProcessSummary> found;
               ctx.store.read([&](store::SqlConnection& db) {
                 found = app::list_processes(db, procedure, agency);
               });
               return http::HttpResponse::json(200, json::value_from(found));
             }));
  router.add(Method::post, "/api/v1/processes/validate",
             authenticated(ctx, [&ctx](auto& r, const auto&) { return validate(ctx, r); }),
             {.max_body_bytes = kProcessBodyLimit});
  router.add(Method::get, "/api/v1/processes/{id}",
             authenticated(ctx, [&ctx](auto& r, const auto&) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::find_process(db, r.path_params.at("id"), version_query(r));
               });
             }));
  router.add_async(Method::put, "/api/v1/processes/{id}",
                   authenticated_async(ctx,
                                       [&ctx](auto& r, const auto& a, http::Respond respond) {
                                         save(ctx, r, a, std::move(respond));
                                       }),
                   {.max_body_bytes = kProcessBodyLimit});
}

}  // namespace motcua::api
