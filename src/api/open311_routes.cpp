// Open311 GeoReport v2 over feedback on regulations (app/engagement/open311.hpp), public except
// the POST, which needs an API key an administrator issued:
//
//   GET  /open311/v2/services.{json,xml}              the kinds of feedback, as services
//   GET  /open311/v2/services/{code}.{json,xml}       a service definition (its attributes)
//   GET  /open311/v2/requests.{json,xml}              requests filed here, with the spec's filters
//   POST /open311/v2/requests.{json,xml}              file one (form-encoded, api_key required)
//   GET  /open311/v2/requests/{id}.{json,xml}         one request by its service_request_id
//   POST /api/v1/admin/open311/keys                   issue an API key (administrators; shown once)
//   POST /api/v1/admin/open311/keys/{id}/revoke       revoke one, with a reason (administrators)
//
// Errors are GeoReport's list of {code, description}, in the format the path asked for.
#include <fstream>
#include <memory>
#include <sstream>

#include "api/admin_write.hpp"
#include "api/feedback_terms_file.hpp"
#include "api/json/open311_json.hpp"
#include "api/json/webhook_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/write_then.hpp"
#include "codec/open311_services.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kFormBody = 32 * 1024;

using Services = std::shared_ptr<const app::Open311Services>;

// The services are data (templates/open311-services.json); without the file none is offered.
Services load_services(const std::string& dir) {
  std::ifstream in(dir + "/open311-services.json");
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = codec::parse_open311_services(text.str());
  return std::make_shared<const app::Open311Services>(parsed ? std::move(*parsed)
                                                             : app::Open311Services{});
}

// "PAKN01.json" -> {"PAKN01", json}; nullopt without a known format suffix.
std::optional<std::pair<std::string, Open311Format>> split_format(const std::string& file) {
  for (const auto& [suffix, format] :
       {std::pair{".json", Open311Format::json}, std::pair{".xml", Open311Format::xml}}) {
    const std::string_view s(suffix);
    if (file.size() > s.size() && file.ends_with(s))
      return std::pair{file.substr(0, file.size() - s.size()), format};
  }
  return std::nullopt;
}

http::HttpResponse error_answer(const app::AppError& e, Open311Format format) {
  const int status = open311_status(e.kind);
  return open311_response(status, errors_doc(status, e), format);
}

template <typename T, typename Doc>
http::HttpResponse answer_of(const app::AppResult<T>& result, Open311Format format, Doc doc,
                             int success_status = 200) {
  if (!result) return error_answer(result.error(), format);
  return open311_response(success_status, doc(*result), format);
}

// Reads on a reader connection; a store outage is the server's usual 503 problem.
template <typename UseCase, typename Doc>
http::HttpResponse read_open311(ApiContext& ctx, Open311Format format, UseCase&& use_case,
                                Doc doc) {
  using Result = std::invoke_result_t<UseCase&, store::SqlConnection&>;
  std::optional<Result> result;
  try {
    ctx.store.read([&](store::SqlConnection& db) { result.emplace(use_case(db)); });
  } catch (const store::StoreUnavailable&) {
    return store_unavailable();
  }
  return answer_of(*result, format, doc);
}

app::AppError unknown_format() {
  return app::AppError{app::ErrorKind::not_found, "format", "Chỉ hỗ trợ định dạng .json và .xml.",
                       "Only .json and .xml are served.", "format"};
}

app::Open311Query query_of(const http::HttpRequest& r) {
  app::Open311Query q;
  const auto value = [&r](const char* key) { return std::string(r.query_value(key).value_or("")); };
  q.jurisdiction_id = value("jurisdiction_id");
  q.service_code = value("service_code");
  q.start_date = value("start_date");
  q.end_date = value("end_date");
  q.status = value("status");
  // GeoReport: one or more ids, comma-delimited; the other filters are then ignored.
  std::string ids = value("service_request_id");
  for (std::size_t start = 0; start < ids.size();) {
    const auto comma = std::min(ids.find(',', start), ids.size());
    if (comma > start) q.service_request_ids.push_back(ids.substr(start, comma - start));
    start = comma + 1;
  }
  if (!q.service_request_ids.empty()) {
    q.service_code.clear();
    q.status.clear();
    q.start_date.clear();
    q.end_date.clear();
  }
  return q;
}

