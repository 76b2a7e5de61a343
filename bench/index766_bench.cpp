// Time to compute the Decision 766 index (app::index_766: the facts query over the read model and
// the scoring) for a province of 100,000 received dossiers. A small demo province gives the real
// agencies, procedures and processes; the 100,000 dossiers are then seeded through the store
// (dossier rows, read-model outcome rows, a portal sync row each, papers for online ones) spread
// over twelve months, which is not timed. Figure and command: docs/performance.md ("Decision 766").
// The public scoreboard (one index per agency under the province, and one agency's twelve months)
// is timed on the same province: docs/performance.md ("Public scoreboard").
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app/statistics/scoreboard.hpp"
#include "app/statistics/statistics.hpp"
#include "app/statistics/statistics_refresh.hpp"
#include "codec/calendar_files.hpp"
#include "demo/demo.hpp"
#include "store/dossier_repository.hpp"
#include "store/index_766_queries.hpp"
#include "store/outbox.hpp"
#include "store/paper_repository.hpp"
#include "store/statistics_queries.hpp"
#include "store/store.hpp"

namespace {

using namespace motcua;
namespace fs = std::filesystem;

constexpr int kDossiers = 100000;

const calendar::WorkingCalendar& vn_calendar() {
  static const auto cal = *codec::load_calendar(MOTCUA_SOURCE_DIR "/data/calendars/vn");
  return cal;
}

Instant query_now() { return from_local(date_from_ymd(2026, 11, 20), 15 * 3600, 420); }

struct Province {
  fs::path dir;
  std::unique_ptr<store::Store> store;
  ~Province() {
    store.reset();
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

Province& province() {
  static auto held = [] {
    auto owned = std::make_unique<Province>();
    auto& built = *owned;
    const fs::path shm = "/dev/shm";
    built.dir = (fs::is_directory(shm) ? shm : fs::temp_directory_path()) /
                ("motcua-766-bench-" + std::to_string(::getpid()));
    fs::create_directories(built.dir);
    built.store = store::open_sqlite_store((built.dir / "province.db").string());
    app::DemoOptions options;
    options.data_dir = MOTCUA_SOURCE_DIR "/data";
    options.dossiers = 50;
    options.days_back = 30;
    options.report_dir = built.dir;
    if (!app::build_demo(*built.store, vn_calendar(), Instant{query_now().seconds - 3600},
                         options)) {
      std::cerr << "index766_bench: demo failed\n";
      std::exit(1);
    }
    return owned;
  }();
  auto& p = *held;
  static bool seeded = false;
  if (seeded) return p;
  seeded = true;
  std::vector<std::pair<std::string, std::string>> kinds;  // (agency, procedure) of the demo
  p.store->read([&](store::SqlConnection& db) {
    for (const auto& r : db.query("SELECT DISTINCT agency_id, procedure_code FROM dossiers"))
      kinds.emplace_back(r.text(0), r.text(1));
  });
  const char* outcomes[] = {"early", "on_time", "on_time", "late", "open"};
  constexpr int kBatch = 2000;
  for (int start = 0; start < kDossiers; start += kBatch) {
    p.store->write([&](store::SqlConnection& db) {
      for (int i = start; i < start + kBatch; ++i) {
        const auto& [agency, procedure] = kinds[static_cast<std::size_t>(i) % kinds.size()];
        const std::string id = "bench-" + std::to_string(i);
        const int month = 1 + i % 12;
        const auto received = from_local(date_from_ymd(2026, month, 10), 9 * 3600, 420);
        const bool online = i % 3 != 0;
        store::DossierRecord d;
        d.id = id;
        d.code = "BENCH-" + std::to_string(i);
        d.procedure_code = procedure;
        d.agency_id = agency;
        d.applicant_name = "Bench";
        d.applicant_folded = "bench";
        d.channel = online ? "online" : "counter";
        d.status = "received";
        d.received_at = to_iso(received, 420);
        d.version = 1;
        d.document = "{}";
        d.created_at = d.updated_at = *d.received_at;
        store::insert_dossier(db, d);
        store::OutcomeRow o;
        o.dossier_id = id;
        o.version = 1;
        o.agency_id = agency;
        o.procedure_code = procedure;
        o.channel = d.channel;
        o.received_s = received.seconds;
        o.received_month = d.received_at->substr(0, 7);
        o.outcome = outcomes[i % 5];
        if (o.outcome != "open") o.finished_s = received.seconds + 86400;
        o.overdue_from_s = received.seconds + 5 * 86400;
        // The facts first: replace_outcome reads them into the outcome row and the rollup, as
        // the statistics refresh does.
        store::enqueue_outbox(db, "national_portal.sync", id + ":1:dvcqg", "{}", *d.received_at,
                              received.seconds, id);
        if (online) {
          store::insert_paper(db, {id + "-p", id, "Tờ khai", "to-khai.pdf", "application/pdf", 1000,
                                   "00", "bench", *d.received_at, ""});
        }
        store::replace_outcome(db, o, {}, {});
        store::clear_stale_outcome(db, id);
      }
    });
  }
  // The demo's own dossiers, as a statistics request would find them.
  app::refresh_statistics(*p.store, vn_calendar());
  return p;
}

app::StatisticsQuery year(std::string agency_id = {}) {
  app::StatisticsQuery q;
  q.from = "2026-01";
  q.to = "2026-12";
  q.agency_id = std::move(agency_id);
  return q;
}

void BM_Index766Province(benchmark::State& state) {
  auto& p = province();
  for (auto _ : state) {
    p.store->read([&](store::SqlConnection& db) {
      auto r = app::index_766(db, vn_calendar(), year(), query_now());
      if (!r) state.SkipWithError("index_766 failed");
      benchmark::DoNotOptimize(r);
    });
  }
  p.store->read([&](store::SqlConnection& db) {
    state.counters["dossiers"] =
        static_cast<double>(db.query_one("SELECT COUNT(*) FROM dossier_outcomes")->integer(0));
  });
}
BENCHMARK(BM_Index766Province)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);

// What the rollup path reads of the dossiers alone: the monthly counters, the open rows at the
// time of the query, the first result per procedure (store::index_766_counts).
void BM_Index766CountsOnly(benchmark::State& state) {
  auto& p = province();
  const store::OutcomeScope scope{"2026-01", "2026-12", {}, true};
  for (auto _ : state) {
    p.store->read([&](store::SqlConnection& db) {
      auto c = store::index_766_counts(db, scope, "", query_now().seconds);
      benchmark::DoNotOptimize(c);
    });
  }
}
BENCHMARK(BM_Index766CountsOnly)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(20);

// The same figure from one row per dossier (the path before the rollup, kept for the drill-down).
void BM_Index766ProvinceFromRows(benchmark::State& state) {
  auto& p = province();
  for (auto _ : state) {
    p.store->read([&](store::SqlConnection& db) {
      auto r = app::index_766_from_rows(db, vn_calendar(), year(), query_now());
      if (!r) state.SkipWithError("index_766_from_rows failed");
      benchmark::DoNotOptimize(r);
    });
  }
  // Both paths must give the same figures: a bench of a wrong answer is worthless.
  p.store->read([&](store::SqlConnection& db) {
    const auto rollup = app::index_766(db, vn_calendar(), year(), query_now());
    const auto rows = app::index_766_from_rows(db, vn_calendar(), year(), query_now());
    bool same = rollup && rows && rollup->total == rows->total &&
                rollup->groups.size() == rows->groups.size();
    for (std::size_t g = 0; same && g < rows->groups.size(); ++g) {
      const auto& a = rollup->groups[g];
      const auto& b = rows->groups[g];
      same = a.points == b.points && a.missing_inputs == b.missing_inputs &&
             a.indices.size() == b.indices.size();
      for (std::size_t i = 0; same && i < b.indices.size(); ++i) {
        same = a.indices[i].numerator == b.indices[i].numerator &&
               a.indices[i].denominator == b.indices[i].denominator &&
               a.indices[i].value == b.indices[i].value &&
               a.indices[i].points == b.indices[i].points;
      }
    }
    if (!same) state.SkipWithError("the rollup and the rows disagree");
    state.counters["total"] = rows ? rows->total : 0;
  });
}
BENCHMARK(BM_Index766ProvinceFromRows)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

void BM_Scoreboard(benchmark::State& state) {
  auto& p = province();
  std::size_t agencies = 0;
  for (auto _ : state) {
    p.store->read([&](store::SqlConnection& db) {
      auto r = app::scoreboard(db, vn_calendar(), year(), query_now());
      if (!r) state.SkipWithError("scoreboard failed");
      agencies = r ? r->agencies.size() : 0;
      benchmark::DoNotOptimize(r);
    });
  }
  state.counters["agencies"] = static_cast<double>(agencies);
}
BENCHMARK(BM_Scoreboard)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The agency with the most dossiers: its twelve months, one index per month.
void BM_ScoreboardHistory(benchmark::State& state) {
  auto& p = province();
  std::string busiest;
  p.store->read([&](store::SqlConnection& db) {
    auto board = app::scoreboard(db, vn_calendar(), year(), query_now());
    std::int64_t most = -1;
    for (const auto& a : board->agencies) {
      if (a.received > most) {
        most = a.received;
        busiest = a.id;
      }
    }
    state.counters["dossiers"] = static_cast<double>(most);
  });
  for (auto _ : state) {
    p.store->read([&](store::SqlConnection& db) {
      auto r = app::scoreboard_history(db, vn_calendar(), busiest, "12", query_now());
      if (!r) state.SkipWithError("history failed");
      benchmark::DoNotOptimize(r);
    });
  }
}
BENCHMARK(BM_ScoreboardHistory)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
