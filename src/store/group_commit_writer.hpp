// The write path both engines share: one connection on one writer thread that merges queued write
// jobs into one transaction and one durable commit (group commit, after LevelDB's DBImpl::Write),
// each job inside its own savepoint so that one failing job does not undo the others. An engine
// only says how it begins a write transaction (SQLite: BEGIN IMMEDIATE, PostgreSQL: BEGIN).
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/store.hpp"

namespace motcua::store {

class GroupCommitWriter {
 public:
  // `db` must outlive the writer; it is used only from the writer thread from now on.
  GroupCommitWriter(SqlConnection& db, std::string begin_statement);
  // Runs the jobs already queued, then stops the thread.
  ~GroupCommitWriter();
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  void write(const WriteJob& job);
  void submit(WriteJob job, WriteDone done);
  StoreStats stats() const;

 private:
  struct PendingWrite {
    WriteJob job;
    WriteDone done;
    std::exception_ptr error;
  };
  void loop();
  std::size_t run_batch(const std::vector<std::unique_ptr<PendingWrite>>& batch);

  SqlConnection& db_;
  const std::string begin_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::deque<std::unique_ptr<PendingWrite>> queue_;
  bool stopping_ = false;
  mutable std::mutex stats_mu_;
  StoreStats stats_;
  std::thread thread_;
};

}  // namespace motcua::store
