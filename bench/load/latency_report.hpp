// Latency and outcome of every request, by kind, and the report: one JSON line (stdout) and a
// table for people (stderr). Percentiles are exact (every sample is kept): a run of a minute at
// 5,000/s keeps 300,000 doubles.
#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <string>
#include <vector>

namespace motcua::load {

struct KindStats {
  std::vector<double> latencies_ms;  // answered requests, 2xx or not
  std::uint64_t ok = 0;
  std::map<std::string, std::uint64_t> errors;  // "503", "422", "no answer", ...
  bool state_change = false;
};

class LatencyReport {
 public:
  void record(const std::string& kind, bool state_change, double ms, int status);
  // Everything measured, with `run` (mode, clients, rate, seconds) merged in.
  boost::json::object to_json(boost::json::object run, double seconds);
  std::string table(double seconds);

 private:
  std::map<std::string, KindStats> kinds_;
};

}  // namespace motcua::load
