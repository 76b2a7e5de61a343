#include "http/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace motcua::http {
namespace {

bool valid_metric_name(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
                    (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

bool valid_label_name(std::string_view s) {
  if (s.empty() || s.starts_with("__")) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                    (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// Go's ParseFloat reads the shortest round-trip form, and the format names the special values.
void append_number(std::string& out, double v) {
  if (std::isnan(v)) {
    out += "NaN";
  } else if (std::isinf(v)) {
    out += v > 0 ? "+Inf" : "-Inf";
  } else {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
  }
}

// HELP text escapes backslash and newline; label values also escape the double quote.
void append_escaped(std::string& out, std::string_view s, bool quote) {
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (quote && c == '"') {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

// {a="x",b="y"} plus an optional extra pair (the histogram's le); nothing when there are no labels.
void append_labels(std::string& out, const std::vector<std::string>& names,
                   const std::vector<std::string>& values, std::string_view extra_name = {},
                   std::string_view extra_value = {}) {
  if (names.empty() && extra_name.empty()) return;
  out += '{';
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ',';
    out += names[i];
    out += "=\"";
    append_escaped(out, values[i], true);
    out += '"';
  }
  if (!extra_name.empty()) {
    if (!names.empty()) out += ',';
    out += extra_name;
    out += "=\"";
    out += extra_value;
    out += '"';
  }
  out += '}';
}

void atomic_add(std::atomic<double>& a, double amount) {
  a.fetch_add(amount, std::memory_order_relaxed);
}

}  // namespace

void Counter::inc(double amount) {
  if (!(amount >= 0)) throw std::invalid_argument("a counter only goes up");
  atomic_add(value_, amount);
}

void Gauge::inc(double amount) { atomic_add(value_, amount); }

Histogram::Histogram(std::vector<double> upper_bounds)
    : bounds_(std::move(upper_bounds)),
      buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {
  if (!std::is_sorted(bounds_.begin(), bounds_.end()) ||
      std::adjacent_find(bounds_.begin(), bounds_.end()) != bounds_.end()) {
    throw std::invalid_argument("histogram bounds must be strictly increasing");
  }
}

void Histogram::observe(double value) {
  // Buckets are "less than or equal": the first bound >= value.
  const auto it = std::lower_bound(bounds_.begin(), bounds_.end(), value);
  buckets_[static_cast<std::size_t>(it - bounds_.begin())].fetch_add(1, std::memory_order_relaxed);
  atomic_add(sum_, value);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot s;
  s.upper_bounds = bounds_;
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    s.cumulative.push_back(running);
  }
  s.count = running;
  s.sum = sum_.load(std::memory_order_relaxed);
  return s;
}

MetricFamilyBase::MetricFamilyBase(std::string name, std::string help,
                                   std::vector<std::string> label_names)
    : name_(std::move(name)), help_(std::move(help)), label_names_(std::move(label_names)) {}

void MetricFamilyBase::render(std::string& out) const {
  out += "# HELP ";
  out += name_;
  out += ' ';
  append_escaped(out, help_, false);
  out += "\n# TYPE ";
  out += name_;
  out += ' ';
  out += type();
  out += '\n';
  const std::lock_guard lock(mutex_);
  render_samples(out);
}

template <class Metric>
MetricFamily<Metric>::MetricFamily(std::string name, std::string help,
                                   std::vector<std::string> label_names,
                                   std::vector<double> buckets)
    : MetricFamilyBase(std::move(name), std::move(help), std::move(label_names)),
      buckets_(std::move(buckets)) {
  // A metric without labels exists from the start, so it is exposed as 0 before its first use.
  if (this->label_names().empty()) with(std::vector<std::string>{});
}

template <class Metric>
Metric& MetricFamily<Metric>::with(std::initializer_list<std::string_view> label_values) {
  return with(std::vector<std::string>(label_values.begin(), label_values.end()));
}

template <class Metric>
Metric& MetricFamily<Metric>::with(const std::vector<std::string>& label_values) {
  if (label_values.size() != label_names().size()) {
    throw std::invalid_argument("metric " + name() + ": wrong number of label values");
  }
  const std::lock_guard lock(mutex_);
  auto it = children_.find(label_values);
  if (it == children_.end()) {
    std::unique_ptr<Metric> child;
    if constexpr (std::is_same_v<Metric, Histogram>) {
      child = std::make_unique<Histogram>(buckets_);
    } else {
      child = std::make_unique<Metric>();
    }
    it = children_.emplace(label_values, std::move(child)).first;
  }
  return *it->second;
}

template <class Metric>
std::string_view MetricFamily<Metric>::type() const {
  if constexpr (std::is_same_v<Metric, Counter>) return "counter";
  if constexpr (std::is_same_v<Metric, Gauge>) return "gauge";
  return "histogram";
}

template <class Metric>
void MetricFamily<Metric>::render_samples(std::string& out) const {
  for (const auto& [values, child] : children_) {
    if constexpr (std::is_same_v<Metric, Histogram>) {
      const auto snap = child->snapshot();
      for (std::size_t i = 0; i < snap.cumulative.size(); ++i) {
        std::string le;
        append_number(le, i < snap.upper_bounds.size() ? snap.upper_bounds[i]
                                                       : std::numeric_limits<double>::infinity());
        out += name();
        out += "_bucket";
        append_labels(out, label_names(), values, "le", le);
        out += ' ';
        out += std::to_string(snap.cumulative[i]);
        out += '\n';
      }
      out += name();
      out += "_sum";
      append_labels(out, label_names(), values);
      out += ' ';
      append_number(out, snap.sum);
      out += '\n';
      out += name();
      out += "_count";
      append_labels(out, label_names(), values);
      out += ' ';
      out += std::to_string(snap.count);
      out += '\n';
    } else {
      out += name();
      append_labels(out, label_names(), values);
      out += ' ';
      append_number(out, child->value());
      out += '\n';
    }
  }
}

template class MetricFamily<Counter>;
template class MetricFamily<Gauge>;
template class MetricFamily<Histogram>;

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

template <class Family>
Family& Metrics::get_or_add(std::string_view name, std::string_view help,
                            std::vector<std::string> label_names, std::vector<double> buckets) {
  if (!valid_metric_name(name)) {
    throw std::invalid_argument("invalid metric name: " + std::string(name));
  }
  for (const auto& label : label_names) {
    if (!valid_label_name(label)) throw std::invalid_argument("invalid label name: " + label);
  }
  const std::lock_guard lock(mutex_);
  for (const auto& family : families_) {
    if (family->name() != name) continue;
    auto* same = dynamic_cast<Family*>(family.get());
    if (same == nullptr || same->label_names() != label_names || same->buckets_ != buckets) {
      throw std::invalid_argument("metric " + std::string(name) +
                                  " already registered with another type or labels");
    }
    return *same;
  }
  auto family = std::unique_ptr<Family>(
      new Family(std::string(name), std::string(help), std::move(label_names), std::move(buckets)));
  Family& ref = *family;
  families_.push_back(std::move(family));
  return ref;
}

CounterFamily& Metrics::counter(std::string_view name, std::string_view help,
                                std::vector<std::string> label_names) {
  return get_or_add<CounterFamily>(name, help, std::move(label_names), {});
}

GaugeFamily& Metrics::gauge(std::string_view name, std::string_view help,
                            std::vector<std::string> label_names) {
  return get_or_add<GaugeFamily>(name, help, std::move(label_names), {});
}

HistogramFamily& Metrics::histogram(std::string_view name, std::string_view help,
                                    std::vector<std::string> label_names,
                                    std::vector<double> buckets) {
  if (std::find(label_names.begin(), label_names.end(), "le") != label_names.end()) {
    throw std::invalid_argument("a histogram may not have a label named le");
  }
  Histogram check(buckets);  // validates the bounds before anything is registered
  return get_or_add<HistogramFamily>(name, help, std::move(label_names), std::move(buckets));
}

std::string Metrics::render() const {
  std::string out;
  const std::lock_guard lock(mutex_);
  for (const auto& family : families_) family->render(out);
  return out;
}

std::vector<double> Metrics::default_seconds_buckets() {
  return {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

}  // namespace motcua::http
