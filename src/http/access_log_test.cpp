#include "http/access_log.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <unistd.h>

#include <boost/json/parse.hpp>

#include "http/buffered_log_sink.hpp"

namespace motcua::http {
namespace {

TEST(AccessLogLine, IsOneJsonObjectWithEveryFieldEscaped) {
  AccessRecord r;
  r.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1773280800123));
  r.request_id = "id\"with\\quote";
  r.method = "GET";
  r.path = "/api/v1/track/a\x01\tb";
  r.route = "/api/v1/track/{code}";
  r.status = 404;
  r.bytes = 1234;
  r.duration_ms = 0.2126;
  r.remote = "127.0.0.1";
  const std::string line = access_log_line(r);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto entry = boost::json::parse(line).as_object();
  EXPECT_EQ(entry.at("time"), "2026-03-12T02:00:00.123Z");
  EXPECT_EQ(entry.at("level"), "info");
  EXPECT_EQ(entry.at("msg"), "request");
  EXPECT_EQ(entry.at("request_id"), "id\"with\\quote");
  EXPECT_EQ(entry.at("method"), "GET");
  EXPECT_EQ(entry.at("path"), "/api/v1/track/a\x01\tb");
  EXPECT_EQ(entry.at("route"), "/api/v1/track/{code}");
  EXPECT_EQ(entry.at("status"), 404);
  EXPECT_EQ(entry.at("bytes"), 1234);
  EXPECT_DOUBLE_EQ(entry.at("duration_ms").to_number<double>(), 0.213);
  EXPECT_EQ(entry.at("remote"), "127.0.0.1");
}

// What the pipe holds now, without waiting.
std::string drain(int fd) {
  std::string out;
  char buf[4096];
  for (;;) {
    const auto n = ::read(fd, buf, sizeof buf);
    if (n <= 0) return out;
    out.append(buf, static_cast<std::size_t>(n));
  }
}

// Info lines wait in memory (one write for many); an error goes out at once with what came
// before it, and nothing is left behind when the sink is destroyed.
TEST(BufferedFdSink, HoldsInfoLinesAndWritesThemWithAnErrorOrAtTheEnd) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
  {
    auto sink = std::make_shared<BufferedFdSink>(fds[1], std::chrono::hours(1), 1 << 20);
    spdlog::logger logger("test", sink);
    logger.log(spdlog::level::info, "{\"n\":1}");
    EXPECT_EQ(drain(fds[0]), "");
    logger.log(spdlog::level::err, "{\"n\":2}");
    EXPECT_EQ(drain(fds[0]), "{\"n\":1}\n{\"n\":2}\n");
    logger.log(spdlog::level::info, "{\"n\":3}");
    EXPECT_EQ(drain(fds[0]), "");
  }
  EXPECT_EQ(drain(fds[0]), "{\"n\":3}\n");
  ::close(fds[0]);
  ::close(fds[1]);
}

// Without errors, the flusher writes the held lines within its interval.
TEST(BufferedFdSink, WritesHeldLinesWithinItsInterval) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
  std::string got;
  {
    auto sink = std::make_shared<BufferedFdSink>(fds[1], std::chrono::milliseconds(10), 1 << 20);
    spdlog::logger logger("test", sink);
    logger.log(spdlog::level::info, "{\"n\":1}");
    for (int i = 0; i < 500 && got.empty(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      got = drain(fds[0]);
    }
  }
  EXPECT_EQ(got, "{\"n\":1}\n");
  ::close(fds[0]);
  ::close(fds[1]);
}

// No ID or phone number a path may carry reaches the log (docs/security.md "Personal data at
// rest"): they are masked, the rest of the line is as it was.
TEST(AccessLog, IdAndPhoneNumbersInThePathAreMasked) {
  AccessRecord r;
  r.method = "GET";
  r.path = "/api/v1/people/079090001234/phones/0912345689";
  r.route = "/api/v1/people/{id}/phones/{phone}";
  r.status = 404;
  const std::string line = access_log_line(r);
  EXPECT_EQ(line.find("079090001234"), std::string::npos) << line;
  EXPECT_EQ(line.find("0912345689"), std::string::npos) << line;
  EXPECT_NE(line.find("\"path\":\"/api/v1/people/0*********34/phones/0*******89\""),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("\"route\":\"/api/v1/people/{id}/phones/{phone}\""), std::string::npos);
}

}  // namespace
}  // namespace motcua::http
