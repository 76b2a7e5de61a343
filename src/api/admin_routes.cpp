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
//   POST   /api/v1/admin/users/{id}/password                   reset (forced change at next login)
//   GET    /api/v1/procedures/{code}/local-terms?agency_id=    an agency's local details
//   PUT    /api/v1/procedures/{code}/local-terms?agency_id=    save them (next version)
//   GET    /api/v1/calendar/years?from=&to=                    years, announced or provisional
//   POST   /api/v1/calendar/years/{year}[?dry_run=true]        import an announced year (new)
//   PUT    /api/v1/calendar/years/{year}[?dry_run=true]        replace an imported year
#include <boost/json.hpp>
#include <charconv>
#include <future>
#include <mutex>
#include <thread>

#include "api/admin_agency_routes.hpp"
#include "api/admin_setup_routes.hpp"
#include "api/admin_write.hpp"
#include "api/idempotent_write.hpp"
#include "api/json/admin_json.hpp"
#include "api/json/calendar_json.hpp"
#include "api/json/local_terms_json.hpp"
#include "api/json/password_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "app/admin/admin_local_terms.hpp"
#include "app/admin/admin_users.hpp"
#include "app/calendar/calendar_admin.hpp"
#include "codec/json_fields.hpp"
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
  return body.is_object() ? codec::text_field(body.as_object(), "reason") : std::string{};
}

bool flag(const http::HttpRequest& r, std::string_view name) {
  const auto v = r.query_value(name);
  return v && (*v == "true" || *v == "1");
}

// ---- officials ----

// Checked and hashed by the decoder, outside the write transaction (Argon2id is slow on purpose).
auto create_official = [](store::SqlConnection& db, const app::Actor& a, const PathParams&,
                          const app::NewOfficial& official, const std::string& now) {
  return app::create_official(db, a, official, now);
};

auto update_official = [](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                          const app::OfficialEdit& edit, const std::string& now) {
  return app::update_official(db, a, p.at("id"), edit, now);
};

auto change_grant(bool grant) {
  return [grant](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                 const std::string& reason, const std::string& now) {
    return app::change_grant(db, a, p.at("id"), p.at("role"), p.at("agency_id"), grant, reason,
                             now);
  };
}

auto reset_password = [](store::SqlConnection& db, const app::Actor& a, const PathParams& p,
                         const app::PasswordReset& reset, const std::string& now) {
  return app::reset_password(db, a, p.at("id"), reset, now);
};

// ---- local terms ----

void save_local_terms(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a,
                      http::Respond respond) {
  if (auto ok = app::require_administrator(a); !ok) {
    return answer_now(respond, problem_of(ok.error(), r));
  }
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  auto draft = local_terms_draft_from_json(*body);
  if (!draft.problems.empty()) {
    return answer_now(respond, with_problems("invalid_local_terms",
                                             "Chi tiết địa phương chưa hợp lệ; xem danh sách lỗi.",
                                             "The local details are not valid; see the list of "
                                             "problems.",
                                             json::value_from(draft.problems), r));
  }
  idempotent_write(
      ctx, r, a,
      [&ctx, a, code = r.path_params.at("code"),
       agency = std::string(r.query_value("agency_id").value_or("")),
       draft = std::move(draft)](store::SqlConnection& db) {
        return app::save_local_terms(db, a, code, agency, draft, ctx.now_iso());
      },
      200, std::move(respond));
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

// The import's write, waited for by the import's own thread (import_in_background).
template <typename Run>
http::HttpResponse write_and_wait(ApiContext& ctx, const http::HttpRequest& r, const app::Actor& a,
                                  Run run, int status) {
  std::promise<http::HttpResponse> answer;
  auto future = answer.get_future();
  idempotent_write(ctx, r, a, run, status,
                   [&answer](http::MakeResponse make) { answer.set_value(make()); });
  return future.get();
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
  // Another server may have imported a year meanwhile: start from the calendar it published.
  if (ctx.follow_calendar) ctx.follow_calendar();
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
  auto response = write_and_wait(ctx, r, a, run, create ? 201 : 200);
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

// A calendar import is rare and serialised by a process-wide lock held from the build to the
// publish, across its commit: it runs on a thread of its own, so no io thread waits for the disk
// or for another import.
void import_in_background(ApiContext& ctx, http::HttpRequest& r, const app::Actor& a, bool create,
                          http::Respond respond) {
  std::thread([&ctx, &r, a, create, respond = std::move(respond)] {
    try {
      auto response = import_year(ctx, r, a, create);
      respond([response = std::move(response)] { return response; });
    } catch (...) {
      respond([error = std::current_exception()]() -> http::HttpResponse {
        std::rethrow_exception(error);
      });
    }
  }).detach();
}

}  // namespace

void add_admin_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add(Method::get, "/api/v1/admin/users", authenticated(ctx, [&ctx](auto& r, const auto& a) {
               const std::string q(r.query_value("q").value_or(""));
               return read_and_render(
                   ctx, r, [&](store::SqlConnection& db) { return app::list_officials(db, a, q); });
             }));
  router.add_async(Method::post, "/api/v1/admin/users",
                   administering(ctx, new_official_from_json, create_official, 201));
  router.add_async(Method::patch, "/api/v1/admin/users/{id}",
                   administering(ctx, official_edit_from_json, update_official));
  router.add_async(Method::put, "/api/v1/admin/users/{id}/roles/{role}/{agency_id}",
                   administering(ctx, reason_of, change_grant(true)));
  router.add_async(Method::del, "/api/v1/admin/users/{id}/roles/{role}/{agency_id}",
                   administering(ctx, reason_of, change_grant(false)));
  router.add_async(Method::post, "/api/v1/admin/users/{id}/password",
                   administering(ctx, password_reset_from_json, reset_password));

  router.add(Method::get, "/api/v1/procedures/{code}/local-terms",
             authenticated(ctx, [&ctx](auto& r, const auto& a) {
               if (auto ok = app::require_administrator(a); !ok) return problem_of(ok.error(), r);
               const std::string agency(r.query_value("agency_id").value_or(""));
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::local_terms_view(db, r.path_params.at("code"), agency);
               });
             }));
  router.add_async(Method::put, "/api/v1/procedures/{code}/local-terms",
                   authenticated_async(ctx, [&ctx](auto& r, const auto& a, http::Respond respond) {
                     save_local_terms(ctx, r, a, std::move(respond));
                   }));

  router.add(Method::get, "/api/v1/calendar/years",
             [&ctx](http::HttpRequest& r) { return list_years(ctx, r); });
  for (const auto& [method, create] : {std::pair{Method::post, true}, {Method::put, false}}) {
    router.add_async(
        method, "/api/v1/calendar/years/{year}",
        authenticated_async(ctx,
                            [&ctx, create = create](auto& r, const auto& a, http::Respond respond) {
                              import_in_background(ctx, r, a, create, std::move(respond));
                            }),
        {.max_body_bytes = kCalendarBodyLimit});
  }

  add_admin_agency_routes(router, ctx);
  add_admin_setup_routes(router, ctx);
  add_portal_routes(router, ctx);
}

}  // namespace motcua::api
