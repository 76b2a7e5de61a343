// The statistics read model (app/statistics/statistics_refresh.hpp, store/statistics_queries.hpp)
// against demo provinces of N dossiers: the first full build, the steady state of a public request
// (the staleness check, then the on-time aggregate), the incremental refresh after a few commands,
// and the leader's queries. Each database is built once per N by the demo generator (the real use
// cases, so real histories) into a temporary folder; that build is not timed. Figures and the
// command that produced them are in docs/performance.md ("Statistics").
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "app/accounts/accounts.hpp"
#include "app/dossier/dossier_service.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_refresh.hpp"
#include "codec/calendar_files.hpp"
#include "demo/demo.hpp"
#include "store/store.hpp"

namespace {

using namespace motcua;
namespace fs = std::filesystem;

const calendar::WorkingCalendar& vn_calendar() {
  static const auto cal = *codec::load_calendar(MOTCUA_SOURCE_DIR "/data/calendars/vn");
  return cal;
}

// A fixed present (Friday 20/11/2026, 15:00 Vietnam time) so every run builds the same province
// and asks about the same months. The demo's life stops an hour earlier; the commands of the
// incremental benchmark happen in that hour.
Instant query_now() { return from_local(date_from_ymd(2026, 11, 20), 15 * 3600, 420); }
Instant demo_present() { return Instant{query_now().seconds - 3600}; }

// Six months of receipt, the range a public request asks for by default.
app::StatisticsQuery six_months(std::string agency_id = {}) {
  app::StatisticsQuery q;
  q.group = "agency";
  q.from = "2026-06";
  q.to = "2026-11";
  q.agency_id = std::move(agency_id);
  return q;
}

// The commune whose leader asks the leader queries, and the reception desks of the demo's
// agencies (they may request and cancel a withdrawal on any open dossier of their unit).
constexpr const char* kLedAgency = "commune-14329";
constexpr const char* kLeader = "u-lanhdao.hoalu";
const std::map<std::string, std::string>& reception_of_agency() {
  static const std::map<std::string, std::string> m{{"commune-14329", "u-tiepnhan.hoalu"},
                                                    {"commune-14362", "u-tiepnhan.tamdiep"},
                                                    {"commune-14464", "u-tiepnhan.giavien"},
                                                    {"so-tu-phap-37", "u-tiepnhan.tinh"}};
  return m;
}

struct Movable {
  std::string dossier_id;
  std::string reception_id;
  bool withdrawal_pending = false;
};

// One demo province of N dossiers in its own temporary folder, removed at exit.
struct Province {
  fs::path dir;
  std::unique_ptr<store::Store> store;
  std::int64_t received = 0;     // dossiers with a receipt: the rows of the read model
  std::vector<Movable> movable;  // open dossiers, for the incremental benchmark
  std::size_t next_movable = 0;
  Seconds command_clock = 0;  // seconds after demo_present() of the next command

