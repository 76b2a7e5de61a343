// motcua serve [--db PATH] [--listen 127.0.0.1:8080]: the one-stop server. Once listening it prints
// one JSON line on stdout ({"status":"listening","url":...}) and serves until SIGINT or SIGTERM,
// then stops gracefully (requests in flight finish).
#include <signal.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "api/routes.hpp"
#include "app/admin/key_register.hpp"
#include "app/delivery/outbox_admin.hpp"
#include "app/exchange/instance_key.hpp"
#include "app/imports/document_upgrade.hpp"
#include "app/payments/refunds.hpp"
#include "app/webhooks/webhook_secrets.hpp"
#include "cli/anchor_timer.hpp"
#include "cli/calendar_follower.hpp"
#include "cli/calendar_option.hpp"
#include "cli/command.hpp"
#include "cli/db_option.hpp"
#include "cli/delivery_job.hpp"
#include "cli/delivery_options.hpp"
#include "cli/edge_options.hpp"
#include "cli/keys_in_use.hpp"
#include "cli/oidc_options.hpp"
#include "cli/payment_options.hpp"
#include "cli/portal_job.hpp"
#include "cli/waking_store.hpp"
#include "cli/warning_job.hpp"
#include "codec/iso_time.hpp"
#include "codec/retention_rules.hpp"
#include "http/builtin_routes.hpp"
#include "http/metrics.hpp"
#include "http/server.hpp"
#include "integrations/vnpay/refund_adapter.hpp"
#include "store/database_url.hpp"
#include "store/health.hpp"
#include "store/installation_settings.hpp"
#include "store/outbox.hpp"

