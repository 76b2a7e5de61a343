// Durable writes per second through the SQLite store (WAL, synchronous=FULL): one writer thread
// merges concurrent jobs into shared commits, so throughput grows with the number of callers while
// each call still returns only once its change is on disk. Figures in docs/performance.md.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>

#include "store/event_log.hpp"
#include "store/store.hpp"

namespace {

using namespace motcua;

store::Store& shared_store() {
  static std::once_flag once;
  static std::unique_ptr<store::Store> instance;
  std::call_once(once, [] {
    const auto dir =
        std::filesystem::temp_directory_path() / ("motcua-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    instance = store::open_sqlite_store((dir / "bench.db").string());
    instance->write([](store::SqlConnection& db) {
      db.execute(
          "INSERT INTO agencies(id, code, name, kind, valid_from) VALUES ('a', 'A', 'A', 'x', "
          "'2025-07-01')");
      db.execute(
          "INSERT INTO dossiers(id, procedure_code, procedure_version, agency_id, applicant_name, "
          "applicant_folded, channel, status, version, document, created_text, updated_text) "
          "VALUES "
          "('d', 'p', 1, 'a', 'n', 'n', 'online', 'submitted', 1, '{}', 't', 't')");
    });
  });
  return *instance;
}

// The event both benchmarks append: one dossier transition's log entry.
store::EventDraft accepted_event() {
  return {"d",
          "dossier_accepted",
          "u",
          "reception",
          "2026-03-02T10:00:00+07:00",
          "",
          "submitted",
          "received",
          R"({"dossier_code":"X-260302-0001"})"};
}

// One event appended to the hash chain per write job: the cost of one dossier transition's log.
void BM_DurableEventAppend(benchmark::State& state) {
  auto& store = shared_store();
  const store::EventDraft e = accepted_event();
  for (auto _ : state) {
    store.write([&](store::SqlConnection& db) { store::append_event(db, e); });
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_DurableEventAppend)->Threads(1)->UseRealTime();
BENCHMARK(BM_DurableEventAppend)->Threads(8)->UseRealTime();
BENCHMARK(BM_DurableEventAppend)->Threads(32)->UseRealTime();

// The server's way (Store::submit): one thread keeps `range(0)` jobs in flight without waiting for
// any of them, as io threads do with many connections' writes; each completion starts the next.
void BM_SubmittedEventAppend(benchmark::State& state) {
  auto& store = shared_store();
  const store::EventDraft e = accepted_event();
  const auto in_flight = static_cast<std::int64_t>(state.range(0));
  std::mutex mu;
  std::condition_variable cv;
  std::int64_t done = 0;
  std::int64_t submitted = 0;
  const auto before = store.stats();
  for (auto _ : state) {
    ++submitted;
    store.submit([&](store::SqlConnection& db) { store::append_event(db, e); },
                 [&](std::exception_ptr) {
                   std::lock_guard lock(mu);
                   ++done;
                   cv.notify_one();
                 });
    std::unique_lock lock(mu);
    // At most `in_flight` queued: wait for room before the next iteration submits.
    cv.wait(lock, [&] { return submitted - done < in_flight; });
  }
  std::unique_lock lock(mu);
  cv.wait(lock, [&] { return done == submitted; });
  const auto after = store.stats();
  state.counters["jobs_per_commit"] =
      static_cast<double>(after.write_jobs - before.write_jobs) /
      static_cast<double>(std::max<std::uint64_t>(1, after.commits - before.commits));
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_SubmittedEventAppend)->Arg(1)->Arg(8)->Arg(64)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
