// On-time statistics: public figures per agency, procedure and month; leaders' figures per unit and
// official, overdue dossiers with their causes, who used the time; the leader's approval queue.
// Each statistics request first brings the read model up to date
// (app/statistics/statistics_refresh.hpp), then aggregates in SQL on a reader connection.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "api/answer_cache.hpp"
#include "api/document_pool.hpp"
#include "api/idempotent_write.hpp"
#include "api/json/periodic_report_json.hpp"
#include "api/json/scoreboard_json.hpp"
#include "api/json/statistics_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"
#include "app/admin/admin_users.hpp"
#include "app/statistics/scoreboard.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_periodic_report.hpp"
#include "app/statistics/statistics_refresh.hpp"
#include "codec/evaluation_rules.hpp"
#include "documents/periodic_report_pdf.hpp"
#include "documents/periodic_report_xlsx.hpp"

namespace motcua::api {

namespace {

app::StatisticsQuery query_of(const http::HttpRequest& r) {
  app::StatisticsQuery q;
  q.group = std::string(r.query_value("group").value_or("agency"));
  q.from = std::string(r.query_value("from").value_or(""));
  q.to = std::string(r.query_value("to").value_or(""));
  q.agency_id = std::string(r.query_value("agency_id").value_or(""));
  q.procedure_code = std::string(r.query_value("procedure_code").value_or(""));
  return q;
}

// ?limit=&offset= of the drill-down: whole numbers, the limit 1..1000 (default 200), or a 422
// naming the parameter.
app::AppResult<app::ItemsPage> items_page_of(const http::HttpRequest& r) {
  app::ItemsPage page;
  const auto read = [&](const char* name, std::size_t& into, std::size_t low, std::size_t high,
                        const char* range_vi,
                        const char* range_en) -> std::optional<app::AppError> {
    const auto text = r.query_value(name);
    if (!text) return std::nullopt;
    const bool digits =
        !text->empty() && text->size() <= 9 &&
        std::all_of(text->begin(), text->end(), [](char c) { return c >= '0' && c <= '9'; });
    const std::size_t value = digits ? std::stoul(std::string(*text)) : 0;
    if (digits && value >= low && value <= high) {
      into = value;
      return std::nullopt;
    }
    return app::AppError{app::ErrorKind::invalid_input, "invalid_page",
                         std::string("Tham số '") + name + "' phải là số nguyên " + range_vi + ".",
                         std::string("'") + name + "' must be a whole number " + range_en + ".",
                         name};
  };
  if (auto bad = read("limit", page.limit, 1, app::kIndex766ItemsAtMost, "từ 1 đến 1000",
                      "from 1 to 1000"))
    return tl::unexpected(*bad);
  if (auto bad = read("offset", page.offset, 0, 999999999, "không âm", "of at least 0"))
    return tl::unexpected(*bad);
  return page;
}

// Brings the read model up to date without holding the io thread (the refresh jobs, usually
// none, are handed to the store), then answers with what `make_answer(cal)` returns, built on the
// io thread. One calendar for the whole request, even if an administrator replaces it meanwhile.
template <typename MakeAnswer>
void refresh_then(ApiContext& ctx, MakeAnswer make_answer, http::Respond respond) {
  const auto cal = ctx.calendar.snapshot();
  std::vector<store::WriteJob> jobs;
  ctx.store.read([&](store::SqlConnection& db) { jobs = app::statistics_refresh_jobs(db, cal); });
  auto answer = make_answer(cal);
  if (jobs.empty()) return respond(std::move(answer));
  // The jobs commit in order: once the last is durable, all are. A failed batch fails the request
  // (its dossiers stay marked and are retried by the next one).
  auto failed = std::make_shared<std::atomic<bool>>(false);
  for (std::size_t i = 0; i + 1 < jobs.size(); ++i) {
    ctx.store.submit(std::move(jobs[i]), [failed](std::exception_ptr error) {
      if (error) failed->store(true);
    });
  }
  write_then(
      ctx, std::move(jobs.back()),
      [failed, answer = std::move(answer)]() -> http::HttpResponse {
        if (failed->load()) throw std::runtime_error("a statistics refresh batch failed");
        return answer();
      },
      std::move(respond));
}

// The JSON answer of `read(db, cal)`.
template <typename Read>
void after_refresh(ApiContext& ctx, const http::HttpRequest& r, Read read, http::Respond respond) {
  refresh_then(
      ctx,
      [&ctx, &r, read](std::shared_ptr<const calendar::WorkingCalendar> cal) {
        return [&ctx, &r, cal, read] {
          return read_and_render(ctx, r, [&](store::SqlConnection& db) { return read(db, *cal); });
        };
      },
      std::move(respond));
}

// Each use case answers its own view type, hence templates rather than function pointers.
template <typename UseCase>
http::AsyncHandler public_handler(ApiContext& ctx, UseCase use_case) {
  return [&ctx, use_case](http::HttpRequest& r, http::Respond respond) {
    after_refresh(
        ctx, r,
        [&ctx, use_case, q = query_of(r)](store::SqlConnection& db,
                                          const calendar::WorkingCalendar& cal) {
          return use_case(db, cal, q, ctx.now());
        },
        std::move(respond));
  };
}

template <typename UseCase>
http::AsyncHandler leader_handler(ApiContext& ctx, UseCase use_case) {
  return authenticated_async(
      ctx, [&ctx, use_case](http::HttpRequest& r, const app::Actor& actor, http::Respond respond) {
        after_refresh(
            ctx, r,
            [&ctx, use_case, actor, q = query_of(r)](store::SqlConnection& db,
                                                     const calendar::WorkingCalendar& cal) {
              return use_case(db, cal, actor, q, ctx.now());
            },
            std::move(respond));
      });
}

// The thresholds of the nine-index evaluation, read once from data/evaluation (next to the
// templates directory). The defaults are the same values (codec/evaluation_rules_test.cpp); a file
// that does not parse is a configuration error worth stopping for.
std::shared_ptr<const evaluation::Rules> load_evaluation_rules(const std::string& templates_dir) {
  std::ifstream in(templates_dir + "/../evaluation/nine-indices.json");
  if (!in) return std::make_shared<const evaluation::Rules>();
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = codec::parse_evaluation_rules(text.str());
  if (!parsed) throw std::runtime_error("data/evaluation/nine-indices.json: " + parsed.error());
  return std::make_shared<const evaluation::Rules>(*parsed);
}

app::PeriodicQuery periodic_query_of(const http::HttpRequest& r) {
  return {std::string(r.query_value("agency_id").value_or("")),
          std::string(r.query_value("from").value_or("")),
          std::string(r.query_value("to").value_or(""))};
}

enum class ReportFormat { csv, xlsx };

// The periodic report as a file to download, named for its period.
http::HttpResponse report_file(const app::PeriodicReport& report, ReportFormat format) {
  const std::string name = "bao-cao-tthc-" + report.from + "-" + report.to;
  auto r = format == ReportFormat::csv
               ? http::HttpResponse::text(200, app::periodic_report_csv(report),
                                          "text/csv; charset=utf-8")
               : http::HttpResponse::text(
                     200, documents::periodic_report_xlsx(report),
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  r.set_header("Content-Disposition", "attachment; filename=\"" + name +
                                          (format == ReportFormat::csv ? ".csv" : ".xlsx") + "\"");
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

// The CSV and the workbook are made on the render pool as the PDF is: libxlsxwriter writes its
// zip through a temporary file, which must not hold an io thread.
http::AsyncHandler periodic_export_handler(ApiContext& ctx, ReportFormat format) {
  return authenticated_async(
      ctx, [&ctx, format](http::HttpRequest& r, const app::Actor& actor, http::Respond respond) {
        on_pool(std::move(respond),
                [&ctx, &r, actor, format, q = periodic_query_of(r)]() -> http::HttpResponse {
                  const auto cal = ctx.calendar.snapshot();
                  app::refresh_statistics(ctx.store, *cal);
                  std::optional<app::AppResult<app::PeriodicReport>> result;
                  ctx.store.read([&](store::SqlConnection& db) {
                    result.emplace(app::periodic_report(db, *cal, actor, q, ctx.now()));
                  });
                  if (!*result) return problem_of(result->error(), r);
                  return report_file(**result, format);
                });
      });
}

constexpr std::chrono::minutes kScoreboardTtl{5};
constexpr std::chrono::hours kScoreboardMaxAge{1};

// A fresh scoreboard for `key`, computed on the document pool beside the visitors who are served
// the stale one; the read model is brought up to date first, as every statistics request does.
// A full pool or a failure leaves the stale answer in place for the next visitor to try again.
void recompute_scoreboard(ApiContext& ctx,
                          const std::shared_ptr<AnswerCache<app::Scoreboard>>& boards,
                          const std::string& key, const app::StatisticsQuery& q) {
  const bool queued = document_pool().submit([&ctx, boards, key, q] {
    try {
      const auto cal = ctx.calendar.snapshot();
      app::refresh_statistics(ctx.store, *cal);
      std::optional<app::AppResult<app::Scoreboard>> fresh;
      ctx.store.read([&](store::SqlConnection& db) {
        fresh.emplace(app::scoreboard(db, *cal, q, ctx.now()));
      });
      if (*fresh) {
        boards->put(key, **fresh);
        return;
      }
    } catch (const std::exception& e) {
      std::cerr << "motcua serve: scoreboard recomputing failed: " << e.what() << "\n";
    }
    boards->abandon_refresh(key);
  });
  if (!queued) boards->abandon_refresh(key);
}

}  // namespace

void add_statistics_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  router.add_async(Method::get, "/api/v1/statistics/on-time",
                   public_handler(ctx, &app::on_time_statistics));
  router.add_async(Method::get, "/api/v1/statistics/index-766",
                   public_handler(ctx, &app::index_766));
  // The drill-down: anyone gets the counts; an official with a grant over the agencies the items.
  router.add_async(
      Method::get, "/api/v1/statistics/index-766/{key}/items",
      [&ctx](http::HttpRequest& r, http::Respond respond) {
        const auto page = items_page_of(r);
        if (!page) return answer_now(respond, problem_of(page.error(), r));
        const auto session = session_of(ctx, r);
        std::optional<app::Actor> actor;
        if (session) actor = session->actor;
        after_refresh(
            ctx, r,
            [&ctx, actor, key = r.path_params.at("key"), q = query_of(r), page = *page](
                store::SqlConnection& db, const calendar::WorkingCalendar& cal) {
              return app::index_766_items(db, cal, actor, key, q, page, ctx.now());
            },
            std::move(respond));
      });
  // The public scoreboard (docs/rules.md section 23), each answer reused for five minutes: it
  // costs one Decision 766 index per agency and is the same for every visitor. Past five minutes
  // visitors still get the kept answer (its `as_of` says how old) while one fresh one is computed
  // on the document pool, so no visitor waits for it (0.3-0.5 s at 500,000 dossiers); only
  // the first visitor of a server, or of a board unasked for an hour, waits.
  auto boards = std::make_shared<AnswerCache<app::Scoreboard>>(kScoreboardTtl);
  router.add_async(
      Method::get, "/api/v1/statistics/scoreboard",
      [&ctx, boards](http::HttpRequest& r, http::Respond respond) {
        after_refresh(
            ctx, r,
            [&ctx, boards, q = query_of(r)](
                store::SqlConnection& db,
                const calendar::WorkingCalendar& cal) -> app::AppResult<app::Scoreboard> {
              const auto key = q.from + "|" + q.to;
              if (auto hit = boards->lookup(key, kScoreboardMaxAge)) {
                if (hit->stale && boards->begin_refresh(key)) {
                  recompute_scoreboard(ctx, boards, key, q);
                }
                return std::move(hit->value);
              }
              auto fresh = app::scoreboard(db, cal, q, ctx.now());
              if (fresh) boards->put(key, *fresh);
              return fresh;
            },
            std::move(respond));
      });
  auto histories = std::make_shared<AnswerCache<app::ScoreboardHistory>>(kScoreboardTtl);
  router.add_async(
      Method::get, "/api/v1/statistics/scoreboard/history",
      [&ctx, histories](http::HttpRequest& r, http::Respond respond) {
        after_refresh(
            ctx, r,
            [&ctx, histories, agency = std::string(r.query_value("agency_id").value_or("")),
             months = std::string(r.query_value("months").value_or(""))](
                store::SqlConnection& db,
                const calendar::WorkingCalendar& cal) -> app::AppResult<app::ScoreboardHistory> {
              const auto key = agency + "|" + months;
              if (auto hit = histories->get(key)) return *hit;
              auto fresh = app::scoreboard_history(db, cal, agency, months, ctx.now());
              if (fresh) histories->put(key, *fresh);
              return fresh;
            },
            std::move(respond));
      });
  router.add(Method::get, "/api/v1/admin/index-766-inputs",
             authenticated(ctx, [&ctx](http::HttpRequest& r, const app::Actor& actor) {
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::list_index_766_inputs(db, actor);
               });
             }));
  router.add_async(
      Method::put, "/api/v1/admin/index-766-inputs",
      authenticated_async(
          ctx, [&ctx](http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
            if (auto ok = app::require_administrator(a); !ok) {
              return answer_now(respond, problem_of(ok.error(), r));
            }
            decoded_write(
                ctx, r, a, app::index_766_input_from_json,
                [&ctx, a](store::SqlConnection& db, const app::Index766InputChange& change) {
                  const auto cal = ctx.calendar.snapshot();
                  return app::record_index_766_input(db, *cal, a, change, ctx.now());
                },
                200, std::move(respond));
          }));
  router.add_async(Method::get, "/api/v1/statistics/officials",
                   leader_handler(ctx, &app::official_statistics));
  router.add_async(Method::get, "/api/v1/statistics/overdue",
                   leader_handler(ctx, &app::overdue_statistics));
  const auto rules = load_evaluation_rules(ctx.settings.templates_dir);
  router.add_async(
      Method::get, "/api/v1/statistics/evaluation",
      authenticated_async(
          ctx, [&ctx, rules](http::HttpRequest& r, const app::Actor& actor, http::Respond respond) {
            after_refresh(
                ctx, r,
                [&ctx, rules, actor, q = query_of(r)](store::SqlConnection& db,
                                                      const calendar::WorkingCalendar& cal) {
                  return app::evaluation_statistics(db, cal, *rules, actor, q, ctx.now());
                },
                std::move(respond));
          }));
  router.add_async(
      Method::get, "/api/v1/dossiers/{id}/evaluation",
      authenticated_async(
          ctx, [&ctx, rules](http::HttpRequest& r, const app::Actor& actor, http::Respond respond) {
            after_refresh(
                ctx, r,
                [&ctx, rules, actor, id = r.path_params.at("id")](
                    store::SqlConnection& db, const calendar::WorkingCalendar& cal) {
                  return app::dossier_evaluation(db, cal, *rules, actor, id, ctx.now());
                },
                std::move(respond));
          }));
  router.add_async(Method::get, "/api/v1/statistics/time-used",
                   leader_handler(ctx, &app::time_used_statistics));
  // The periodic TTHC report (docs/rules.md section 22): JSON, and the files to send up.
  router.add_async(Method::get, "/api/v1/statistics/periodic-report",
                   authenticated_async(ctx, [&ctx](http::HttpRequest& r, const app::Actor& actor,
                                                   http::Respond respond) {
                     after_refresh(
                         ctx, r,
                         [&ctx, actor, q = periodic_query_of(r)](
                             store::SqlConnection& db, const calendar::WorkingCalendar& cal) {
                           return app::periodic_report(db, cal, actor, q, ctx.now());
                         },
                         std::move(respond));
                   }));
  router.add_async(Method::get, "/api/v1/statistics/periodic-report.csv",
                   periodic_export_handler(ctx, ReportFormat::csv));
  router.add_async(Method::get, "/api/v1/statistics/periodic-report.xlsx",
                   periodic_export_handler(ctx, ReportFormat::xlsx));
  // The PDF is drawn on the render pool, off the io threads; the read model is brought up to
  // date there first (blocking that pool thread, not an io thread).
  router.add_async(
      Method::get, "/api/v1/statistics/periodic-report.pdf",
      authenticated_async(
          ctx, [&ctx](http::HttpRequest& r, const app::Actor& actor, http::Respond respond) {
            on_pool(std::move(respond),
                    [&ctx, &r, actor, q = periodic_query_of(r)]() -> http::HttpResponse {
                      const auto cal = ctx.calendar.snapshot();
                      app::refresh_statistics(ctx.store, *cal);
                      std::optional<app::AppResult<app::PeriodicReport>> result;
                      ctx.store.read([&](store::SqlConnection& db) {
                        result.emplace(app::periodic_report(db, *cal, actor, q, ctx.now()));
                      });
                      if (!*result) return problem_of(result->error(), r);
                      const auto& report = **result;
                      return pdf_document(documents::periodic_report_pdf(report),
                                          "bao-cao-tthc-" + report.from + "-" + report.to + ".pdf");
                    });
          }));
  router.add(Method::get, "/api/v1/approvals",
             authenticated(ctx, [&ctx](http::HttpRequest& r, const app::Actor& actor) {
               const auto cal = ctx.calendar.snapshot();
               return read_and_render(ctx, r, [&](store::SqlConnection& db) {
                 return app::approval_queue(db, *cal, actor, ctx.now());
               });
             }));
}

}  // namespace motcua::api