namespace motcua::cli {

namespace {

// The retention periods (data/retention.json, next to the templates directory as the evaluation
// rules are): the defaults are the file's values (codec/retention_rules_test.cpp); a file that does
// not parse stops the server, since deleting by a misread period cannot be undone.
codec::RetentionRules load_retention_rules(const std::string& templates_dir) {
  const auto path = std::filesystem::path(templates_dir).parent_path() / "retention.json";
  std::ifstream in(path);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = codec::parse_retention_rules(text.str());
  if (!parsed) throw std::runtime_error(path.string() + ": " + parsed.error());
  return *parsed;
}

struct ServeArgs {
  DbOption db;
  CalendarOption calendar;
  std::string listen = "127.0.0.1:8080";
  std::string static_dir = "web/dist";
  bool insecure_cookies = false;
  bool single_session = false;
  std::string rate_limits = "on";
  int threads = 0;
  std::string fake_now;  // tests and demonstrations only: a frozen clock
  std::string uploads_dir = "var/uploads";
  std::string public_url;  // origin printed in QR codes; empty: the request's Host
  int calendar_check_ms = 5000;
  int warnings_every_s = 300;
  DeliveryOptions delivery;
  int portal_pull_every_s = 60;
  int portal_reconcile_every_s = 86400;
  int anchor_every_s = 3600;  // 0: no periodic anchor (cli/anchor_timer.hpp)
  std::string anchor_key;
  std::string anchors_file;
  std::string post_secret;             // the public postal service's callback signing secret
  std::string second_factor_key_file;  // key sealing officials' TOTP secrets
  DeliveryEngineOptions delivery_engine;
  PaymentOptions payment;
  std::string signing_dir;  // <agency-code>.p12 and .password per agency (documents/signing)
  OidcOptions oidc;
  EdgeOptions edge;
};

// An origin to print on paper: http(s)://host[:port][/prefix], nothing a browser would misread.
bool valid_public_url(const std::string& url) {
  if (!url.starts_with("https://") && !url.starts_with("http://")) return false;
  const auto rest = url.substr(url.find("://") + 3);
  return !rest.empty() && rest.find_first_of(" \t\r\n\"'<>?#") == std::string::npos;
}

calendar::CalendarOptions calendar_options(const ServeArgs& args) {
  calendar::CalendarOptions options;
  options.include_pending_holidays = args.calendar.include_pending;
  return options;
}

Instant system_now() {
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count()};
}

int run_serve(const ServeArgs& args) {
  const auto colon = args.listen.rfind(':');
  if (colon == std::string::npos) return bad_input("--listen must be ADDRESS:PORT");
  http::ServerConfig config;
  config.address = args.listen.substr(0, colon);
  try {
    const int port = std::stoi(args.listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    config.port = static_cast<std::uint16_t>(port);
  } catch (const std::exception&) {
    return bad_input("--listen has an invalid port: " + args.listen);
  }
  if (args.threads > 0) config.threads = args.threads;
  config.static_dir = args.static_dir;
  http::BuiltinRoutesOptions builtin;
  if (auto edge = apply_edge_options(args.edge, config, builtin); !edge) {
    return bad_input(edge.error());
  }
  auto cal = args.calendar.load();
  if (!cal) return bad_input(cal.error());
  auto store = args.db.open();
  // As `motcua migrate` does: procedure documents stored in an older shape are read again.
  store->write([](store::SqlConnection& db) { app::upgrade_procedure_documents(db); });
  if (!args.fake_now.empty()) {
    bool demo = false;
    store->read([&](store::SqlConnection& db) { demo = store::is_demo_database(db); });
    if (!demo) {
      return bad_input(
          "--fake-now chỉ dùng với cơ sở dữ liệu do `motcua demo` tạo. / --fake-now is only "
          "allowed on a database built by `motcua demo` (a frozen clock would give false dates "
          "to real dossiers).");
    }
  }

  // Block the stop signals before any thread starts, so that only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  api::ApiSettings settings;
  settings.secure_cookies = !args.insecure_cookies;
  settings.older_sessions =
      args.single_session ? app::OlderSessions::ended : app::OlderSessions::kept;
  settings.uploads_dir = args.uploads_dir;
  if (!args.public_url.empty() && !valid_public_url(args.public_url)) {
    return bad_input(
        "--public-url must be an http:// or https:// origin, e.g. https://dvc.example.vn");
  }
  settings.public_url = args.public_url;
  settings.post_callback_secret = args.post_secret;
  auto gateway = payment_gateway(args.payment);
  if (!gateway) return bad_input(gateway.error());
  settings.payment_gateway = std::move(*gateway);
  if (!args.signing_dir.empty() && !std::filesystem::is_directory(args.signing_dir))
    return bad_input("--signing-dir: " + args.signing_dir + " is not a folder");
  settings.signing_keys = std::make_shared<documents::signing::SigningKeys>(args.signing_dir);
  auto oidc = oidc_settings(args.oidc);
  if (!oidc) return bad_input(oidc.error());
  settings.oidc = std::move(*oidc);
  if (!args.delivery.webhook_key_file.empty()) {
    auto key = app::load_or_create_webhook_key(args.delivery.webhook_key_file);
    if (!key) return bad_input(key.error().detail);
    settings.webhook_key = std::move(*key);
  }
  if (!args.second_factor_key_file.empty()) {
    // The webhook secrets' sealing, with a key of its own (app/accounts/second_factor.hpp).
    auto key = app::load_or_create_webhook_key(args.second_factor_key_file);
    if (!key) return bad_input(key.error().detail);
    settings.second_factor_key = std::move(*key);
  }
  if (!args.delivery.instance_id.empty()) {
    if (args.delivery.instance_key.empty())
      return bad_input("--instance-id needs --instance-key FILE (created on first use)");
    auto self = app::exchange::load_or_create_instance_key(args.delivery.instance_key,
                                                           args.delivery.instance_id);
    if (!self) return bad_input(self.error().detail);
    settings.exchange = std::move(*self);
  }
  app::NowFunction now = system_now;
  if (!args.fake_now.empty()) {
    auto frozen = codec::parse_iso_instant(args.fake_now, cal->utc_offset_minutes());
    if (!frozen) return bad_input(frozen.error());
    now = [t = *frozen] { return t; };
  }
  // Years an administrator imported override the data files (app/calendar/calendar_admin.hpp); open
  // dossiers whose stored due dates no longer follow the calendar (a data file changed with an
  // upgrade, say) are brought up to date before serving.
  auto active = std::make_unique<app::ActiveCalendar>(std::move(*cal), calendar_options(args));
  std::int64_t recomputed = 0;
  // Another server on the same database may import a calendar year while this one runs: follow
  // it. The fingerprint is taken before the stored years are read below, so an import landing in
  // between is caught by the first periodic check.
  auto calendar_follower = std::make_unique<CalendarFollower>(
      *store, *active, std::chrono::milliseconds(args.calendar_check_ms));
  try {
    calendar_follower->follow();
    std::map<int, calendar::YearSchedule> stored;
    store->read([&](store::SqlConnection& db) { stored = app::stored_years(db); });
    if (!stored.empty()) {
      auto built = active->build(stored);
      if (!built) return bad_input("stored calendar years: " + built.error());
      active->publish(std::move(*built));
    }
    const auto current = active->snapshot();
    const std::string now_iso = to_iso(now(), current->utc_offset_minutes());
    store->write([&](store::SqlConnection& db) {
      recomputed = static_cast<std::int64_t>(
          app::recompute_open_dossiers(db, *current, true, now_iso).size());
    });
  } catch (const store::StoreError& e) {
    return bad_input(e.what());
  }
  const int utc_offset = active->snapshot()->utc_offset_minutes();
  // Keys swapped on disk since the last start leave a row in the audit chain (issue 18 point 8).
  const auto keys = keys_in_use(
      {anchor_paths(args.db.resolved(), args.anchor_key, args.anchors_file).key_file,
       args.delivery.webhook_key_file, args.second_factor_key_file, args.delivery.instance_key,
       config.tls_certificate_file, config.tls_private_key_file, args.signing_dir});
  store->write([&](store::SqlConnection& db) {
    app::record_keys_in_use(db, keys, to_iso(now(), utc_offset));
  });
  auto delivery = args.delivery;
  delivery.public_url = args.public_url;
  delivery.uploads_dir = args.uploads_dir;
  auto adapters = delivery_adapters(delivery, *store);
  // Refunds go back through the payment gateway the server takes payments with.
  adapters[app::payments::kRefundTopic] =
      std::make_shared<integrations::VnpayRefundAdapter>(settings.payment_gateway);
  if (args.delivery_engine.unconfigured == "drop") {
    // Only topics with an adapter that says it cannot deliver: a topic no adapter serves here
    // (another component's) keeps its rows.
    std::vector<std::string> skipped;
    for (const auto& [topic, adapter] : adapters) {
      if (adapter && !adapter->configured()) skipped.push_back(topic);
    }
    store::set_outbox_skipped_topics(std::move(skipped));
  }
  http::Metrics metrics;
  // The outbox's workers, one per configured topic (cli/delivery_job.hpp), write through the plain
  // store; the API's writes go through one that wakes them after each commit. Stopped before the
  // store closes, after the server has stopped taking requests. They keep the real clock even under
  // --fake-now: leases and retry waits are about the partner's time, not the legal clock's (a
  // frozen clock would never let a failed message come due again).
  DeliveryJob delivery_job(*store, adapters, system_now,
                           engine_settings(args.delivery_engine, utc_offset), args.delivery_engine,
                           metrics);
  WakingStore api_store(*store, [&delivery_job] { delivery_job.wake(); });
  api::ApiContext ctx(api_store, std::move(active), now, settings);
  if (args.rate_limits == "off") ctx.rate_limits.switch_off();
  ctx.delivery_adapters = adapters;
  ctx.follow_calendar = [follower = calendar_follower.get()] { follower->follow(); };
  // Stopped before ctx (which owns the calendar it publishes to) is destroyed, however this ends.
  struct StopFollowing {
    CalendarFollower& follower;
    ~StopFollowing() { follower.stop(); }
  } stop_following{*calendar_follower};
  calendar_follower->start();
  // Warnings before a breach and escalations (app/warnings/due_warnings.hpp), every few minutes.
  // The same sweep applies the retention rules (app/admin/retention.hpp).
  WarningJob warnings(*store, *ctx.calendars, now, std::chrono::seconds(args.warnings_every_s),
                      load_retention_rules(ctx.settings.templates_dir), ctx.settings.uploads_dir);
  warnings.start();
  // The National Public Service Portal link (cli/portal_job.hpp), when a portal is configured.
  std::unique_ptr<PortalJob> portal_job;
  if (!args.delivery.portal_url.empty()) {
    portal_job = std::make_unique<PortalJob>(*store, *ctx.calendars, now, args.delivery.portal_url,
                                             std::chrono::seconds(args.portal_pull_every_s),
                                             std::chrono::seconds(args.portal_reconcile_every_s));
    portal_job->start();
  }
  std::unique_ptr<AnchorTimer> anchor_timer;
  if (args.anchor_every_s > 0) {
    anchor_timer = std::make_unique<AnchorTimer>(
        *store, anchor_paths(args.db.resolved(), args.anchor_key, args.anchors_file),
        std::chrono::seconds(args.anchor_every_s));
  }
  delivery_job.start();
  http::Router router;
  // Readiness: a reader connection answers a trivial query.
  const auto database_answers = [&] {
    bool ok = false;
    store->read([&](store::SqlConnection& db) { ok = store::ping(db); });
    return ok;
  };
  builtin.health_checks.push_back({"database", database_answers});
  // Each outbox topic: configured or not (and where to), waiting, retrying, dead, oldest age.
  builtin.details.push_back(
      {"outbox", [&] {
         std::vector<app::delivery::OutboxTopicView> topics;
         store->read([&](store::SqlConnection& db) {
           topics = app::delivery::outbox_topics(db, ctx.delivery_adapters, now().seconds);
         });
         boost::json::object out;
         for (const auto& t : topics) {
           out[t.topic] = boost::json::object{{"configured", t.configured},
                                              {"endpoint", t.endpoint},
                                              {"pending", t.pending},
                                              {"retrying", t.retrying},
                                              {"dead", t.dead},
                                              {"oldest_pending_age_s", t.oldest_pending_age_s}};
         }
         return boost::json::value(std::move(out));
       }});
  http::add_builtin_routes(router, metrics, builtin);
  api::add_api_routes(router, ctx);
  http::HttpServer server(config, router, metrics);
  server.start();
  const std::string scheme = config.tls_certificate_file.empty() ? "http://" : "https://";
  print_json(
      boost::json::object{{"status", "listening"},
                          {"url", scheme + config.address + ":" + std::to_string(server.port())},
                          {"port", server.port()},
                          {"database", store::printable_database(args.db.resolved())},
                          {"dossiers_recomputed", recomputed}});
  std::cout.flush();
  int received = 0;
  sigwait(&stop_signals, &received);
  server.stop();
  delivery_job.stop();
  return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, Action& action) {
  auto args = std::make_shared<ServeArgs>();
  auto* cmd = app.add_subcommand("serve", "Run the one-stop server");
  args->db.add_to(*cmd);
  args->calendar.add_to(*cmd);
  cmd->add_option("--listen", args->listen, "ADDRESS:PORT to listen on (port 0: any free port)");
  cmd->add_option("--static-dir", args->static_dir, "Folder of the built web application");
  cmd->add_option("--threads", args->threads, "I/O threads (default: one per core)");
  cmd->add_option("--uploads-dir", args->uploads_dir,
                  "Folder of uploaded papers, content-addressed (default: var/uploads)");
  cmd->add_option("--fake-now", args->fake_now,
                  "Freeze the clock at this instant (databases built by motcua demo only)");
  cmd->add_option("--public-url", args->public_url,
                  "Public origin printed in QR codes, e.g. https://dichvucong.ninhbinh.gov.vn "
                  "(default: the Host the browser used)")
      ->envname("MOTCUA_PUBLIC_URL");
  cmd->add_option("--calendar-check-ms", args->calendar_check_ms,
                  "How often to look for a calendar imported through another server sharing the "
                  "database, in milliseconds (default: 5000)")
      ->check(CLI::Range(100, 3600000));
  add_delivery_options(*cmd, args->delivery);
  cmd->add_option("--portal-pull-every-s", args->portal_pull_every_s,
                  "Seconds between pulls of the portal's dossiers (with --portal-url)")
      ->check(CLI::Range(1, 86400));
  cmd->add_option("--portal-reconcile-every-s", args->portal_reconcile_every_s,
                  "Seconds between reconciliations with the portal (default: a day)")
      ->check(CLI::Range(1, 604800));
  cmd->add_option("--warnings-every-s", args->warnings_every_s,
                  "How often to write due-soon warnings and escalations to the outbox, in "
                  "seconds (default: 300)")
      ->check(CLI::Range(1, 86400));
  cmd->add_option("--anchor-every", args->anchor_every_s,
                  "Seconds between signed anchors of the event and audit logs (default: 3600; 0: "
                  "none; see motcua anchor)")
      ->check(CLI::Range(0, 86400 * 7));
  cmd->add_option("--anchor-key", args->anchor_key,
                  "Ed25519 key file for anchors (default: <db>.anchor-key)")
      ->envname("MOTCUA_ANCHOR_KEY");
  cmd->add_option("--anchors-file", args->anchors_file,
                  "JSON-lines file of anchors (default: <db>.anchors.jsonl)")
      ->envname("MOTCUA_ANCHORS_FILE");
  cmd->add_option("--post-secret", args->post_secret,
                  "Secret the public postal service signs its status callbacks with "
                  "(HMAC-SHA256; prefer the environment variable, which ps does not show)")
      ->envname("MOTCUA_POST_SECRET");
  cmd->add_option("--second-factor-key-file", args->second_factor_key_file,
                  "File of the key that seals officials' TOTP secrets (created on first use)")
      ->envname("MOTCUA_SECOND_FACTOR_KEY_FILE");
  add_delivery_engine_options(*cmd, args->delivery_engine);
  add_payment_options(*cmd, args->payment);
  cmd->add_option("--signing-dir", args->signing_dir,
                  "Folder of the agencies' signing keys: <agency-code>.p12 (PKCS#12 from the CA) "
                  "and <agency-code>.password; results and notices are then signed (PAdES)")
      ->envname("MOTCUA_SIGNING_DIR");
  add_oidc_options(*cmd, args->oidc);
  add_edge_options(*cmd, args->edge);
  cmd->add_option("--rate-limits", args->rate_limits,
                  "on (default): per-client limits on tracking, search, feedback and uploads; off: "
                  "none (load tests on loopback)")
      ->check(CLI::IsMember({"on", "off"}))
      ->envname("MOTCUA_RATE_LIMITS");
  cmd->add_flag("--single-session", args->single_session,
                "A login ends the user's other sessions (one device at a time)")
      ->envname("MOTCUA_SINGLE_SESSION");
  cmd->add_flag("--insecure-cookies", args->insecure_cookies,
                "Send the session cookie without Secure (only for plain HTTP on a non-local host)");
  cmd->callback([args, &action] { action = [args] { return run_serve(*args); }; });
}

}  // namespace motcua::cli
