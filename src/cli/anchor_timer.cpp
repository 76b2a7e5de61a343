#include "cli/anchor_timer.hpp"

#include <iostream>

namespace motcua::cli {

AnchorTimer::AnchorTimer(store::Store& store, AnchorPaths paths, std::chrono::seconds period)
    : store_(store), paths_(std::move(paths)), period_(period) {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    for (;;) {
      if (wake_.wait_for(lock, period_, [this] { return stopping_; })) return;
      lock.unlock();
      try {
        write_anchor(store_, paths_);
      } catch (const std::exception& e) {
        std::cerr << "motcua serve: cannot write the log anchor: " << e.what() << "\n";
      }
      lock.lock();
    }
  });
}

AnchorTimer::~AnchorTimer() { stop(); }

void AnchorTimer::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace motcua::cli