  ~Province() {
    store.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

Province& province(int dossiers) {
  static std::map<int, std::unique_ptr<Province>> built;
  auto& slot = built[dossiers];
  if (slot) return *slot;
  slot = std::make_unique<Province>();
  auto& p = *slot;
  const auto name =
      "motcua-stats-bench-" + std::to_string(::getpid()) + "-" + std::to_string(dossiers);
  p.dir = fs::temp_directory_path() / name;
  fs::remove_all(p.dir);
  fs::create_directories(p.dir);
  // The demo commits each dossier's life durably; on disk that is an fsync per dossier (minutes
  // for 50,000), so it is simulated in memory (tmpfs) and the closed file copied to disk, where
  // every measured commit pays its real fsync.
  const fs::path shm = "/dev/shm";
  const fs::path build_dir = fs::is_directory(shm) ? shm / name : p.dir / "build";
  fs::create_directories(build_dir);
  const auto started = std::chrono::steady_clock::now();
  {
    auto building = store::open_sqlite_store((build_dir / "province.db").string());
    app::DemoOptions options;
    options.data_dir = MOTCUA_SOURCE_DIR "/data";
    options.dossiers = dossiers;
    options.days_back = 365;  // a year of history; six months asked for hold about half of it
    options.report_dir = build_dir;
    const auto outcome = app::build_demo(*building, vn_calendar(), demo_present(), options);
    if (!outcome) {
      std::cerr << "statistics_bench: demo failed: " << outcome.error() << "\n";
      std::exit(1);
    }
    std::cerr << "statistics_bench: demo province of " << outcome->dossiers_created << " dossiers";
  }
  for (const char* suffix : {"", "-wal"}) {
    const auto from = build_dir / (std::string("province.db") + suffix);
    if (fs::exists(from)) fs::copy_file(from, p.dir / from.filename());
  }
  fs::remove_all(build_dir);
  p.store = store::open_sqlite_store((p.dir / "province.db").string());
  const auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  std::cerr << " built in " << static_cast<int>(took.count()) << " s\n";
  p.store->read([&](store::SqlConnection& db) {
    p.received =
        db.query_one("SELECT COUNT(*) FROM dossiers WHERE received_s IS NOT NULL")->integer(0);
    // Open dossiers: reception may request a withdrawal on any of them and cancel it again.
    for (const auto& r : db.query("SELECT id, agency_id FROM dossiers WHERE status IN "
                                  "('received', 'in_progress', 'awaiting_supplement', "
                                  "'awaiting_payment') ORDER BY id")) {
      const auto it = reception_of_agency().find(r.text(1));
      if (it != reception_of_agency().end()) p.movable.push_back({r.text(0), it->second});
    }
  });
  return p;
}

void count_dossiers(benchmark::State& state, const Province& p) {
  state.counters["dossiers"] = static_cast<double>(p.received);
}

// (a) The first build of the read model: every received dossier's log replayed and its rows
// written, in the production batches of 250 per durable commit.
void BM_FullRefresh(benchmark::State& state) {
  auto& p = province(static_cast<int>(state.range(0)));
  const auto& cal = vn_calendar();
  std::size_t rebuilt = 0;
  for (auto _ : state) {
    state.PauseTiming();
    p.store->write([](store::SqlConnection& db) {
      db.execute("DELETE FROM dossier_party_time");
      db.execute("DELETE FROM dossier_step_outcomes");
      db.execute("DELETE FROM dossier_outcomes");
    });
    state.ResumeTiming();
    rebuilt += app::refresh_statistics(*p.store, cal);
  }
  count_dossiers(state, p);
  state.SetItemsProcessed(static_cast<std::int64_t>(rebuilt));
}

void up_to_date(const Province& p) { app::refresh_statistics(*p.store, vn_calendar()); }

void on_time_request(const Province& p) {
  p.store->read([&](store::SqlConnection& db) {
    auto r = app::on_time_statistics(db, vn_calendar(), six_months(), query_now());
    if (!r) std::abort();
    benchmark::DoNotOptimize(r);
  });
}

// (b) What GET /statistics/on-time costs when nothing changed: the staleness check (finds nothing)
// and the per-agency, per-month aggregate over six months. Rendering JSON over HTTP is not counted.
void BM_SteadyOnTimeRequest(benchmark::State& state) {
  auto& p = province(static_cast<int>(state.range(0)));
  up_to_date(p);
  for (auto _ : state) {
    if (app::refresh_statistics(*p.store, vn_calendar()) != 0) std::abort();
    on_time_request(p);
  }
  count_dossiers(state, p);
}

// (b) split: the staleness check alone (an anti-join of every received dossier)...
void BM_StalenessCheck(benchmark::State& state) {
  auto& p = province(static_cast<int>(state.range(0)));
  up_to_date(p);
  for (auto _ : state) {
    if (app::refresh_statistics(*p.store, vn_calendar()) != 0) std::abort();
  }
  count_dossiers(state, p);
}

// ... and the aggregate alone.
void BM_OnTimeAggregate(benchmark::State& state) {
  auto& p = province(static_cast<int>(state.range(0)));
  up_to_date(p);
  for (auto _ : state) on_time_request(p);
  count_dossiers(state, p);
}

// (c) The same request after K = 10 dossiers each received one command (reception requests a
// withdrawal, or cancels the one it requested on the previous visit). The commands are not
// timed; the refresh rebuilds exactly those 10 dossiers in one durable commit.
constexpr std::size_t kChanged = 10;

void BM_OnTimeRequestAfter10Commands(benchmark::State& state) {
  auto& p = province(static_cast<int>(state.range(0)));
  if (p.movable.size() < kChanged) {
    state.SkipWithError("fewer than 10 dossiers in progress");
    return;
  }
  up_to_date(p);
  app::DossierService service(vn_calendar(),
                              [&p] { return Instant{demo_present().seconds + p.command_clock}; });
  for (auto _ : state) {
    state.PauseTiming();
    for (std::size_t k = 0; k < kChanged; ++k) {
      auto& m = p.movable[p.next_movable++ % p.movable.size()];
      ++p.command_clock;
      bool ok = false;
      p.store->write([&](store::SqlConnection& db) {
        const auto actor = app::load_actor(db, m.reception_id);
        const dossier::Command command =
            m.withdrawal_pending ? dossier::Command{dossier::CancelWithdrawal{}}
                                 : dossier::Command{dossier::RequestWithdrawal{"Benchmark"}};
        ok = actor && service.act(db, *actor, m.dossier_id, command).has_value();
      });
      if (!ok) {
        state.SkipWithError("a command was refused");
        return;
      }
      m.withdrawal_pending = !m.withdrawal_pending;
    }
    state.ResumeTiming();
    if (app::refresh_statistics(*p.store, vn_calendar()) != kChanged) std::abort();
    on_time_request(p);
  }
  count_dossiers(state, p);
  state.counters["changed"] = static_cast<double>(kChanged);
}

// (d) The leader's queries for one commune over six months (the route first runs the staleness
// check of BM_StalenessCheck, not counted here).
// Each leader query answers its own view type.
template <typename LeaderUseCase>
void leader_query(benchmark::State& state, LeaderUseCase use_case) {
  auto& p = province(static_cast<int>(state.range(0)));
  up_to_date(p);
  app::Actor leader;
  std::int64_t in_range = 0;
  p.store->read([&](store::SqlConnection& db) {
    leader = *app::load_actor(db, kLeader);
    in_range = db.query_one(
                     "SELECT COUNT(*) FROM dossier_outcomes WHERE agency_id = ? AND "
                     "received_month >= '2026-06'",
                     {std::string(kLedAgency)})
                   ->integer(0);
  });
  const auto q = six_months(kLedAgency);
  for (auto _ : state) {
    p.store->read([&](store::SqlConnection& db) {
      auto r = use_case(db, vn_calendar(), leader, q, query_now());
      if (!r) std::abort();
      benchmark::DoNotOptimize(r);
    });
  }
  count_dossiers(state, p);
  state.counters["agency_dossiers"] = static_cast<double>(in_range);
}
void BM_LeaderOfficials(benchmark::State& s) { leader_query(s, &app::official_statistics); }
void BM_LeaderOverdue(benchmark::State& s) { leader_query(s, &app::overdue_statistics); }
void BM_LeaderTimeUsed(benchmark::State& s) { leader_query(s, &app::time_used_statistics); }

// N = 50,000 takes minutes to simulate; skip it with --benchmark_filter='N:1000/|N:10000/'. Real
// time throughout: the store's writer thread does part of the work, and the run is pinned to one
// core, so wall clock is what a request waits.
void sizes(benchmark::internal::Benchmark* b) {
  b->ArgName("N")->Arg(1000)->Arg(10000)->Arg(50000)->UseRealTime();
}

BENCHMARK(BM_FullRefresh)->Apply(sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SteadyOnTimeRequest)->Apply(sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StalenessCheck)->Apply(sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_OnTimeAggregate)->Apply(sizes)->Unit(benchmark::kMillisecond);
// Few iterations: every visit adds an event to a dossier, and long histories would inflate replay.
BENCHMARK(BM_OnTimeRequestAfter10Commands)
    ->Apply(sizes)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(40);
BENCHMARK(BM_LeaderOfficials)->Apply(sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LeaderOverdue)->Apply(sizes)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LeaderTimeUsed)->Apply(sizes)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
