// Receipt numbers on both engines: per agency and year from 1, and without gaps: a number taken in
// a transaction that then fails is given back with it.
#include "store/receipt_repository.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>

#include "store/test_database.hpp"

namespace motcua::store {
namespace {

class ReceiptNumbers : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam(), "receipts");
    store_ = database_->open();
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  std::int64_t next(const std::string& agency, std::int64_t year) {
    std::int64_t n = 0;
    store_->write([&](SqlConnection& db) { n = next_receipt_number(db, agency, year); });
    return n;
  }
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Engines, ReceiptNumbers, ::testing::ValuesIn(test_engines()), engine_name);

TEST_P(ReceiptNumbers, RunPerAgencyAndYearFromOne) {
  EXPECT_EQ(next("c1", 2026), 1);
  EXPECT_EQ(next("c1", 2026), 2);
  EXPECT_EQ(next("c2", 2026), 1);
  EXPECT_EQ(next("c1", 2027), 1);
  EXPECT_EQ(next("c1", 2026), 3);
}

TEST_P(ReceiptNumbers, ANumberTakenInAFailedTransactionIsGivenBack) {
  EXPECT_EQ(next("c1", 2026), 1);
  EXPECT_THROW(store_->write([&](SqlConnection& db) {
    EXPECT_EQ(next_receipt_number(db, "c1", 2026), 2);
    throw std::runtime_error("the payment was refused after the number was taken");
  }),
               std::runtime_error);
  EXPECT_EQ(next("c1", 2026), 2);
}

}  // namespace
}  // namespace motcua::store
