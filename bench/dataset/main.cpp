// motcua_dataset: years of realistic history in a demo province's database, for measuring reads at
// national scale (issue 17; docs/performance.md "Ten years of history").
//
//   motcua demo --db D --dossiers 0          # agencies, catalog, people: no dossiers
//   motcua_dataset --db D [--dossiers 10000000] [--years 10] [--seed 766] [--batch 2000]
//                  [--data data] [--shares data/bench/dataset-shares.json] [--resume]
//
// --resume continues a database that already holds dossiers (a run stopped part-way: each batch
// is one transaction, so a killed run loses at most its last batch) until it holds --dossiers.
//
// Every dossier lives through the real use cases (bench/dataset/life.hpp) in large write jobs on a
// bulk store (store::open_sqlite_bulk_store: synchronous=OFF, one transaction per batch); at the
// end the statistics read model is filled by the server's own refresh, the store is closed (which
// checkpoints the WAL into the file) and both hash chains are verified on a normal store. So the
// database is the one the API would have built, minus the random ids. After each batch the outbox
// is delivered and pruned as a province with working partner connections would have it
// (bench/dataset/delivery.hpp). Memory stays constant:
// nothing is kept per dossier. Progress goes to stderr; a JSON summary to stdout.
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/statistics/statistics_refresh.hpp"
#include "codec/calendar_files.hpp"
#include "codec/demo_config.hpp"
#include "delivery.hpp"
#include "life.hpp"
#include "store/audit_log.hpp"
#include "store/demo_rows.hpp"
#include "store/event_log.hpp"
#include "store/open_store.hpp"
#include "store/store.hpp"

namespace {

using namespace motcua;
namespace fs = std::filesystem;
namespace json = boost::json;

struct Options {
  std::string db;
  std::int64_t dossiers = 10'000'000;
  int years = 10;
  std::uint64_t seed = 766;
  int batch = 2000;
  std::string data = "data";
  std::string shares;                        // default: <data>/bench/dataset-shares.json
  std::string present = "2026-11-20T14:00";  // local time: a fixed present, so runs repeat
  bool resume = false;
};

int usage(const std::string& why) {
  std::cerr << "motcua_dataset: " << why
            << "\nusage: motcua_dataset --db PATH [--dossiers N] [--years Y] [--seed S] "
               "[--batch K] [--data DIR] [--shares FILE] [--present YYYY-MM-DDTHH:MM] "
               "[--resume]\n";
  return 2;
}

std::optional<std::string> read_text(const fs::path& p) {
  std::ifstream in(p);
  if (!in) return std::nullopt;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

json::object counts(const std::map<std::string, std::int64_t>& m) {
  json::object o;
  for (const auto& [k, v] : m) o[k] = v;
  return o;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--resume") {
      o.resume = true;
      continue;
    }
    if (i + 1 >= argc) return usage(a + " needs a value");
    const std::string v = argv[++i];
    try {
      if (a == "--db")
        o.db = v;
      else if (a == "--dossiers")
        o.dossiers = std::stoll(v);
      else if (a == "--years")
        o.years = std::stoi(v);
      else if (a == "--seed")
        o.seed = std::stoull(v);
      else if (a == "--batch")
        o.batch = std::stoi(v);
      else if (a == "--data")
        o.data = v;
      else if (a == "--shares")
        o.shares = v;
      else if (a == "--present")
        o.present = v;
      else
        return usage("unknown option " + a);
    } catch (const std::exception&) {
      return usage("bad value for " + a);
    }
  }
  if (o.db.empty()) return usage("--db is required");
  if (o.dossiers < 0 || o.years < 1 || o.batch < 1) return usage("counts must be positive");
  if (o.shares.empty()) o.shares = o.data + "/bench/dataset-shares.json";

  auto cal = codec::load_calendar(o.data + "/calendars/vn");
  if (!cal) return usage("calendar: " + cal.error());
  const auto config_text = read_text(fs::path(o.data) / "demo/ninh-binh.json");
  const auto shares_text = read_text(o.shares);
  if (!config_text || !shares_text) return usage("cannot read the demo config or " + o.shares);
  const auto config = codec::parse_demo_config(*config_text);
  if (!config) return usage("demo config: " + config.error());
  const auto shares = dataset::parse_shares(*shares_text);
  if (!shares) return usage(o.shares + ": " + shares.error());
  if (o.present.size() != 16) return usage("--present must read YYYY-MM-DDTHH:MM");
  const Date present_day =
      date_from_ymd(std::stoi(o.present.substr(0, 4)), std::stoi(o.present.substr(5, 2)),
                    std::stoi(o.present.substr(8, 2)));
  const Instant present = from_local(
      present_day,
      std::stoi(o.present.substr(11, 2)) * 3600 + std::stoi(o.present.substr(14, 2)) * 60,
      cal->utc_offset_minutes());
  // Arrivals start `years` back, or at the calendar's first day when it covers less (the Vietnam
  // calendar of data/calendars/vn starts in 2020): the legal clock cannot run before it.
  Date first_day = present_day - o.years * 365;
  if (!cal->contains(first_day)) {
    std::cerr << "motcua_dataset: the calendar starts on " << to_iso(cal->first_date()) << ", so "
              << "the history starts there, not " << o.years << " years back\n";
    first_day = cal->first_date();
  }

