#include "store/sqlite/wal_checkpointer.hpp"

#include <pthread.h>
#include <sqlite3.h>

#include <cstdio>

#include "store/sqlite/sqlite_connection.hpp"

namespace motcua::store {

WalCheckpointer::WalCheckpointer(const std::string& path, int synchronous)
    : db_(std::make_unique<SqliteConnection>(path, SqliteConnection::Mode::read_write)) {
  db_->execute_script("PRAGMA synchronous=" + std::to_string(synchronous) + ";");
  thread_ = std::thread([this] { loop(); });
  // Named, so that profiles and /proc tell it from the writer (motcua-writer).
  pthread_setname_np(thread_.native_handle(), "motcua-ckpt");
}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void WalCheckpointer::committed(sqlite3* writer, int wal_pages) {
  if (wal_pages >= kHardBoundPages) {
    // The thread is behind (or readers keep it from finishing): the writer takes its turn.
    sqlite3_wal_checkpoint_v2(writer, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    return;
  }
  if (wal_pages < kThresholdPages) return;
  {
    std::lock_guard lock(mu_);
    if (requested_) return;
    requested_ = true;
  }
  wake_.notify_one();
}

long long WalCheckpointer::runs() const {
  std::lock_guard lock(mu_);
  return runs_;
}

void WalCheckpointer::loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    wake_.wait(lock, [this] { return requested_ || stopping_; });
    if (stopping_) return;
    requested_ = false;
    lock.unlock();
    try {
      db_->execute_script("PRAGMA wal_checkpoint(PASSIVE);");
    } catch (const std::exception& e) {
      // A failed checkpoint loses nothing (the pages stay in the log); the next commit asks again.
      std::fprintf(stderr, "motcua: checkpoint failed: %s\n", e.what());
    }
    lock.lock();
    ++runs_;
  }
}

}  // namespace motcua::store
