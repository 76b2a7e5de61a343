// motcua deliver --once --db DB [delivery options]: the delivery engine run once (for cron and
// tests): every due outbox row of every configured topic goes to its partner, then the command
// prints what happened per topic as JSON and exits. `motcua serve` runs the same engine
// continuously (cli/delivery_job.hpp).
#include <boost/json.hpp>
#include <chrono>

#include "app/delivery/delivery_engine.hpp"
#include "cli/calendar_option.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "cli/delivery_job.hpp"
#include "cli/delivery_options.hpp"
#include "store/outbox.hpp"

namespace motcua::cli {

namespace {

struct DeliverArgs {
  DbOption db;
  CalendarOption calendar;
  DeliveryOptions delivery;
  DeliveryEngineOptions engine;
  bool once = false;
};

Instant system_now() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()};
}

int run_deliver(const DeliverArgs& args) {
  if (!args.once) {
    return bad_input(
        "motcua deliver chạy một lần: thêm --once (máy chủ tự gửi liên tục). / "
        "motcua deliver runs once: add --once (motcua serve delivers continuously).");
  }
  // Only for the times written on the rows (the installation's offset from UTC).
  auto cal = args.calendar.load();
  if (!cal) return bad_input(cal.error());
  auto store = args.db.open();
  const auto adapters = delivery_adapters(args.delivery, *store);
  const auto settings = engine_settings(args.engine, cal->utc_offset_minutes());
  const auto tallies = app::delivery::deliver_due(*store, adapters, system_now, settings);
  std::vector<store::OutboxTopicCounts> counts;
  store->read([&](store::SqlConnection& db) { counts = store::outbox_counts(db); });
  boost::json::object topics;
  for (const auto& [topic, adapter] : adapters) {
    const auto& t = tallies.at(topic);
    boost::json::object row{{"configured", adapter->configured()},
                            {"endpoint", adapter->endpoint()},
                            {"delivered", t.delivered},
                            {"retried", t.retried},
                            {"dead", t.dead},
                            {"lost", t.lost},
                            {"pending_now", 0},
                            {"dead_now", 0}};
    topics[topic] = std::move(row);
  }
  for (const auto& c : counts) {
    if (!topics.contains(c.topic)) {
      topics[c.topic] = boost::json::object{{"configured", false}, {"endpoint", "no adapter"},
                                            {"delivered", 0},      {"retried", 0},
                                            {"dead", 0},           {"lost", 0}};
    }
    auto& row = topics[c.topic].as_object();
    row["pending_now"] = c.pending;
    row["dead_now"] = c.dead;
  }
  return print_json(boost::json::object{{"worker", settings.worker}, {"topics", topics}});
}

}  // namespace

void add_deliver_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<DeliverArgs>();
  auto* cmd = app.add_subcommand("deliver", "Deliver the due outbox messages to their partners");
  args->db.add_to(*cmd);
  args->calendar.add_to(*cmd);
  add_delivery_options(*cmd, args->delivery);
  add_delivery_engine_options(*cmd, args->engine);
  cmd->add_option("--uploads-dir", args->delivery.uploads_dir,
                  "Folder of uploaded papers, sent with exchanges to partners (default: "
                  "var/uploads)");
  cmd->add_flag("--once", args->once, "Deliver every due message once, then exit");
  cmd->callback([args, &action] { action = [args] { return run_deliver(*args); }; });
}

}  // namespace motcua::cli
