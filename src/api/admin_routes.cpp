// Administration: officials and their roles, the working calendar (announced schedules,
// provisional years), local details of catalog procedures. Administrators only; every change
// needs a reason (audit log), and edits two administrators could collide on carry the version the
// editor read (409 when it moved).
//
//   GET    /api/v1/admin/users?q=                              officials with their roles
//   POST   /api/v1/admin/users                                 create with a temporary password
//   PATCH  /api/v1/admin/users/{id}                            display name, disabled
//   PUT    /api/v1/admin/users/{id}/roles/{role}/{agency_id}   grant
//   DELETE /api/v1/admin/users/{id}/roles/{role}/{agency_id}   revoke
//   GET    /api/v1/procedures/{code}/local-terms?agency_id=    an agency's local details
//   PUT    /api/v1/procedures/{code}/local-terms?agency_id=    save them (next version)
//   GET    /api/v1/calendar/years?from=&to=                    years, announced or provisional
//   POST   /api/v1/calendar/years/{year}[?dry_run=true]        import an announced year (new)
//   PUT    /api/v1/calendar/years/{year}[?dry_run=true]        replace an imported year
#include <boost/json.hpp>
#include <charconv>
#include <mutex>

#include "api/admin_agency_routes.hpp"
#include "api/idempotent_write.hpp"
#include "api/json/admin_json.hpp"
#include "api/json/calendar_json.hpp"
#include "api/json/local_terms_json.hpp"
#include "api/json/write_result.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/admin/admin_local_terms.hpp"
#include "app/admin/admin_users.hpp"
#include "app/calendar/calendar_admin.hpp"
#include "http/problem.hpp"
#include "store/calendar_repository.hpp"

