// The SQLite engine: one writer connection on its own thread that merges queued write jobs into one
// transaction and one fsync (group commit, after LevelDB's DBImpl::Write), and a pool of read-only
// connections. WAL mode lets readers proceed while the writer commits; synchronous=FULL makes an
// acknowledged commit survive power loss.
#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "store/migrations.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/store.hpp"

namespace motcua::store {

namespace {

// A batch larger than this is split: it bounds the time a single commit holds callers.
constexpr std::size_t kMaxBatch = 512;

struct PendingWrite {
  WriteJob job;
  WriteDone done;
  std::exception_ptr error;
};

void apply_migrations(SqliteConnection& db) {
  db.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
  const auto row = db.query_one("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  const std::int64_t current = row ? row->integer(0) : 0;
  for (const auto& m : sqlite_migrations()) {
    if (m.version <= current) continue;
    db.execute_script("BEGIN IMMEDIATE");
    try {
      db.execute_script(m.sql);
      db.execute(
          "INSERT INTO schema_migrations(version, name, applied_at) "
          "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
          {std::int64_t{m.version}, m.name});
      db.execute_script("COMMIT");
    } catch (...) {
      db.execute_script("ROLLBACK");
      throw;
    }
  }
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, int readers)
      : writer_db_(path, SqliteConnection::Mode::read_write) {
    writer_db_.execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    apply_migrations(writer_db_);
    for (int i = 0; i < readers; ++i) {
      auto reader = std::make_unique<SqliteConnection>(path, SqliteConnection::Mode::read_only);
      reader->execute_script("PRAGMA foreign_keys=ON;");
      free_readers_.push_back(reader.get());
      readers_.push_back(std::move(reader));
    }
    writer_ = std::thread([this] { writer_loop(); });
  }

  ~SqliteStore() override {
    {
      std::lock_guard lock(mu_);
      stopping_ = true;
    }
    work_cv_.notify_all();
    writer_.join();
  }

  void write(const WriteJob& job) override {
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

  void submit(WriteJob job, WriteDone done) override {
    auto pending =
        std::make_unique<PendingWrite>(PendingWrite{std::move(job), std::move(done), {}});
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

  void read(const ReadJob& job) override {
    SqliteConnection* db = nullptr;
    {
      std::unique_lock lock(readers_mu_);
      readers_cv_.wait(lock, [&] { return !free_readers_.empty(); });
      db = free_readers_.back();
      free_readers_.pop_back();
    }
    struct Return {
      SqliteStore* self;
      SqliteConnection* db;
      ~Return() {
        {
          std::lock_guard lock(self->readers_mu_);
          self->free_readers_.push_back(db);
        }
        self->readers_cv_.notify_one();
      }
    } give_back{this, db};
    // A read transaction gives the job one consistent snapshot across its statements.
    db->execute_script("BEGIN");
    try {
      job(*db);
    } catch (...) {
      db->execute_script("ROLLBACK");
      throw;
    }
    db->execute_script("COMMIT");
  }

  StoreStats stats() const override {
    std::lock_guard lock(stats_mu_);
    return stats_;
  }

  int schema_version() override {
    int version = 0;
    read([&](SqlConnection& db) {
      version =
          static_cast<int>(db.query_one("SELECT MAX(version) FROM schema_migrations")->integer(0));
    });
    return version;
  }

 private:
  void writer_loop() {
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
  std::size_t run_batch(const std::vector<std::unique_ptr<PendingWrite>>& batch) {
    std::size_t failed = 0;
    try {
      writer_db_.execute("BEGIN IMMEDIATE");
      for (const auto& p : batch) {
        writer_db_.execute("SAVEPOINT job");
        try {
          p->job(writer_db_);
          writer_db_.execute("RELEASE job");
        } catch (...) {
          p->error = std::current_exception();
          ++failed;
          writer_db_.execute("ROLLBACK TO job");
          writer_db_.execute("RELEASE job");
        }
      }
      writer_db_.execute("COMMIT");
    } catch (...) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is durable.
      const auto error = std::current_exception();
      try {
        writer_db_.execute_script("ROLLBACK");
      } catch (...) {
      }
      for (const auto& p : batch) {
        if (!p->error) {
          p->error = error;
          ++failed;
        }
      }
    }
    return failed;
  }

  SqliteConnection writer_db_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::deque<std::unique_ptr<PendingWrite>> queue_;
  bool stopping_ = false;
  mutable std::mutex stats_mu_;
  StoreStats stats_;
  std::thread writer_;

  std::mutex readers_mu_;
  std::condition_variable readers_cv_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
  std::vector<SqliteConnection*> free_readers_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path, int reader_connections) {
  return std::make_unique<SqliteStore>(path, reader_connections);
}

}  // namespace motcua::store
