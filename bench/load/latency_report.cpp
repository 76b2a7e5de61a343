#include "latency_report.hpp"

#include <algorithm>
#include <cstdio>

namespace motcua::load {

namespace {

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

std::uint64_t error_count(const KindStats& k) {
  std::uint64_t n = 0;
  for (const auto& [_, count] : k.errors) n += count;
  return n;
}

double round3(double v) {
  return static_cast<double>(static_cast<long long>(v * 1000 + 0.5)) / 1000;
}

}  // namespace

void LatencyReport::record(const std::string& kind, bool state_change, double ms, int status) {
  auto& k = kinds_[kind];
  k.state_change = state_change;
  if (status != 0) k.latencies_ms.push_back(ms);
  if (status / 100 == 2) {
    ++k.ok;
  } else {
    ++k.errors[status == 0 ? std::string("no answer") : std::to_string(status)];
  }
}

boost::json::object LatencyReport::to_json(boost::json::object run, double seconds) {
  boost::json::object kinds;
  std::uint64_t ok = 0, errors = 0, changes = 0;
  for (auto& [name, k] : kinds_) {
    boost::json::object errs;
    for (const auto& [what, count] : k.errors) errs[what] = count;
    kinds[name] = {
        {"ok", k.ok},
        {"errors", error_count(k)},
        {"per_second", round3(static_cast<double>(k.ok) / seconds)},
        {"p50_ms", round3(percentile(k.latencies_ms, 0.50))},
        {"p99_ms", round3(percentile(k.latencies_ms, 0.99))},
        {"p999_ms", round3(percentile(k.latencies_ms, 0.999))},
        {"max_ms", round3(k.latencies_ms.empty()
                              ? 0
                              : *std::max_element(k.latencies_ms.begin(), k.latencies_ms.end()))},
        {"error_kinds", std::move(errs)}};
    ok += k.ok;
    errors += error_count(k);
    if (k.state_change) changes += k.ok;
  }
  run["seconds"] = round3(seconds);
  run["requests_ok"] = ok;
  run["errors"] = errors;
  run["requests_per_second"] = round3(static_cast<double>(ok) / seconds);
  run["state_changes"] = changes;
  run["state_changes_per_second"] = round3(static_cast<double>(changes) / seconds);
  run["kinds"] = std::move(kinds);
  return run;
}

std::string LatencyReport::table(double seconds) {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "%-14s %9s %8s %9s %9s %9s %9s\n", "kind", "ok", "errors",
                "per s", "p50 ms", "p99 ms", "p999 ms");
  out += line;
  for (auto& [name, k] : kinds_) {
    std::snprintf(line, sizeof line, "%-14s %9llu %8llu %9.1f %9.2f %9.2f %9.2f\n",
                  (name + (k.state_change ? " *" : "")).c_str(),
                  static_cast<unsigned long long>(k.ok),
                  static_cast<unsigned long long>(error_count(k)),
                  static_cast<double>(k.ok) / seconds, percentile(k.latencies_ms, 0.50),
                  percentile(k.latencies_ms, 0.99), percentile(k.latencies_ms, 0.999));
    out += line;
  }
  out += "(* a durable state change; latency from the scheduled start in open loop)\n";
  return out;
}

}  // namespace motcua::load