namespace motcua::api {

namespace json = boost::json;

namespace {

constexpr std::size_t kCalendarBodyLimit = 64 * 1024;
constexpr int kMaxYearsListed = 100;

// A 422 whose `problems` member lists every problem, so an editor can mark them all at once.
http::HttpResponse with_problems(std::string_view code, const std::string& vi,
                                 const std::string& en, const json::value& problems,
                                 const http::HttpRequest& r) {
  auto response = http::to_response(
      http::Problem{422, std::string(code), vi, en,
                    std::to_string(problems.as_array().size()) + " problem(s)", r.path});
  auto body = json::parse(response.body).as_object();
  body["problems"] = problems;
  response.body = json::serialize(body);
  return response;
}

std::optional<int> int_of(std::string_view text) {
  int value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::string reason_of(const json::value& body) {
  if (!body.is_object()) return {};
  const auto* v = body.as_object().if_contains("reason");
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string{};
}

bool flag(const http::HttpRequest& r, std::string_view name) {
  const auto v = r.query_value(name);
  return v && (*v == "true" || *v == "1");
}

// ---- officials ----

http::HttpResponse create_official(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
  auto body = parse_body(r);
  if (!body) return body.error();
  // Checked and hashed here, outside the write transaction (Argon2id is slow on purpose).
  auto official = new_official_from_json(*body);
  if (!official) return problem_of(official.error(), r);
  return idempotent_write(
      ctx, r, a,
      [&](store::SqlConnection& db) {
        return as_json_object(app::create_official(db, a, *official, ctx.now_iso()));
      },
      201);
}

http::HttpResponse change_grant(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a,
                                bool grant) {
  if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
  auto body = parse_body(r);
  if (!body) return body.error();
  const std::string reason = reason_of(*body);
  return idempotent_write(ctx, r, a, [&](store::SqlConnection& db) {
    return as_json_object(app::change_grant(db, a, r.path_params.at("id"), r.path_params.at("role"),
                                            r.path_params.at("agency_id"), grant, reason,
                                            ctx.now_iso()));
  });
}

// ---- local terms ----

http::HttpResponse save_local_terms(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a) {
  if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
  auto body = parse_body(r);
  if (!body) return body.error();
  const auto draft = local_terms_draft_from_json(*body);
  if (!draft.problems.empty()) {
    return with_problems("invalid_local_terms",
                         "Chi tiết địa phương chưa hợp lệ; xem danh sách lỗi.",
                         "The local details are not valid; see the list of problems.",
                         json::value_from(draft.problems), r);
  }
  const std::string agency(r.query_value("agency_id").value_or(""));
  return idempotent_write(ctx, r, a, [&](store::SqlConnection& db) {
    return as_json_object(
        app::save_local_terms(db, a, r.path_params.at("code"), agency, draft, ctx.now_iso()));
  });
}

// ---- calendar ----

http::HttpResponse list_years(ApiContext& ctx, http::HttpRequest& r) {
  const auto cal = ctx.calendar.snapshot();
  const int this_year = ymd_of(cal->local(ctx.now()).date).year;
  int from = this_year - 1;
  for (const auto& [year, schedule] : ctx.calendars->file_years()) from = std::min(from, year);
  int to = this_year + 3;
  app::CalendarYearsView out;
  ctx.store.read([&](store::SqlConnection& db) {
    // Imported years are listed too, however far ahead.
    for (const auto& row : store::list_calendar_years(db)) to = std::max(to, row.year);
    if (const auto v = r.query_value("from")) from = int_of(*v).value_or(from);
    if (const auto v = r.query_value("to")) to = int_of(*v).value_or(to);
    from = std::max(from, calendar::kFirstCalendarYear);
    to = std::min({to, calendar::kLastCalendarYear, from + kMaxYearsListed - 1});
    out = app::list_calendar_years(db, *cal, *ctx.calendars, from, to);
  });
  return http::HttpResponse::json(200, json::value_from(out));
}

http::HttpResponse import_year(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a,
                               bool create) {
  if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
  const auto year = int_of(r.path_params.at("year"));
  if (!year) return problem_of(app::not_found("calendar year " + r.path_params.at("year")), r);
  auto body = parse_body(r);
  if (!body) return body.error();
  auto draft = app::read_year_draft(submitted_year_from_json(*body), *year);
  if (!draft.problems.empty()) {
    return with_problems("invalid_calendar", "Lịch năm chưa hợp lệ; xem danh sách lỗi.",
                         "The calendar year is not valid; see the list of problems.",
                         json::value_from(draft.problems), r);
  }
  app::YearImport request{*year, 0, flag(r, "dry_run"), reason_of(*body)};
  if (!create) {
    const auto* v = body->as_object().if_contains("expected_version");
    if (v == nullptr || !v->is_int64()) {
      return problem_of(app::invalid_input("'expected_version' (the version you read) is required"),
                        r);
    }
    request.expected_version = v->as_int64();
  }
  // One import at a time: build, store and publish must happen in the same order for everyone.
  const std::lock_guard lock(ctx.calendars->import_mutex());
  const auto before = ctx.calendar.snapshot();
  std::map<int, calendar::YearSchedule> years;
  ctx.store.read([&](store::SqlConnection& db) { years = app::stored_years(db); });
  years[*year] = *draft.schedule;
  auto next = ctx.calendars->build(years);
  if (!next) {
    return problem_of(
        app::AppError{app::ErrorKind::invalid_input, "invalid_calendar", "Lịch năm chưa hợp lệ.",
                      "The calendar year is not valid.", next.error()},
        r);
  }
  const auto run = [&](store::SqlConnection& db) {
    return app::import_calendar_year(db, a, request, draft, *before, **next, ctx.now_iso());
  };
  if (request.dry_run) return read_and_render(ctx, r, run);
  auto response = idempotent_write(
      ctx, r, a, [&](store::SqlConnection& db) { return as_json_object(run(db)); },
      create ? 201 : 200);
  if (response.status < 300) {
    ctx.calendars->publish(*next);
    // A dossier written with the old calendar between the commit and the publish above is
    // brought up to date now; usually there is none.
    ctx.store.write([&](store::SqlConnection& db) {
      app::recompute_open_dossiers(db, **next, true, ctx.now_iso());
    });
  }
  return response;
}

}  // namespace

void add_admin_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/admin/users", authenticated(ctx, [&ctx](auto& r, const auto& a) {
               const std::string q(r.query_value("q").value_or(""));
               return read_and_render(
                   ctx, r, [&](store::SqlConnection& db) { return app::list_officials(db, a, q); });
             }));
  router.add(
      Method::post, "/api/v1/admin/users",
      authenticated(ctx, [&ctx](auto& r, const auto& a) { return create_official(ctx, r, a); }));
  router.add(Method::patch, "/api/v1/admin/users/{id}",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
               auto body = parse_body(r);
               if (!body) return body.error();
               const auto edit = official_edit_from_json(*body);
               return idempotent_write(ctx, r, a, [&](store::SqlConnection& db) {
                 return as_json_object(
                     app::update_official(db, a, r.path_params.at("id"), edit, ctx.now_iso()));
               });
             }));
  router.add(
      Method::put, "/api/v1/admin/users/{id}/roles/{role}/{agency_id}",
      authenticated(ctx, [&ctx](auto& r, const auto& a) { return change_grant(ctx, r, a, true); }));
  router.add(Method::del, "/api/v1/admin/users/{id}/roles/{role}/{agency_id}",
             authenticated(
                 ctx, [&ctx](auto& r, const auto& a) { return change_grant(ctx, r, a, false); }));

  router.add(Method::get, "/api/v1/procedures/{code}/local-terms",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
               const std::string agency(r.query_value("agency_id").value_or(""));
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::local_terms_view(db, r.path_params.at("code"), agency);
               });
             }));
  router.add(
      Method::put, "/api/v1/procedures/{code}/local-terms",
      authenticated(ctx, [&ctx](auto& r, const auto& a) { return save_local_terms(ctx, r, a); }));

  router.add(Method::get, "/api/v1/calendar/years",
             [&ctx](http::HttpRequest& r) { return list_years(ctx, r); });
  router.add(
      Method::post, "/api/v1/calendar/years/{year}",
      authenticated(ctx, [&ctx](auto& r, const auto& a) { return import_year(ctx, r, a, true); }),
      {.max_body_bytes = kCalendarBodyLimit});
  router.add(
      Method::put, "/api/v1/calendar/years/{year}",
      authenticated(ctx, [&ctx](auto& r, const auto& a) { return import_year(ctx, r, a, false); }),
      {.max_body_bytes = kCalendarBodyLimit});

  add_admin_agency_routes(router, ctx);
}

}  // namespace motcua::api
