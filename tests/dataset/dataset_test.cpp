// The history generator (bench/dataset, motcua_dataset) on 200 dossiers: the database it builds
// passes `motcua verify-log`, its statistics read model is filled, its shares are those of the
// data file within sampling tolerance, and the same seed gives the same history (the same
// dossiers with the same events at the same instants; only the random ids differ).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>

#include "run_process.hpp"
#include "store/event_encoding.hpp"
#include "store/store.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using motcua::testing::run_process;

constexpr int kDossiers = 200;

struct Built {
  fs::path db;
  json::object summary;
};

class DatasetTest : public ::testing::Test {
 protected:
  // On tmpfs when there is one: the demo's setup commits durably many times, which costs
  // seconds of fsync on a disk and tells nothing here.
  void SetUp() override {
    const fs::path shm = "/dev/shm";
    const auto base = fs::is_directory(shm) ? shm : fs::temp_directory_path();
    dir_ = base / ("motcua-dataset-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    empty_ = dir_ / "empty.db";
    const std::string src = MOTCUA_SOURCE_DIR;
    const auto demo = run_process(std::string(MOTCUA_BINARY_DIR) + "/motcua demo --db '" +
                                  empty_.string() + "' --dossiers 0 --data-dir '" + src +
                                  "/data' --calendar-dir '" + src + "/data/calendars/vn'");
    ASSERT_EQ(demo.status, 0) << demo.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  Built build(const std::string& name, std::uint64_t seed, int dossiers = kDossiers) {
    // The demo province without dossiers, built once (SetUp) and copied: closed, so one file.
    Built b{dir_ / (name + ".db"), {}};
    fs::copy_file(empty_, b.db);
    if (fs::exists(empty_.string() + "-wal"))
      fs::copy_file(empty_.string() + "-wal", b.db.string() + "-wal");
    // Its accounts' ID numbers and phones are sealed under the demo's data key: the key goes along.
    fs::copy_file(empty_.string() + ".data-key", b.db.string() + ".data-key");
    const auto gen = generate(b.db, seed, dossiers, "");
    EXPECT_EQ(gen.status, 0) << gen.err << gen.out;
    b.summary = json::parse(gen.out).as_object();
    return b;
  }

  static motcua::testing::ProcessResult generate(const fs::path& db, std::uint64_t seed,
                                                 int dossiers, const std::string& more) {
    const std::string src = MOTCUA_SOURCE_DIR;
    return run_process(std::string(MOTCUA_BINARY_DIR) + "/bench/motcua_dataset --db '" +
                       db.string() + "' --dossiers " + std::to_string(dossiers) + " --seed " +
                       std::to_string(seed) + " --batch 64 --data '" + src + "/data' " + more);
  }

  // Everything about the history but the ids: each event's type, status change and instant, in
  // log order, and each dossier's procedure, channel, agency and status.
  static std::vector<std::string> history(const fs::path& db) {
    auto store = motcua::store::open_sqlite_store(db.string(), 1);
    std::vector<std::string> rows;
    store->read([&](motcua::store::SqlConnection& c) {
      // The terms through the event vocabulary and the time from its encoding (migration 0062).
      for (const auto& r :
           c.query("SELECT t.term, f.term, s.term, e.at_s, e.at, e.actor_id FROM dossier_events e "
                   "JOIN event_terms t ON t.id = e.type_id JOIN event_terms f ON f.id = "
                   "e.from_status_id JOIN event_terms s ON s.id = e.to_status_id ORDER BY e.seq"))
        rows.push_back(r.text(0) + "|" + r.text(1) + "|" + r.text(2) + "|" +
                       motcua::store::event_time_text(r.values.at(3), r.values.at(4)) + "|" +
                       r.text(5));
      for (const auto& r : c.query("SELECT procedure_code, channel, agency_id, status, received_s "
                                   "FROM dossiers ORDER BY received_s, procedure_code, status"))
        rows.push_back(r.text(0) + "|" + r.text(1) + "|" + r.text(2) + "|" + r.text(3));
    });
    return rows;
  }

  static std::int64_t count(const fs::path& db, const std::string& sql) {
    auto store = motcua::store::open_sqlite_store(db.string(), 1);
    std::int64_t n = -1;
    store->read([&](motcua::store::SqlConnection& c) { n = c.query_one(sql)->integer(0); });
    return n;
  }

  fs::path dir_;
  fs::path empty_;
};

TEST_F(DatasetTest, BuildsAVerifiedHistoryWithTheDataFileSharesAndRepeatsItFromTheSeed) {
  const auto a = build("a", 17);
  ASSERT_TRUE(a.summary.contains("by_channel"));
  EXPECT_EQ(a.summary.at("refused_creation").as_int64(), 0);
  EXPECT_TRUE(a.summary.at("event_chain_ok").as_bool());
  EXPECT_EQ(count(a.db, "SELECT COUNT(*) FROM dossiers"), kDossiers);

  const auto verify = run_process(std::string(MOTCUA_BINARY_DIR) + "/motcua verify-log --db '" +
                                  a.db.string() + "'");
  EXPECT_EQ(verify.status, 0) << verify.out << verify.err;

  // Every received dossier has its statistics row, as after the server's own refresh.
  EXPECT_EQ(count(a.db, "SELECT COUNT(*) FROM dossier_outcomes"),
            count(a.db, "SELECT COUNT(*) FROM dossiers WHERE received_s IS NOT NULL"));
  // The generator writes dossier times as the server does (migration 0068): all canonical, so
  // every one is seconds alone and no text is kept.
  EXPECT_EQ(count(a.db,
                  "SELECT COUNT(*) FROM dossiers WHERE created_s IS NULL OR updated_s IS NULL OR "
                  "COALESCE(submitted_text, received_text, finished_text, created_text, "
                  "updated_text) IS NOT NULL"),
            0);
  EXPECT_GT(count(a.db, "SELECT COUNT(*) FROM dossier_outcomes"), kDossiers / 2);

  // data/bench/dataset-shares.json: counter 45%, online 30%, portal 15%, post 10%. With 200
  // draws one standard deviation is at most 3.5 points: 12 points is over three of them.
  const auto& ch = a.summary.at("by_channel").as_object();
  const auto share = [&](const char* k) {
    return ch.contains(k) ? static_cast<double>(ch.at(k).as_int64()) / kDossiers : 0.0;
  };
  EXPECT_NEAR(share("counter"), 0.45, 0.12);
  EXPECT_NEAR(share("online"), 0.30, 0.12);
  EXPECT_NEAR(share("national_portal"), 0.15, 0.10);
  EXPECT_NEAR(share("post"), 0.10, 0.08);
  // Ten years back from 2026-11-20 (clipped to the calendar's 2020): almost all are finished.
  const auto& st = a.summary.at("by_status").as_object();
  EXPECT_GT(st.contains("returned") ? st.at("returned").as_int64() : 0, kDossiers * 6 / 10);
  EXPECT_GT(count(a.db, "SELECT COUNT(*) FROM dossiers WHERE channel = 'post'"), 0);
  // Papers asked for and never brought: the desk stops the dossier once the time given has
  // passed, so such dossiers do not pile up as a backlog over the years. Only ones whose last
  // word was the request, within the last six weeks, still wait.
  EXPECT_GT(count(a.db,
                  "SELECT COUNT(*) FROM dossier_events e JOIN event_terms t ON t.id = e.type_id "
                  "JOIN event_terms f ON f.id = e.from_status_id WHERE t.term = 'dossier_stopped' "
                  "AND f.term = 'awaiting_supplement'"),
            0);
  EXPECT_EQ(count(a.db,
                  "SELECT COUNT(*) FROM dossiers WHERE status = 'awaiting_supplement' AND "
                  "updated_s < 1788195600"),  // 2026-09-01T00:00:00+07:00
            0);
  EXPECT_GT(count(a.db, "SELECT COUNT(*) FROM portal_inbound"), 0);
  // The outbox as a province with working connections keeps it: everything delivered, only the
  // last week's rows left; the syncs pruned still count (portal_sync_delivered).
  EXPECT_GT(a.summary.at("outbox_delivered").as_int64(), kDossiers);
  EXPECT_EQ(count(a.db, "SELECT COUNT(*) FROM outbox WHERE state <> 'delivered'"), 0);
  EXPECT_LT(count(a.db, "SELECT COUNT(*) FROM outbox"),
            a.summary.at("outbox_delivered").as_int64() / 10);
  EXPECT_GT(count(a.db, "SELECT COUNT(*) FROM portal_sync_delivered"), kDossiers / 2);

  const auto b = build("b", 17);
  EXPECT_EQ(history(a.db), history(b.db));
  const auto c = build("c", 18);
  EXPECT_NE(history(a.db), history(c.db));
}

// A run stopped part-way (each batch is its own transaction) goes on with --resume: the database
// ends with the count asked for, verified, its read model complete, and the lives added are new
// ones, not the first run's drawn again from the same seed. Without --resume a database that
// already holds dossiers is refused.
TEST_F(DatasetTest, AStoppedRunResumesToTheCountAskedWithNewLives) {
  const auto half = build("r", 17, kDossiers / 2);
  ASSERT_EQ(count(half.db, "SELECT COUNT(*) FROM dossiers"), kDossiers / 2);

  const auto refused = generate(half.db, 17, kDossiers, "");
  EXPECT_EQ(refused.status, 2) << refused.out;
  EXPECT_NE(refused.err.find("--resume"), std::string::npos) << refused.err;
  EXPECT_EQ(count(half.db, "SELECT COUNT(*) FROM dossiers"), kDossiers / 2);

  const auto resumed = generate(half.db, 17, kDossiers, "--resume");
  ASSERT_EQ(resumed.status, 0) << resumed.err << resumed.out;
  const auto summary = json::parse(resumed.out).as_object();
  EXPECT_EQ(summary.at("added").as_int64(), kDossiers / 2);
  EXPECT_TRUE(summary.at("event_chain_ok").as_bool());
  EXPECT_EQ(count(half.db, "SELECT COUNT(*) FROM dossiers"), kDossiers);
  EXPECT_EQ(count(half.db, "SELECT COUNT(*) FROM dossier_outcomes"),
            count(half.db, "SELECT COUNT(*) FROM dossiers WHERE received_s IS NOT NULL"));
  // The same seed drawn again would repeat each arrival instant once: new lives repeat none
  // (arrivals are drawn to the second over seventeen months).
  EXPECT_GT(count(half.db, "SELECT COUNT(DISTINCT created_s) FROM dossiers"), kDossiers * 9 / 10);
  const auto verify = run_process(std::string(MOTCUA_BINARY_DIR) + "/motcua verify-log --db '" +
                                  half.db.string() + "'");
  EXPECT_EQ(verify.status, 0) << verify.out << verify.err;

  // Resuming a database that already holds the count adds nothing.
  const auto again = generate(half.db, 17, kDossiers, "--resume");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(json::parse(again.out).as_object().at("added").as_int64(), 0);
  EXPECT_EQ(count(half.db, "SELECT COUNT(*) FROM dossiers"), kDossiers);
}

}  // namespace