void file_request(ApiContext& ctx, const Services& services, std::int64_t answer_days,
                  Open311Format format, http::HttpRequest& r, http::Respond respond) {
  auto input = open311_submission_from_form(r.body);
  if (!input) return respond([e = input.error(), format] { return error_answer(e, format); });
  input->answer_working_days = answer_days;
  auto result =
      std::make_shared<app::AppResult<app::Open311Receipt>>(tl::unexpected(app::AppError{}));
  write_then(
      ctx,
      [&ctx, services, result, input = std::move(*input)](store::SqlConnection& db) {
        // file_open311_request checks everything before it files: a refusal files nothing.
        *result =
            app::file_open311_request(db, *ctx.calendar.snapshot(), *services, input, ctx.now());
      },
      [result, format] { return answer_of(*result, format, receipt_doc, 201); },
      std::move(respond));
}

}  // namespace

void add_open311_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  const Services services = load_services(ctx.settings.templates_dir);
  const std::int64_t answer_days = load_feedback_terms(ctx.settings.templates_dir).answer;
  for (const auto format : {Open311Format::json, Open311Format::xml}) {
    const std::string ext = format == Open311Format::json ? ".json" : ".xml";
    router.add(Method::get, "/open311/v2/services" + ext, [services, format](http::HttpRequest&) {
      return open311_response(200, services_doc(*services), format);
    });
    router.add(Method::get, "/open311/v2/requests" + ext,
               [&ctx, services, format](http::HttpRequest& r) {
                 const auto q = query_of(r);
                 return read_open311(
                     ctx, format,
                     [&](store::SqlConnection& db) {
                       return app::open311_requests(db, *services, q, ctx.now(), ctx.utc_offset());
                     },
                     requests_doc);
               });
    router.add_async(
        Method::post, "/open311/v2/requests" + ext,
        [&ctx, services, answer_days, format](http::HttpRequest& r, http::Respond respond) {
          file_request(ctx, services, answer_days, format, r, std::move(respond));
        },
        {.max_body_bytes = kFormBody});
  }
  router.add(Method::get, "/open311/v2/services/{file}", [services](http::HttpRequest& r) {
    const auto file = split_format(r.path_params.at("file"));
    if (!file) return error_answer(unknown_format(), Open311Format::json);
    const auto* service = app::find_open311_service(*services, file->first);
    if (!service) {
      return error_answer(
          app::AppError{app::ErrorKind::not_found, "service_code",
                        "Không có dịch vụ '" + file->first + "' (xem services.json).",
                        "Service code '" + file->first + "' not found (see services.json).",
                        "service_code"},
          file->second);
    }
    return open311_response(200, service_definition_doc(*service), file->second);
  });
  router.add(Method::get, "/open311/v2/requests/{file}", [&ctx, services](http::HttpRequest& r) {
    const auto file = split_format(r.path_params.at("file"));
    if (!file) return error_answer(unknown_format(), Open311Format::json);
    const std::string jurisdiction(r.query_value("jurisdiction_id").value_or(""));
    return read_open311(
        ctx, file->second,
        [&](store::SqlConnection& db) {
          return app::open311_request(db, *services, file->first, jurisdiction)
              .map([](app::Open311RequestView v) {
                return std::vector<app::Open311RequestView>{std::move(v)};
              });
        },
        requests_doc);
  });
  router.add_async(Method::post, "/api/v1/admin/open311/keys",
                   administering(
                       ctx, open311_key_label_from_json,
                       [](store::SqlConnection& db, const app::Actor& a, const PathParams&,
                          const std::string& label, const std::string& now) {
                         return app::issue_open311_key(db, a, label, now);
                       },
                       201));
  router.add_async(
      Method::post, "/api/v1/admin/open311/keys/{id}/revoke",
      administering(ctx, reason_from_json,
                    [](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                       const ReasonInput& in, const std::string& now) {
                      return app::revoke_open311_key(db, a, p.at("id"), in.reason, now);
                    }));
}

}  // namespace motcua::api
