// The epochs that caches of never-rewritten rows key on (store/connection_epoch.hpp), on each
// engine's store.
#include "store/connection_epoch.hpp"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "store/store.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

class ConnectionEpochTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "connection-epoch");
    store_ = database_->open(2);
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  std::uint64_t writer_epoch() {
    std::uint64_t epoch = 0;
    store_->write([&](SqlConnection& db) { epoch = connection_epoch(db); });
    return epoch;
  }
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

TEST_P(ConnectionEpochTest, EveryConnectionOfEveryStoreHasItsOwn) {
  std::set<std::uint64_t> seen{writer_epoch()};
  // One read inside another holds both readers at once.
  store_->read([&](SqlConnection& first) {
    seen.insert(connection_epoch(first));
    store_->read([&](SqlConnection& second) { seen.insert(connection_epoch(second)); });
  });
  EXPECT_EQ(seen.count(0), 0u);
  EXPECT_EQ(seen.size(), 3u);  // the writer and the two readers

  // Another store on the same database: other numbers, so nothing cached under the first is read.
  auto other = database_->open(1);
  std::uint64_t other_writer = 0;
  other->write([&](SqlConnection& db) { other_writer = connection_epoch(db); });
  EXPECT_NE(other_writer, 0u);
  EXPECT_EQ(seen.count(other_writer), 0u);
}

TEST_P(ConnectionEpochTest, TheWriterGetsANewOneAfterARollback) {
  const auto before = writer_epoch();
  EXPECT_EQ(writer_epoch(), before);  // a committed job keeps it
  EXPECT_THROW(store_->write([](SqlConnection&) { throw std::runtime_error("refused"); }),
               std::runtime_error);
  const auto after = writer_epoch();
  EXPECT_NE(after, 0u);
  EXPECT_NE(after, before);
}

INSTANTIATE_TEST_SUITE_P(Engines, ConnectionEpochTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

}  // namespace
}  // namespace motcua::store
