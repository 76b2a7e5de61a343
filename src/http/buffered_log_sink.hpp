// A log sink that gathers lines in memory and writes them to a file descriptor (stderr) in one
// write(2) per batch: when the buffer passes a size, when a warning or error is logged, every
// `interval` from a small flusher thread, and when the sink is destroyed. spdlog's stderr sink
// flushes after every line, which made the access log one system call per request under a lock
// the io threads share (docs/performance.md, "CPU per state change"). The price: on a crash
// (SIGKILL, power loss) the last `interval` of info lines may be lost; warnings and errors are
// never held back.
#pragma once

#include <spdlog/sinks/base_sink.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace motcua::http {

class BufferedFdSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  BufferedFdSink(int fd, std::chrono::milliseconds interval, std::size_t max_buffer);
  ~BufferedFdSink() override;
  BufferedFdSink(const BufferedFdSink&) = delete;
  BufferedFdSink& operator=(const BufferedFdSink&) = delete;

 protected:
  // The message's text as is, one line each: the lines are already JSON (no pattern applies).
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override;

 private:
  void write_out();  // with the base sink's mutex held
  void run_flusher();

  int fd_;
  std::chrono::milliseconds interval_;
  std::size_t max_buffer_;
  std::string buffer_;
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread flusher_;
};

}  // namespace motcua::http
