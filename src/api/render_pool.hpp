// A few threads of their own for CPU-bound answers (PDF rendering): the io threads only hand the
// job over and later send the bytes, so a 20-page tracking book never holds up other requests.
// Bounded: when `max_queued` jobs wait already, submit() refuses and the caller answers 503.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace motcua::api {

class RenderPool {
 public:
  RenderPool(std::size_t threads, std::size_t max_queued);
  ~RenderPool();  // finishes the queued jobs, then joins
  RenderPool(const RenderPool&) = delete;
  RenderPool& operator=(const RenderPool&) = delete;

  bool submit(std::function<void()> job);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::size_t max_queued_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace motcua::api
