#include "store/reader_pool.hpp"

#include "store/connection_epoch.hpp"

namespace motcua::store {

ReaderPool::ReaderPool(std::vector<std::unique_ptr<SqlConnection>> connections,
                       std::string begin_statement)
    : begin_(std::move(begin_statement)), connections_(std::move(connections)) {
  for (auto& c : connections_) {
    open_connection_epoch(*c);
    free_.push_back(c.get());
  }
}

ReaderPool::~ReaderPool() {
  for (auto& c : connections_) close_connection_epoch(*c);
}

void ReaderPool::read(const ReadJob& job) {
  SqlConnection* db = nullptr;
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [&] { return !free_.empty(); });
    db = free_.back();
    free_.pop_back();
  }
  struct Return {
    ReaderPool* self;
    SqlConnection* db;
    ~Return() {
      {
        std::lock_guard lock(self->mu_);
        self->free_.push_back(db);
      }
      self->cv_.notify_one();
    }
  } give_back{this, db};
  db->execute(begin_);
  try {
    job(*db);
  } catch (...) {
    try {
      db->execute("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
  db->execute("COMMIT");
}

}  // namespace motcua::store
