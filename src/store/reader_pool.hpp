// The read path both engines share: a fixed pool of connections, each read job run on one of them
// inside one read transaction so that all its statements see one snapshot. An engine says how a
// read transaction begins (SQLite: BEGIN, PostgreSQL: REPEATABLE READ READ ONLY).
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace motcua::store {

class ReaderPool {
 public:
  ReaderPool(std::vector<std::unique_ptr<SqlConnection>> connections, std::string begin_statement);
  ~ReaderPool();
  ReaderPool(const ReaderPool&) = delete;
  ReaderPool& operator=(const ReaderPool&) = delete;
  // Waits for a free connection; the job's exception is rethrown after the rollback.
  void read(const ReadJob& job);

 private:
  std::string begin_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<SqlConnection>> connections_;
  std::vector<SqlConnection*> free_;
};

}  // namespace motcua::store
