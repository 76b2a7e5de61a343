#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace motcua::http {
namespace {

TEST(Metrics, CounterWithLabelsRendersHelpTypeAndSortedSeries) {
  Metrics m;
  auto& sent = m.counter("motcua_mail_sent_total", "Mails handed to the relay.", {"kind"});
  sent.with({"receipt"}).inc();
  sent.with({"receipt"}).inc(2);
  sent.with({"apology"}).inc();
  EXPECT_EQ(m.render(),
            "# HELP motcua_mail_sent_total Mails handed to the relay.\n"
            "# TYPE motcua_mail_sent_total counter\n"
            "motcua_mail_sent_total{kind=\"apology\"} 1\n"
            "motcua_mail_sent_total{kind=\"receipt\"} 3\n");
}

TEST(Metrics, UnlabelledMetricIsExposedFromTheStart) {
  Metrics m;
  auto& g = m.gauge("motcua_queue_depth", "Jobs waiting.");
  EXPECT_EQ(m.render(),
            "# HELP motcua_queue_depth Jobs waiting.\n"
            "# TYPE motcua_queue_depth gauge\n"
            "motcua_queue_depth 0\n");
  g.with({}).set(2.5);
  g.with({}).dec();
  EXPECT_DOUBLE_EQ(g.with({}).value(), 1.5);
}

TEST(Metrics, EscapesLabelValuesAndHelp) {
  Metrics m;
  m.counter("x_total", "Line one\nback\\slash", {"path"}).with({"a\"b\\c\nd"}).inc();
  EXPECT_EQ(m.render(),
            "# HELP x_total Line one\\nback\\\\slash\n"
            "# TYPE x_total counter\n"
            "x_total{path=\"a\\\"b\\\\c\\nd\"} 1\n");
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics m;
  auto& h = m.histogram("req_seconds", "Latency.", {"route"}, {0.1, 0.5, 1});
  auto& child = h.with({"/a"});
  child.observe(0.05);
  child.observe(0.1);  // bounds are inclusive
  child.observe(0.7);
  child.observe(3);
  EXPECT_EQ(m.render(),
            "# HELP req_seconds Latency.\n"
            "# TYPE req_seconds histogram\n"
            "req_seconds_bucket{route=\"/a\",le=\"0.1\"} 2\n"
            "req_seconds_bucket{route=\"/a\",le=\"0.5\"} 2\n"
            "req_seconds_bucket{route=\"/a\",le=\"1\"} 3\n"
            "req_seconds_bucket{route=\"/a\",le=\"+Inf\"} 4\n"
            "req_seconds_sum{route=\"/a\"} 3.85\n"
            "req_seconds_count{route=\"/a\"} 4\n");
}

TEST(Metrics, RegistrationIsIdempotentAndChecked) {
  Metrics m;
  auto& a = m.counter("a_total", "A.", {"x"});
  EXPECT_EQ(&m.counter("a_total", "A.", {"x"}), &a);
  EXPECT_THROW(m.counter("a_total", "A.", {"y"}), std::invalid_argument);
  EXPECT_THROW(m.gauge("a_total", "A.", {"x"}), std::invalid_argument);
  EXPECT_THROW(m.counter("1bad", "B."), std::invalid_argument);
  EXPECT_THROW(m.counter("bad-name", "B."), std::invalid_argument);
  EXPECT_THROW(m.counter("ok_total", "B.", {"__reserved"}), std::invalid_argument);
  EXPECT_THROW(m.histogram("h", "H.", {"le"}, {1}), std::invalid_argument);
  EXPECT_THROW(m.histogram("h", "H.", {}, {1, 1}), std::invalid_argument);
  EXPECT_THROW(a.with({}), std::invalid_argument);  // wrong number of label values
  EXPECT_THROW(a.with({"v"}).inc(-1), std::invalid_argument);
}

TEST(Metrics, ConcurrentIncrementsAreNotLost) {
  Metrics m;
  auto& c = m.counter("hits_total", "Hits.", {"t"});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&c] {
      for (int i = 0; i < 10000; ++i) c.with({"same"}).inc();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(c.with({"same"}).value(), 40000.0);
}

}  // namespace
}  // namespace motcua::http
