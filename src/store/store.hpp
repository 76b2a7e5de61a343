// The storage engine interface. Everything that changes data goes through write(): the engine runs
// queued write jobs of many callers in one transaction and one durable commit (group commit), each
// job inside its own savepoint so that one failing job does not undo the others. Reads run on
// separate connections and never wait for the writer.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

// A write job reads and writes through the connection it is given. Throwing rolls back only this
// job's changes, and the exception is rethrown to the caller of write() after the batch commits.
using WriteJob = std::function<void(SqlConnection&)>;
using ReadJob = std::function<void(SqlConnection&)>;
// Called once the job's batch has committed durably (null), or with what the job threw or why the
// commit failed. It runs on the writer thread: it should only hand the outcome over (post it to
// the caller's executor), never do the caller's work there.
using WriteDone = std::function<void(std::exception_ptr)>;

struct StoreStats {
  std::uint64_t commits = 0;     // durable commits
  std::uint64_t write_jobs = 0;  // jobs committed (a commit carries one or more)
  std::uint64_t failed_jobs = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // Returns once the job's changes are durable (or throws what the job threw / a StoreError).
  // The calling thread waits for the commit: the CLI and tests use it; the server uses submit().
  virtual void write(const WriteJob& job) = 0;
  // Queues the job and returns at once; `done` tells its fate after the commit. Concurrent jobs
  // share one transaction and one fsync (group commit), each in its own savepoint.
  virtual void submit(WriteJob job, WriteDone done) = 0;
  virtual void read(const ReadJob& job) = 0;
  virtual StoreStats stats() const = 0;
  // The schema version after migrations.
  virtual int schema_version() = 0;
};

// Opens (creating if needed) the SQLite database at `path` in WAL mode with synchronous=FULL and
// applies pending migrations.
std::unique_ptr<Store> open_sqlite_store(const std::string& path, int reader_connections = 4);

// Connects to the PostgreSQL database at `url` (postgresql://user:password@host:port/database, a
// libpq URI) with one writer and `reader_connections` reader connections, and applies pending
// migrations under an advisory lock (several servers may start at once).
std::unique_ptr<Store> open_postgres_store(const std::string& url, int reader_connections = 4);

}  // namespace motcua::store
