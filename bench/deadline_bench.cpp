// Due-date computations per second on one core (goal: at least 10 million). Figures and the command
// that produced them are in docs/performance.md.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "codec/calendar_files.hpp"
#include "codec/clock_json.hpp"
#include "domain/clock/deadline.hpp"
#include "domain/clock/legal_clock.hpp"

namespace {

using namespace motcua;

const calendar::WorkingCalendar& vn_calendar() {
  static const auto cal = *codec::load_calendar(MOTCUA_SOURCE_DIR "/data/calendars/vn");
  return cal;
}

// Receipt instants spread over 2020-2030, at any minute of the day, so branches are not predicted.
std::vector<Instant> receipts() {
  std::mt19937_64 rng(42);
  const std::int64_t from = from_local(date_from_ymd(2020, 1, 1), 0, 420).seconds;
  const std::int64_t to = from_local(date_from_ymd(2030, 12, 1), 0, 420).seconds;
  std::uniform_int_distribution<std::int64_t> pick(from, to);
  std::vector<Instant> out(4096);
  for (auto& t : out) t = Instant{pick(rng) / 60 * 60};
  return out;
}

void due_dates(benchmark::State& state, clock::TimeLimit limit, clock::DeadlineRule rule) {
  const auto& cal = vn_calendar();
  const auto instants = receipts();
  std::size_t i = 0;
  for (auto _ : state) {
    auto d = clock::compute_deadline(cal, instants[i++ & 4095], limit, rule);
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_DueDateStandardWorkingDays(benchmark::State& state) {
  due_dates(state, {10, clock::LimitUnit::working_days}, clock::DeadlineRule::standard);
}
void BM_DueDateCivilCodeWorkingDays(benchmark::State& state) {
  due_dates(state, {10, clock::LimitUnit::working_days}, clock::DeadlineRule::civil_code);
}
void BM_DueDateCalendarDays(benchmark::State& state) {
  due_dates(state, {15, clock::LimitUnit::calendar_days}, clock::DeadlineRule::standard);
}
void BM_DueDateWorkingHours(benchmark::State& state) {
  due_dates(state, {8, clock::LimitUnit::working_hours}, clock::DeadlineRule::standard);
}

void BM_WorkingTimeBetween(benchmark::State& state) {
  const auto& cal = vn_calendar();
  const auto instants = receipts();
  std::size_t i = 0;
  for (auto _ : state) {
    auto d = cal.working_time_between(instants[i & 4095], instants[(i + 1) & 4095]);
    ++i;
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ClockReplayWithPauseAndSteps(benchmark::State& state) {
  const auto& cal = vn_calendar();
  const auto input = *codec::parse_clock_input(
      R"({"limit":"10 working-days","rule":"civil-code","events":[
        {"at":"2026-03-02T10:00","type":"received"},
        {"at":"2026-03-02T10:30","type":"step_started","step":"Thẩm định","party":"official:a","budget":"5 working-days"},
        {"at":"2026-03-04T10:00","type":"supplement_requested"},
        {"at":"2026-03-10T10:00","type":"supplement_completed"},
        {"at":"2026-03-16T09:00","type":"step_started","step":"Phê duyệt","party":"leader","budget":"2 working-days"},
        {"at":"2026-03-23T15:00","type":"finished"}]})",
      420);
  for (auto _ : state) {
    auto r = clock::replay(cal, input);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_LoadCalendar(benchmark::State& state) {
  for (auto _ : state) {
    auto cal = codec::load_calendar(MOTCUA_SOURCE_DIR "/data/calendars/vn");
    benchmark::DoNotOptimize(cal);
  }
}

BENCHMARK(BM_DueDateStandardWorkingDays);
BENCHMARK(BM_DueDateCivilCodeWorkingDays);
BENCHMARK(BM_DueDateCalendarDays);
BENCHMARK(BM_DueDateWorkingHours);
BENCHMARK(BM_WorkingTimeBetween);
BENCHMARK(BM_ClockReplayWithPauseAndSteps);
BENCHMARK(BM_LoadCalendar)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
