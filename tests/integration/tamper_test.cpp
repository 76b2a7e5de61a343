// Tamper evidence on the engine the run uses (SQLite, or PostgreSQL under
// integration_tests_postgres): a real server writes events and audit rows, `motcua anchor` signs
// the chain heads, then the last events or the whole audit log are deleted with their guarding
// triggers dropped, and `motcua verify-log` must fail against the anchor. tests/cli_test.cpp has
// the SQLite-only cases on the demo province (edited and forged rows).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "../run_process.hpp"
#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class Tamper : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    ServerProcess server(kBinary, db_, {"--fake-now", "2026-03-09T09:00"});
    ApiClient reception(server.port()), processing(server.port());
    ASSERT_EQ(reception.login("tiepnhan", kPassword), 200);
    ASSERT_EQ(processing.login("chuyenvien", kPassword), 200);
    for (int i = 0; i < 3; ++i) {
      auto created =
          reception.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                          {"agency_id", "c1"},
                                                          {"receiving_unit_id", "u1"},
                                                          {"channel", "counter"},
                                                          {"applicant", {{"name", "Đỗ Thị Cúc"}}}});
      ASSERT_EQ(created.status, 201) << created.raw.body;
      const std::string id(created.body.at("id").as_string());
      ASSERT_EQ(processing
                    .post("/api/v1/dossiers/" + id + "/assign",
                          json::object{{"official_id", "off-processing"}})
                    .status,
                200);
    }
  }

  std::string files() const {
    return " --anchor-key '" + dir_.file("key") + "' --anchors-file '" + dir_.file("anchors") + "'";
  }

  ProcessResult cli(const std::string& command) const {
    return run_process(kBinary + " " + command + " --db '" + db_ + "'" + files());
  }

  // Runs `sql` with the guarding triggers of `table` dropped first (each engine's own syntax).
  void tamper(const std::string& table, const std::string& sql) {
    const bool postgres = integration_engine() == store::Engine::postgres;
    auto store = store::open_store(db_);
    store->write([&](store::SqlConnection& db) {
      for (const char* suffix : {"_no_delete", "_no_truncate"}) {
        const std::string trigger = table + suffix;
        if (postgres) {
          db.execute("DROP TRIGGER IF EXISTS " + trigger + " ON " + table);
        } else {
          db.execute("DROP TRIGGER IF EXISTS " + trigger);
        }
      }
      db.execute(sql);
    });
  }

  json::object verify_fails() const {
    const auto r = cli("verify-log");
    EXPECT_EQ(r.status, 3) << r.out << r.err;
    auto out = json::parse(r.out).as_object();
    EXPECT_EQ(out.at("ok"), false);
    return out;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
};

TEST_F(Tamper, AnAnchoredHistoryVerifies) {
  const auto anchored = cli("anchor");
  ASSERT_EQ(anchored.status, 0) << anchored.err;
  const auto r = cli("verify-log");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(json::parse(r.out).at("ok"), true) << r.out;
}

TEST_F(Tamper, DeletingTheLastEventsIsCaughtByTheAnchor) {
  ASSERT_EQ(cli("anchor").status, 0);
  tamper("dossier_events",
         "DELETE FROM dossier_events WHERE seq > (SELECT MAX(seq) - 5 FROM dossier_events)");
  const auto out = verify_fails();
  EXPECT_NE(json::serialize(out.at("anchor_problems")).find("event log"), std::string::npos)
      << json::serialize(out);
}

TEST_F(Tamper, TruncatingTheAuditLogIsCaughtByTheAnchor) {
  ASSERT_EQ(cli("anchor").status, 0);
  tamper("audit_log", "DELETE FROM audit_log");
  const auto out = verify_fails();
  EXPECT_NE(json::serialize(out.at("anchor_problems")).find("audit log"), std::string::npos)
      << json::serialize(out);
}

}  // namespace
}  // namespace motcua::testing
