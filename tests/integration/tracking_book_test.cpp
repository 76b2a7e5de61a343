// The tracking book's numbers over real HTTP (issue 13, migration 0019): every receipt takes the
// next line ("Số thứ tự") of its one-stop unit's book for the year, never reused and without gaps
// even when counters take dossiers in at the same moment; form 07 prints that register number, not
// the row's position; and counter intake records the sets of papers handed in.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <thread>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class TrackingBook : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    start("2026-03-09T09:00");
  }
  void TearDown() override { server_.reset(); }

  void start(const std::string& now) {
    server_.reset();
    server_ =
        std::make_unique<ServerProcess>(kBinary, db_, std::vector<std::string>{"--fake-now", now});
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&reception_, "tiepnhan"}}));
  }

  ApiResult intake(const std::string& name, json::value sets = nullptr) const {
    json::object body{{"procedure_code", "1.001193"},
                      {"agency_id", "c1"},
                      {"receiving_unit_id", "u1"},
                      {"channel", "counter"},
                      {"applicant", {{"name", name}}}};
    if (!sets.is_null()) body["sets"] = sets;
    return reception_.post("/api/v1/dossiers", body);
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient reception_{0};
};

TEST_F(TrackingBook, ConcurrentIntakesTakeConsecutiveLinesWithoutGapOrRepeat) {
  constexpr int kIntakes = 20;
  std::mutex mutex;
  std::vector<std::int64_t> lines;
  std::vector<std::string> failures;
  std::vector<std::thread> threads;
  for (int i = 0; i < kIntakes; ++i) {
    threads.emplace_back([&, i] {
      const auto r = intake("Người số " + std::to_string(i));
      std::lock_guard lock(mutex);
      if (r.status != 201) {
        failures.push_back(r.raw.body);
        return;
      }
      const auto& book = r.body.at("book_number");
      if (book.at("year") != 2026 || book.at("volume") != 1) failures.push_back(r.raw.body);
      lines.push_back(book.at("line").as_int64());
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_TRUE(failures.empty()) << failures.front();
  std::sort(lines.begin(), lines.end());
  std::vector<std::int64_t> expected(kIntakes);
  for (int i = 0; i < kIntakes; ++i) expected[static_cast<std::size_t>(i)] = i + 1;
  EXPECT_EQ(lines, expected);

  // The book lists each dossier with the line its receipt took.
  auto book = reception_.get("/api/v1/tracking-book?unit=u1&from=2026-03-09&to=2026-03-09");
  ASSERT_EQ(book.status, 200) << book.raw.body;
  std::vector<std::int64_t> listed;
  for (const auto& row : book.body.at("dossiers").as_array()) {
    listed.push_back(row.at("line").as_int64());
    const auto detail = reception_.get("/api/v1/dossiers/" + std::string(row.at("id").as_string()));
    EXPECT_EQ(detail.body.at("book_number").at("line"), row.at("line"));
  }
  std::sort(listed.begin(), listed.end());
  EXPECT_EQ(listed, expected);
}

TEST_F(TrackingBook, FormLineIsTheRegisterNumberNotTheRowPosition) {
  ASSERT_EQ(intake("Hôm qua").status, 201);
  ASSERT_NO_FATAL_FAILURE(start("2026-03-10T09:00"));
  auto today = intake("Hôm nay");
  ASSERT_EQ(today.status, 201) << today.raw.body;
  EXPECT_EQ(today.body.at("book_number").at("line"), 2);
  auto book = reception_.get("/api/v1/tracking-book?unit=u1&from=2026-03-10&to=2026-03-10");
  ASSERT_EQ(book.status, 200) << book.raw.body;
  ASSERT_EQ(book.body.at("dossiers").as_array().size(), 1u);
  const auto& row = book.body.at("dossiers").at(0);
  EXPECT_EQ(row.at("line"), 2);  // the first row of this page, the second line of the book
  EXPECT_EQ(row.at("volume"), 1);
  EXPECT_EQ(row.at("applicant_name"), "Hôm nay");
}

TEST_F(TrackingBook, CounterIntakeRecordsTheSetsReceived) {
  auto three = intake("Ba bộ", 3);
  ASSERT_EQ(three.status, 201) << three.raw.body;
  EXPECT_EQ(three.body.at("book_number").at("sets"), 3);
  auto one = intake("Một bộ");
  ASSERT_EQ(one.status, 201);
  EXPECT_EQ(one.body.at("book_number").at("sets"), 1);  // the default
  auto book = reception_.get("/api/v1/tracking-book?unit=u1&from=2026-03-09&to=2026-03-09");
  ASSERT_EQ(book.status, 200);
  EXPECT_EQ(book.body.at("dossiers").at(0).at("sets"), 3);
  for (const json::value& bad : {json::value(0), json::value(100), json::value("2")}) {
    auto r = intake("Sai", bad);
    EXPECT_EQ(r.status, 422) << r.raw.body;
    EXPECT_NE(r.raw.body.find("sets"), std::string::npos) << r.raw.body;
  }
  // A refused intake spends no line: the next one continues the book.
  EXPECT_EQ(intake("Tiếp").body.at("book_number").at("line"), 3);
}

}  // namespace
}  // namespace motcua::testing