  // The demo province without dossiers (catalog, agencies, people) is ~21 MB: the size per
  // dossier counts only what the load adds.
  const auto bytes_before = fs::exists(o.db) ? fs::file_size(o.db) : 0;
  const auto started = std::chrono::steady_clock::now();
  dataset::Tally tally;
  dataset::Delivered outbox;
  std::int64_t added = 0;  // dossiers this run adds (all of them unless resuming)
  {
    auto store = store::open_store_for_bulk_load(o.db);
    std::int64_t existing = 0;
    std::string problem;
    dataset::Lives lives(*cal, *config, *shares, present, first_day, o.seed);
    store->read([&](store::SqlConnection& db) {
      existing = store::count_dossiers(db);
      problem = lives.load(db);
    });
    if (!problem.empty()) return usage(problem);
    if (lives.first_day() != first_day) {
      first_day = lives.first_day();
      std::cerr << "motcua_dataset: the demo's agencies exist from " << to_iso(first_day)
                << ": the history starts there\n";
    }
    if (existing > 0 && !o.resume)
      return usage("the database already has dossiers (start from --dossiers 0, or --resume)");
    if (existing > 0) {
      lives.resume_after(existing);
      std::cerr << "motcua_dataset: resuming after " << existing << " dossiers\n";
    }
    added = std::max<std::int64_t>(0, o.dossiers - existing);
    auto last_report = started;
    for (std::int64_t done = 0; done < added;) {
      const auto n = std::min<std::int64_t>(o.batch, added - done);
      store->write([&](store::SqlConnection& db) {
        for (std::int64_t i = 0; i < n; ++i) lives.live_one(db, tally);
      });
      store->write([&](store::SqlConnection& db) {
        const auto d = dataset::deliver_and_prune(db, present, cal->utc_offset_minutes());
        outbox.delivered += d.delivered;
        outbox.pruned += d.pruned;
      });
      done += n;
      const auto now = std::chrono::steady_clock::now();
      if (now - last_report > std::chrono::seconds(5) || done == added) {
        last_report = now;
        const double rate = static_cast<double>(done) / seconds_since(started);
        std::cerr << "motcua_dataset: " << existing + done << "/" << o.dossiers << " dossiers, "
                  << static_cast<std::int64_t>(rate) << "/s, ETA "
                  << static_cast<std::int64_t>(static_cast<double>(added - done) / rate) << " s\n";
      }
    }
    const auto loaded = std::chrono::steady_clock::now();
    std::cerr << "motcua_dataset: filling the statistics read model\n";
    const auto rebuilt = app::refresh_statistics(*store, *cal);
    std::cerr << "motcua_dataset: " << rebuilt << " outcome rows in "
              << static_cast<std::int64_t>(seconds_since(loaded)) << " s; checkpointing\n";
  }  // closing the bulk store checkpoints the WAL into the database file
  const double load_seconds = seconds_since(started);

  // Verified on a normal store: what a server opening the file would see.
  auto store = store::open_store(o.db, 1);
  store::ChainCheck events, audit;
  store->read([&](store::SqlConnection& db) {
    events = store::verify_chain(db);
    audit = store::verify_audit_chain(db);
  });
  const auto bytes = fs::file_size(o.db);
  const double per_second = load_seconds > 0 ? static_cast<double>(added) / load_seconds : 0.0;
  std::cout << json::serialize(
                   json::object{{"dossiers", o.dossiers},
                                {"added", added},
                                {"from", to_iso(first_day)},
                                {"present", to_iso(present, cal->utc_offset_minutes())},
                                {"seed", o.seed},
                                {"seconds", load_seconds},
                                {"dossiers_per_second", per_second},
                                {"database_bytes", bytes},
                                {"bytes_per_dossier",
                                 added > 0 ? (bytes - std::min(bytes, bytes_before)) / added : 0},
                                {"by_channel", counts(tally.by_channel)},
                                {"by_status", counts(tally.by_status)},
                                {"rated", tally.rated},
                                {"refused_creation", tally.refused_creation},
                                {"outbox_delivered", outbox.delivered},
                                {"outbox_pruned", outbox.pruned},
                                {"events_checked", events.events_checked},
                                {"event_chain_ok", events.ok()},
                                {"audit_chain_ok", audit.ok()}})
            << "\n";
  return events.ok() && audit.ok() ? 0 : 1;
}
