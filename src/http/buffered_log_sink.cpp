#include "http/buffered_log_sink.hpp"

#include <unistd.h>

#include <cerrno>

namespace motcua::http {

BufferedFdSink::BufferedFdSink(int fd, std::chrono::milliseconds interval, std::size_t max_buffer)
    : fd_(fd), interval_(interval), max_buffer_(max_buffer) {
  buffer_.reserve(max_buffer_ + 1024);
  flusher_ = std::thread([this] { run_flusher(); });
}

BufferedFdSink::~BufferedFdSink() {
  {
    std::lock_guard lock(stop_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  flusher_.join();
  std::lock_guard lock(mutex_);
  write_out();
}

void BufferedFdSink::sink_it_(const spdlog::details::log_msg& msg) {
  buffer_.append(msg.payload.data(), msg.payload.size());
  buffer_.push_back('\n');
  if (buffer_.size() >= max_buffer_ || msg.level >= spdlog::level::warn) write_out();
}

void BufferedFdSink::flush_() { write_out(); }

void BufferedFdSink::write_out() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const auto n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    // A closed or full log must not stop the server: what cannot be written is dropped.
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void BufferedFdSink::run_flusher() {
  std::unique_lock lock(stop_mu_);
  while (!stopping_) {
    stop_cv_.wait_for(lock, interval_, [this] { return stopping_; });
    flush();
  }
}

}  // namespace motcua::http
