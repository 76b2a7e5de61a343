// The queue's day numbers against a real store of each engine: the upsert both dialects run.
#include "store/queue_repository.hpp"

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "store/test_database.hpp"

namespace motcua::store {
namespace {

class QueueRepositoryTest : public ::testing::TestWithParam<Engine> {};

INSTANTIATE_TEST_SUITE_P(Engines, QueueRepositoryTest, ::testing::ValuesIn(test_engines()),
                         engine_name);

TEST_P(QueueRepositoryTest, DayNumbersRunPerUnitAndDay) {
  TestDatabase database(GetParam(), "queue");
  auto store = database.open();
  std::vector<std::int64_t> got;
  store->write([&](SqlConnection& db) {
    got.push_back(take_day_number(db, "u1", "2026-03-09"));
    got.push_back(take_day_number(db, "u1", "2026-03-09"));
    got.push_back(take_day_number(db, "u2", "2026-03-09"));
    got.push_back(take_day_number(db, "u1", "2026-03-10"));
  });
  store->write([&](SqlConnection& db) { got.push_back(take_day_number(db, "u1", "2026-03-09")); });
  EXPECT_EQ(got, (std::vector<std::int64_t>{1, 2, 1, 1, 3}));
}

}  // namespace
}  // namespace motcua::store
