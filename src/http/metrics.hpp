// A small thread-safe metrics registry rendered in the Prometheus text exposition format 0.0.4.
//
//   Metrics metrics;                                   // one per process, passed to whoever
//   records auto& sent = metrics.counter("motcua_mail_sent_total", "Mails handed to the relay.",
//   {"kind"}); sent.with({"receipt"}).inc(); std::string page = metrics.render();              //
//   what GET /metrics returns
//
// There is no hidden global: the application owns one Metrics and passes it to the server and to
// the other layers. A family is created once (registering the same name again returns it when the
// type and labels agree) and lives as long as the registry; references to families and to their
// children stay valid, so hot paths may look a child up once and keep it.
#pragma once

#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::http {

class Counter {
 public:
  void inc(double amount = 1.0);  // amount must be >= 0 (std::invalid_argument otherwise)
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

class Gauge {
 public:
  void set(double value) { value_.store(value, std::memory_order_relaxed); }
  void inc(double amount = 1.0);
  void dec(double amount = 1.0) { inc(-amount); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

// Fixed buckets given by their upper bounds; +Inf is implicit.
class Histogram {
 public:
  explicit Histogram(std::vector<double> upper_bounds);
  void observe(double value);

  struct Snapshot {
    std::vector<double> upper_bounds;
    std::vector<std::uint64_t> cumulative;  // per bound, then +Inf (== count)
    double sum = 0.0;
    std::uint64_t count = 0;
  };
  // The count is the sum of the bucket counts read, so +Inf and _count always agree.
  Snapshot snapshot() const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1
  std::atomic<double> sum_{0.0};
};

// Shared by the three family types: identity and the text exposition of the children.
class MetricFamilyBase {
 public:
  virtual ~MetricFamilyBase() = default;
  const std::string& name() const { return name_; }
  const std::vector<std::string>& label_names() const { return label_names_; }
  virtual std::string_view type() const = 0;
  void render(std::string& out) const;

 protected:
  MetricFamilyBase(std::string name, std::string help, std::vector<std::string> label_names);
  // Appends the sample lines of every child; called with the family's mutex held.
  virtual void render_samples(std::string& out) const = 0;
  mutable std::mutex mutex_;

 private:
  std::string name_;
  std::string help_;
  std::vector<std::string> label_names_;
};

// All the series of one metric name, one child per distinct tuple of label values.
template <class Metric>
class MetricFamily final : public MetricFamilyBase {
 public:
  // The child for these label values (as many as label names; std::invalid_argument otherwise),
  // created on first use.
  Metric& with(std::initializer_list<std::string_view> label_values);
  Metric& with(const std::vector<std::string>& label_values);
  std::string_view type() const override;

 private:
  friend class Metrics;
  MetricFamily(std::string name, std::string help, std::vector<std::string> label_names,
               std::vector<double> buckets);
  void render_samples(std::string& out) const override;

  std::vector<double> buckets_;  // histograms only
  std::map<std::vector<std::string>, std::unique_ptr<Metric>> children_;
};

using CounterFamily = MetricFamily<Counter>;
using GaugeFamily = MetricFamily<Gauge>;
using HistogramFamily = MetricFamily<Histogram>;

class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Names must match [a-zA-Z_:][a-zA-Z0-9_:]*, label names [a-zA-Z_][a-zA-Z0-9_]* without a
  // leading "__" (and not "le" for histograms). Throws std::invalid_argument for a bad name or
  // when the name is already registered with another type, labels or buckets.
  CounterFamily& counter(std::string_view name, std::string_view help,
                         std::vector<std::string> label_names = {});
  GaugeFamily& gauge(std::string_view name, std::string_view help,
                     std::vector<std::string> label_names = {});
  HistogramFamily& histogram(std::string_view name, std::string_view help,
                             std::vector<std::string> label_names, std::vector<double> buckets);

  // The text exposition: families in registration order, series sorted by label values.
  std::string render() const;

  // Prometheus' usual latency buckets in seconds: 5 ms to 10 s.
  static std::vector<double> default_seconds_buckets();
  // Content-Type of render()'s output.
  static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

 private:
  template <class Family>
  Family& get_or_add(std::string_view name, std::string_view help,
                     std::vector<std::string> label_names, std::vector<double> buckets);

  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<MetricFamilyBase>> families_;
};

extern template class MetricFamily<Counter>;
extern template class MetricFamily<Gauge>;
extern template class MetricFamily<Histogram>;

}  // namespace motcua::http
