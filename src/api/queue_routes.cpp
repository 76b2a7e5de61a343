// The counter queue of the one-stop hall: the public kiosk and hall display, the reception
// officers' counters, the administrator's configuration and the waiting-time statistics
// (app/queue/queue.hpp).
#include <fstream>
#include <memory>
#include <sstream>

#include "api/idempotent_write.hpp"
#include "api/json/queue_json.hpp"
#include "api/responses.hpp"
#include "api/routes.hpp"
#include "api/session_guard.hpp"
#include "api/write_then.hpp"
#include "app/accounts/accounts.hpp"
#include "app/queue/queue.hpp"
#include "codec/queue_priority_groups.hpp"
#include "http/problem.hpp"

namespace motcua::api {

namespace {

constexpr std::size_t kSmallBody = 4 * 1024;

// A kiosk serves a whole hall from one address, so the limit is loose: it stops a script from
// exhausting the day's numbers, not people. The counts live in the database (as login failures
// do), so every server behind the load balancer shares them.
const app::LoginThrottle kKioskTickets{"queue_kiosk_address", 60, 10 * 60};

using Groups = std::shared_ptr<const std::vector<queue::PriorityGroup>>;

// The priority groups are data (templates/queue-priority-groups.json); without the file nobody is
// given priority, which the kiosk shows by listing no group.
Groups load_priority_groups(const std::string& dir) {
  std::ifstream in(dir + "/queue-priority-groups.json");
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = codec::parse_priority_groups(text.str());
  return std::make_shared<const std::vector<queue::PriorityGroup>>(
      parsed ? std::move(*parsed) : std::vector<queue::PriorityGroup>{});
}

http::HttpResponse too_many_tickets(std::int64_t retry_after) {
  auto r = http::problem(
      429, "too_many_tickets",
      "Máy lấy số nhận quá nhiều yêu cầu; vui lòng thử lại sau " +
          std::to_string((retry_after + 59) / 60) + " phút hoặc hỏi cán bộ tiếp nhận.",
      "The kiosk has had too many requests; try again in " +
          std::to_string((retry_after + 59) / 60) + " minutes or ask the reception officer.");
  r.set_header("Retry-After", std::to_string(retry_after));
  return r;
}

// Public, with no session: a person at the kiosk. Limited per client address.
void take_at_kiosk(ApiContext& ctx, const Groups& groups, http::HttpRequest& r,
                   http::Respond respond) {
  auto body = parse_body(r);
  if (!body) return answer_now(respond, body.error());
  auto input = ticket_request_from_json(*body);
  if (!input) return answer_now(respond, problem_of(input.error(), r));
  const auto now = ctx.now();
  const std::string address = r.client();
  std::int64_t wait = 0;
  ctx.store.read([&](store::SqlConnection& db) {
    wait = kKioskTickets.retry_after(db, address, now.seconds);
  });
  if (wait > 0) return answer_now(respond, too_many_tickets(wait));
  auto result = std::make_shared<app::AppResult<app::TicketView>>(tl::unexpected(app::AppError{}));
  write_then(
      ctx,
      [&ctx, groups, result, address, now, unit = r.path_params.at("unit"),
       input = std::move(*input)](store::SqlConnection& db) {
        kKioskTickets.record_failure(db, address, now.seconds);
        // take_ticket checks everything before it writes: a refusal consumes no number.
        *result = app::take_ticket(db, std::nullopt, unit, input, *groups, now, ctx.utc_offset());
      },
      [result, path = r.path] {
        http::HttpRequest where;
        where.path = path;
        return render(*result, where, 201);
      },
      std::move(respond));
}

}  // namespace

void add_queue_routes(http::Router& router, ApiContext& ctx) {
  using http::Method;
  const Groups groups = load_priority_groups(ctx.settings.templates_dir);
  const auto with_actor = [&ctx](auto f) {
    return authenticated(ctx, [&ctx, f](auto& r, const auto& a) { return f(ctx, r, a); });
  };
  const auto writing = [&ctx](auto f) {
    return authenticated_async(ctx, [&ctx, f](auto& r, const auto& a, http::Respond respond) {
      f(ctx, r, a, std::move(respond));
    });
  };

  router.add(Method::get, "/api/v1/queue/units/{unit}/kiosk", [&ctx, groups](http::HttpRequest& r) {
    return read_and_render(ctx, r, [&](store::SqlConnection& db) {
      return app::kiosk_view(db, r.path_params.at("unit"), *groups, ctx.now(), ctx.utc_offset());
    });
  });
  router.add_async(Method::post, "/api/v1/queue/units/{unit}/kiosk-tickets",
                   [&ctx, groups](http::HttpRequest& r, http::Respond respond) {
                     take_at_kiosk(ctx, groups, r, std::move(respond));
                   },
                   {.max_body_bytes = kSmallBody});
  router.add(Method::get, "/api/v1/queue/units/{unit}/display", [&ctx](http::HttpRequest& r) {
    auto response = read_and_render(ctx, r, [&](store::SqlConnection& db) {
      return app::hall_display(db, r.path_params.at("unit"), ctx.now(), ctx.utc_offset());
    });
    response.set_header("Cache-Control", "no-store");
    return response;
  });

  router.add_async(Method::post, "/api/v1/queue/units/{unit}/tickets",
                   writing([groups](ApiContext& c, http::HttpRequest& r, const app::Actor& a,
                                    http::Respond respond) {
                     decoded_write(
                         c, r, a, ticket_request_from_json,
                         [&c, a, groups, unit = r.path_params.at("unit")](
                             store::SqlConnection& db, const app::TicketRequest& in) {
                           return app::take_ticket(db, a, unit, in, *groups, c.now(),
                                                   c.utc_offset());
                         },
                         201, std::move(respond));
                   }),
                   {.max_body_bytes = kSmallBody});
  router.add(Method::get, "/api/v1/queue/counters",
             with_actor([](ApiContext& c, http::HttpRequest& r, const app::Actor& a) {
               return read_and_render(c, r, [&](store::SqlConnection& db) {
                 return app::my_counters(db, a, c.now(), c.utc_offset());
               });
             }));
  router.add_async(
      Method::post, "/api/v1/queue/counters/{id}/call-next",
      writing([](ApiContext& c, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        idempotent_write(
            c, r, a,
            [&c, a, id = r.path_params.at("id")](store::SqlConnection& db) {
              return app::call_next(db, a, id, c.now(), c.utc_offset());
            },
            200, std::move(respond));
      }));
  router.add_async(
      Method::post, "/api/v1/queue/tickets/{id}/recall",
      writing([](ApiContext& c, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        idempotent_write(
            c, r, a,
            [&c, a, id = r.path_params.at("id")](store::SqlConnection& db) {
              return app::recall_ticket(db, a, id, c.now(), c.utc_offset());
            },
            200, std::move(respond));
      }));
  router.add_async(
      Method::post, "/api/v1/queue/tickets/{id}/finish",
      writing([](ApiContext& c, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        decoded_write(
            c, r, a, ticket_outcome_from_json,
            [&c, a, id = r.path_params.at("id")](store::SqlConnection& db,
                                                 const std::string& outcome) {
              return app::finish_ticket(db, a, id, outcome, c.now(), c.utc_offset());
            },
            200, std::move(respond));
      }),
      {.max_body_bytes = kSmallBody});

  router.add_async(
      Method::post, "/api/v1/admin/queue/services",
      writing([](ApiContext& c, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        decoded_write(
            c, r, a, queue_service_from_json,
            [&c, a](store::SqlConnection& db, const app::NewQueueService& in) {
              return app::add_queue_service(db, a, in, c.now(), c.utc_offset());
            },
            201, std::move(respond));
      }),
      {.max_body_bytes = kSmallBody});
  router.add_async(
      Method::post, "/api/v1/admin/queue/counters",
      writing([](ApiContext& c, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        decoded_write(
            c, r, a, queue_counter_from_json,
            [&c, a](store::SqlConnection& db, const app::NewQueueCounter& in) {
              return app::add_queue_counter(db, a, in, c.now(), c.utc_offset());
            },
            201, std::move(respond));
      }),
      {.max_body_bytes = kSmallBody});

  router.add(Method::get, "/api/v1/admin/queue/units/{unit}",
             with_actor([](ApiContext& c, http::HttpRequest& r, const app::Actor& a) {
               return read_and_render(c, r, [&](store::SqlConnection& db) {
                 return app::queue_setup(db, a, r.path_params.at("unit"), c.now(), c.utc_offset());
               });
             }));
  router.add_async(
      Method::patch, "/api/v1/admin/queue/services/{id}",
      writing([](ApiContext& c, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        decoded_write(
            c, r, a, queue_service_change_from_json,
            [&c, a, id = r.path_params.at("id")](store::SqlConnection& db,
                                                 const app::QueueServiceChange& in) {
              return app::change_queue_service(db, a, id, in, c.now(), c.utc_offset());
            },
            200, std::move(respond));
      }),
      {.max_body_bytes = kSmallBody});
  router.add_async(
      Method::patch, "/api/v1/admin/queue/counters/{id}",
      writing([](ApiContext& c, http::HttpRequest& r, const app::Actor& a, http::Respond respond) {
        decoded_write(
            c, r, a, queue_counter_change_from_json,
            [&c, a, id = r.path_params.at("id")](store::SqlConnection& db,
                                                 const app::QueueCounterChange& in) {
              return app::change_queue_counter(db, a, id, in, c.now(), c.utc_offset());
            },
            200, std::move(respond));
      }),
      {.max_body_bytes = kSmallBody});

  router.add(Method::get, "/api/v1/statistics/queue",
             with_actor([](ApiContext& c, http::HttpRequest& r, const app::Actor& a) {
               const std::string unit(r.query_value("unit_id").value_or(""));
               const auto today = to_iso(to_local(c.now(), c.utc_offset()).date);
               const std::string from(r.query_value("from").value_or(today));
               const std::string to(r.query_value("to").value_or(today));
               return read_and_render(c, r, [&](store::SqlConnection& db) {
                 return app::queue_times(db, a, unit, from, to);
               });
             }));
}

}  // namespace motcua::api
