// The server's periodic anchor (cli/log_anchoring.hpp): a thread writes one every period until
// stopped. A failure (key file, disk, database) is reported on stderr and retried at the next
// period: serving dossiers does not depend on it, and verify-log shows any gap between anchors.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "cli/log_anchoring.hpp"
#include "store/store.hpp"

namespace motcua::cli {

class AnchorTimer {
 public:
  AnchorTimer(store::Store& store, AnchorPaths paths, std::chrono::seconds period);
  ~AnchorTimer();
  AnchorTimer(const AnchorTimer&) = delete;
  AnchorTimer& operator=(const AnchorTimer&) = delete;
  // Idempotent; waits for an anchor being written.
  void stop();

 private:
  store::Store& store_;
  AnchorPaths paths_;
  std::chrono::seconds period_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace motcua::cli
