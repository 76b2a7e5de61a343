// Copies the write-ahead log's pages into the database file on a thread and connection of its
// own. SQLite's automatic checkpoint runs inside the commit that crosses 1,000 WAL pages: the
// writer thread, and every change waiting on that commit, then waits while ~4 MB of pages are
// copied and the file is fsynced twice. Under load that was the tail of every write's latency
// (docs/performance.md "Checkpoints off the writer"). Here the writer's commit only signals this
// thread; a PASSIVE checkpoint never blocks the writer nor the readers, and the writer restarts
// the log from its beginning once all of it has been copied.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace motcua::store {

class SqliteConnection;

class WalCheckpointer {
 public:
  // Opens its own connection to `path`, with the writer's `synchronous` level (FULL for a server:
  // a checkpoint fsyncs what it copied; OFF for a bulk load).
  WalCheckpointer(const std::string& path, int synchronous);
  ~WalCheckpointer();  // stops and joins the thread; closes its connection
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Called by the writer after each commit with the log's length in pages: from the threshold on,
  // the thread is woken to checkpoint. Beyond the hard bound (the thread cannot keep up) the
  // writer checkpoints itself, as SQLite would, so the log cannot grow without end.
  void committed(sqlite3* writer, int wal_pages);

  // How many checkpoints the thread has run (tests).
  long long runs() const;

  static constexpr int kThresholdPages = 1000;   // SQLite's own automatic checkpoint
  static constexpr int kHardBoundPages = 64000;  // ~256 MB of log

 private:
  void loop();

  std::unique_ptr<SqliteConnection> db_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool requested_ = false;
  bool stopping_ = false;
  long long runs_ = 0;
  std::thread thread_;
};

}  // namespace motcua::store
