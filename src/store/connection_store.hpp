// The Store both engines are: one writer connection on the group-commit writer's thread and a pool
// of reader connections, each engine giving only its connections and how it begins a transaction
// (store/sqlite/sqlite_store.cpp, store/postgres/postgres_store.cpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/group_commit_writer.hpp"
#include "store/reader_pool.hpp"
#include "store/store.hpp"

namespace motcua::store {

struct EngineConnections {
  std::unique_ptr<SqlConnection> writer;  // migrated already
  std::string write_begin;                // e.g. BEGIN IMMEDIATE
  std::vector<std::unique_ptr<SqlConnection>> readers;
  std::string read_begin;  // e.g. BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY
};

class ConnectionStore final : public Store {
 public:
  explicit ConnectionStore(EngineConnections c)
      : writer_db_(std::move(c.writer)),
        writer_(*writer_db_, std::move(c.write_begin)),
        readers_(std::move(c.readers), std::move(c.read_begin)) {}

  void write(const WriteJob& job) override { writer_.write(job); }
  void submit(WriteJob job, WriteDone done) override {
    writer_.submit(std::move(job), std::move(done));
  }
  void read(const ReadJob& job) override { readers_.read(job); }
  StoreStats stats() const override { return writer_.stats(); }
  int schema_version() override;

 private:
  // Declared first: the writer thread uses it until the writer is destroyed.
  std::unique_ptr<SqlConnection> writer_db_;
  GroupCommitWriter writer_;
  ReaderPool readers_;
};

}  // namespace motcua::store
