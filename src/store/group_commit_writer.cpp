#include "store/group_commit_writer.hpp"

#include <pthread.h>

#include <future>

#include "store/connection_epoch.hpp"
#include "store/transaction_lock.hpp"

namespace motcua::store {

namespace {
// A batch larger than this is split: it bounds the time a single commit holds callers.
constexpr std::size_t kMaxBatch = 512;
}  // namespace

GroupCommitWriter::GroupCommitWriter(SqlConnection& db, std::string begin_statement)
    : db_(db), begin_(std::move(begin_statement)), thread_([this] { loop(); }) {
  open_connection_epoch(db_);
}

GroupCommitWriter::~GroupCommitWriter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_cv_.notify_all();
  thread_.join();
  close_connection_epoch(db_);
}

void GroupCommitWriter::write(const WriteJob& job) {
  std::promise<void> committed;
  auto outcome = committed.get_future();
  submit([&job](SqlConnection& db) { job(db); },
         [&committed](std::exception_ptr error) {
           if (error) {
             committed.set_exception(error);
           } else {
             committed.set_value();
           }
         });
  outcome.get();
}

void GroupCommitWriter::submit(WriteJob job, WriteDone done) {
  auto pending = std::make_unique<PendingWrite>(PendingWrite{std::move(job), std::move(done), {}});
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      queue_.push_back(std::move(pending));
      work_cv_.notify_one();
      return;
    }
  }
  pending->done(std::make_exception_ptr(StoreError("store is closing")));
}

StoreStats GroupCommitWriter::stats() const {
  std::lock_guard lock(stats_mu_);
  return stats_;
}

void GroupCommitWriter::loop() {
  // Named so that its CPU time can be read apart from the io and reader threads
  // (/proc/<pid>/task/*/comm, perf --sort comm): the writer is the one thread that cannot scale.
  pthread_setname_np(pthread_self(), "motcua-writer");
  std::unique_lock lock(mu_);
  for (;;) {
    work_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty() && stopping_) return;
    std::vector<std::unique_ptr<PendingWrite>> batch;
    while (!queue_.empty() && batch.size() < kMaxBatch) {
      batch.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    lock.unlock();
    const std::size_t failed = run_batch(batch);
    {
      std::lock_guard stats_lock(stats_mu_);
      ++stats_.commits;
      stats_.write_jobs += batch.size() - failed;
      stats_.failed_jobs += failed;
    }
    // Outside the queue's lock: a callback may submit the caller's next job at once.
    for (auto& p : batch) p->done(p->error);
    batch.clear();
    lock.lock();
  }
}

// Runs every job of the batch in one transaction, each inside a savepoint; commits once.
// Returns how many jobs failed.
std::size_t GroupCommitWriter::run_batch(const std::vector<std::unique_ptr<PendingWrite>>& batch) {
  std::size_t failed = 0;
  try {
    db_.execute(begin_);
    // Every write transaction of every server takes the event-chain lock first (a no-op on
    // SQLite, whose single writer already runs one at a time). Taken later, by the first append,
    // a batch could hold a row lock (a dossier sequence, a dossier row) that another server's
    // batch waits for while it waits for this batch's chain lock: a deadlock, which PostgreSQL
    // breaks by failing a job. Taken first, batches of all servers commit one after another, in
    // one order, and each server still merges its own concurrent jobs into one commit.
    lock_for_transaction(db_, TransactionLock::event_chain);
    for (const auto& p : batch) {
      db_.execute("SAVEPOINT job");
      try {
        p->job(db_);
        db_.execute("RELEASE job");
      } catch (...) {
        p->error = std::current_exception();
        ++failed;
        // PostgreSQL marks the whole transaction failed after an error; rolling back to the
        // savepoint clears that on both engines.
        db_.execute("ROLLBACK TO job");
        db_.execute("RELEASE job");
        // What the job read of its own writes is gone: caches keyed by the epoch start afresh.
        renew_connection_epoch(db_);
      }
    }
    db_.execute("COMMIT");
  } catch (...) {
    // The commit itself failed (disk full, I/O error, lost server): nothing of the batch is
    // durable.
    const auto error = std::current_exception();
    try {
      db_.execute("ROLLBACK");
    } catch (...) {
    }
    renew_connection_epoch(db_);
    for (const auto& p : batch) {
      if (!p->error) {
        p->error = error;
        ++failed;
      }
    }
  }
  return failed;
}

}  // namespace motcua::store
