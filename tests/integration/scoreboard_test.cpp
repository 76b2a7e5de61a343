// The public scoreboard over real HTTP (docs/rules.md section 23): four communes under the served
// province with known March figures, so the ranking order, the tie-break by satisfied ratings, a
// shared rank, an unranked commune and the month history are checked number by number, and every
// figure equals the Decision 766 index of the same agency and period.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "app/dossier/dossier_service.hpp"
#include "codec/calendar_files.hpp"
#include "codec/command_json.hpp"
#include "fixture.hpp"
#include "server_process.hpp"
#include "store/agency_repository.hpp"
#include "store/rating_repository.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
using dossier::CommandKind;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

Instant at(int m, int d, int hh, int mm = 0) {
  return from_local(date_from_ymd(2026, m, d), hh * 3600 + mm * 60, 420);
}

class Scoreboard : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    const auto cal = codec::load_calendar(std::string(MOTCUA_SOURCE_DIR) + "/data/calendars/vn");
    ASSERT_TRUE(cal) << cal.error();
    {
      auto store = store::open_store(db_);
      store->write([](store::SqlConnection& db) {
        for (const auto& [id, code, name] : {std::tuple{"c3", "000.03.03.H40", "Xã Ba"},
                                             {"c4", "000.04.04.H40", "Xã Bốn"},
                                             {"c5", "000.05.05.H40", "Xã Năm"}}) {
          store::insert_agency(db, {id, code, name, "", "commune", "p1", "2025-07-01", {}});
        }
        const app::NewUser official{"off-c34",
                                    "xabaxabon",
                                    false,
                                    "Lê Văn Ba",
                                    kPassword,
                                    "",
                                    "",
                                    "",
                                    {{dossier::Role::reception, "c3"},
                                     {dossier::Role::processing, "c3"},
                                     {dossier::Role::leader, "c3"},
                                     {dossier::Role::reception, "c4"},
                                     {dossier::Role::processing, "c4"},
                                     {dossier::Role::leader, "c4"}}};
        if (!app::create_user(db, official, "2026-01-01T00:00:00+07:00"))
          throw std::runtime_error("seed official");
      });
      Instant now;
      app::DossierService service(*cal, [&now] { return now; });
      const auto receive = [&](const char* agency, const char* who, Instant when) {
        now = when;
        app::NewDossier d;
        d.procedure_code = "1.001193";
        d.agency_id = agency;
        if (std::string(agency) == "c1") d.receiving_unit_id = "u1";
        d.channel = dossier::Channel::counter;
        d.return_channel = dossier::Channel::counter;
        d.applicant = {"Nguyễn Văn An", "001090000001", "Xã Một", "0900000001", ""};
        std::string id;
        store->write([&](store::SqlConnection& db) {
          auto r = service.create(db, *app::load_actor(db, who), d);
          if (!r) throw std::runtime_error("create: " + r.error().detail);
          id = r->record.id;
        });
        return id;
      };
      const auto act = [&](const std::string& id, const char* who, CommandKind kind, Instant when,
                           json::object body) {
        now = when;
        store->write([&](store::SqlConnection& db) {
          auto command = codec::command_from_json(kind, body, 420);
          if (!command) throw std::runtime_error("command: " + command.error());
          auto r = service.act(db, *app::load_actor(db, who), id, *command);
          if (!r) throw std::runtime_error("act: " + r.error().code + " " + r.error().detail);
        });
      };
      // One dossier finished early and (with `open`) one left open past its due: the on-time
      // rate is 1 of 1 or 1 of 2.
      const auto commune = [&](const char* agency, const char* reception, const char* worker,
                               const char* approver, bool open) {
        const auto early = receive(agency, reception, at(3, 2, 9));
        act(early, worker, CommandKind::assign, at(3, 2, 9, 30),
            {{"official_id", worker}, {"step", "Xử lý"}});
        act(early, approver, CommandKind::approve, at(3, 3, 9), {{"note", "Đồng ý"}});
        if (open) {
          const auto late = receive(agency, reception, at(3, 2, 10));
          act(late, worker, CommandKind::assign, at(3, 2, 10, 30),
              {{"official_id", worker}, {"step", "Xử lý"}});
        }
        return early;
      };
      const auto c1 = commune("c1", "off-reception", "off-processing", "off-leader", true);
      const auto c2 = commune("c2", "off-other", "off-other", "off-other", false);
      commune("c3", "off-c34", "off-c34", "off-c34", true);
      commune("c4", "off-c34", "off-c34", "off-c34", true);
      // c1 has a satisfied rating, c2 an unsatisfied one; c3 and c4 none.
      store->write([&](store::SqlConnection& db) {
        for (const auto& [id, agency, overall] : {std::tuple{c1, "c1", 5}, {c2, "c2", 2}}) {
          store::RatingRecord r;
          r.dossier_id = id;
          r.applicant_id = "citizen-an";
          r.agency_id = agency;
          r.procedure_code = "1.001193";
          r.overall = overall;
          r.attitude = "courteous";
          r.rated_at = "2026-03-05T10:00:00+07:00";
          store::insert_rating(db, r);
        }
      });
    }
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-20T09:00"});
  }
  void TearDown() override { server_.reset(); }

  static const json::value& agency(const json::value& body, const char* id) {
    for (const auto& a : body.at("agencies").as_array()) {
      if (a.at("id") == id) return a;
    }
    throw std::runtime_error(std::string("no agency ") + id);
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(Scoreboard, RanksByOnTimeRateThenSatisfactionWithTiesShared) {
  ApiClient anyone(server_->port());
  const auto r = anyone.get("/api/v1/statistics/scoreboard?from=2026-03&to=2026-03");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  EXPECT_EQ(r.body.at("province_id"), "p1");
  std::vector<std::string> order;
  for (const auto& a : r.body.at("agencies").as_array()) {
    order.emplace_back(a.at("id").as_string());
  }
  // c2 is on time in full despite its unsatisfied rating; c1, c3 and c4 are at half, c1 ahead by
  // its satisfied rating; c3 and c4 share rank 3 (listed by name) and the next rank would be 5;
  // c5 received nothing and is not ranked.
  EXPECT_EQ(order, (std::vector<std::string>{"c2", "c1", "c3", "c4", "c5"}));
  EXPECT_EQ(agency(r.body, "c2").at("rank"), 1);
  EXPECT_EQ(agency(r.body, "c2").at("satisfied_share").as_double(), 0.0);
  EXPECT_EQ(agency(r.body, "c1").at("rank"), 2);
  EXPECT_EQ(agency(r.body, "c1").at("tied"), false);
  EXPECT_DOUBLE_EQ(agency(r.body, "c1").at("on_time_rate").as_double(), 0.5);
  EXPECT_DOUBLE_EQ(agency(r.body, "c1").at("satisfied_share").as_double(), 1.0);
  EXPECT_EQ(agency(r.body, "c1").at("received"), 2);
  EXPECT_EQ(agency(r.body, "c3").at("rank"), 3);
  EXPECT_EQ(agency(r.body, "c4").at("rank"), 3);
  EXPECT_EQ(agency(r.body, "c3").at("tied"), true);
  EXPECT_EQ(agency(r.body, "c4").at("tied"), true);
  EXPECT_TRUE(agency(r.body, "c3").at("satisfied_share").is_null());
  EXPECT_TRUE(agency(r.body, "c5").at("rank").is_null());
  EXPECT_EQ(agency(r.body, "c1").at("feedback_url"), "/feedback/published?agency_id=c1");
  EXPECT_TRUE(r.body.at("definition").at("ranking").at("vi").is_string());
  // Public figures never name people.
  EXPECT_EQ(r.raw.body.find("Nguyễn"), std::string::npos);
  EXPECT_EQ(r.raw.body.find("Lê Văn"), std::string::npos);

  // The same figures as the Decision 766 index of the agency and period.
  const auto index =
      anyone.get("/api/v1/statistics/index-766?from=2026-03&to=2026-03&agency_id=c1");
  ASSERT_EQ(index.status, 200);
  const auto& c1 = agency(r.body, "c1");
  EXPECT_DOUBLE_EQ(c1.at("index_766_total").as_double(), index.body.at("total").as_double());
  for (const char* key : {"publicity", "progress", "online", "digitisation", "satisfaction"}) {
    EXPECT_DOUBLE_EQ(c1.at("groups").at(key).at("points").as_double(),
                     index.body.at("groups").at(key).at("points").as_double())
        << key;
  }
  EXPECT_EQ(anyone.get("/api/v1/statistics/scoreboard?from=2026-13").status, 422);
}

TEST_F(Scoreboard, HistoryGivesOneRowPerMonthEndingNow) {
  ApiClient anyone(server_->port());
  const auto r = anyone.get("/api/v1/statistics/scoreboard/history?agency_id=c1&months=3");
  ASSERT_EQ(r.status, 200) << r.raw.body;
  const auto& months = r.body.at("months").as_array();
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].at("month"), "2026-01");
  EXPECT_EQ(months[2].at("month"), "2026-03");
  EXPECT_EQ(months[0].at("received"), 0);
  EXPECT_TRUE(months[0].at("on_time_rate").is_null());
  EXPECT_EQ(months[2].at("received"), 2);
  EXPECT_DOUBLE_EQ(months[2].at("on_time_rate").as_double(), 0.5);
  EXPECT_EQ(months[2].at("rated"), 1);
  EXPECT_DOUBLE_EQ(months[2].at("satisfied_share").as_double(), 1.0);
  const auto index =
      anyone.get("/api/v1/statistics/index-766?from=2026-03&to=2026-03&agency_id=c1");
  EXPECT_DOUBLE_EQ(months[2].at("index_766_total").as_double(), index.body.at("total").as_double());
  EXPECT_EQ(anyone.get("/api/v1/statistics/scoreboard/history?agency_id=c1")
                .body.at("months")
                .as_array()
                .size(),
            12u);
  EXPECT_EQ(anyone.get("/api/v1/statistics/scoreboard/history?agency_id=c1&months=0").status, 422);
  EXPECT_EQ(anyone.get("/api/v1/statistics/scoreboard/history?months=3").status, 422);
  EXPECT_EQ(anyone.get("/api/v1/statistics/scoreboard/history?agency_id=nope").status, 404);
}

}  // namespace
}  // namespace motcua::testing
