// The counter queue of the one-stop hall over real HTTP: the administrator configures a service
// and a counter of the unit u1; people take tickets at the kiosk (no account) and from the
// reception officer; the officer calls the next ticket (priority groups first, then by number),
// marks it served or absent; the display shows the calls with the voice text; the statistics
// count the times; numbers restart the next day and are never reused within one.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class CounterQueue : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    ASSERT_NO_FATAL_FAILURE(start("2026-03-09T08:00"));
    auto s = admin_.post("/api/v1/admin/queue/services",
                         json::object{{"unit_id", "u1"}, {"name", "Hộ tịch"}});
    ASSERT_EQ(s.status, 201) << s.raw.body;
    service_ = std::string(s.body.at("id").as_string());
    auto c = admin_.post(
        "/api/v1/admin/queue/counters",
        json::object{
            {"unit_id", "u1"}, {"number", 2}, {"service_ids", json::array{json::value(service_)}}});
    ASSERT_EQ(c.status, 201) << c.raw.body;
    counter_ = std::string(c.body.at("id").as_string());
  }
  void TearDown() override { server_.reset(); }

  void start(const char* now) {
    server_.reset();
    server_ =
        std::make_unique<ServerProcess>(kBinary, db_, std::vector<std::string>{"--fake-now", now});
    ASSERT_NO_FATAL_FAILURE(log_in_all(
        server_->port(), {{&admin_, "quantri"}, {&reception_, "tiepnhan"}, {&other_, "xahai"}}));
  }

  ApiResult kiosk(const std::string& priority = "") {
    return ApiClient(server_->port())
        .post("/api/v1/queue/units/u1/kiosk-tickets",
              json::object{{"service_id", service_}, {"priority_group", priority}});
  }
  ApiResult call_next() {
    return reception_.post("/api/v1/queue/counters/" + counter_ + "/call-next", json::object{});
  }
  ApiResult finish(const json::value& ticket, const char* outcome) {
    return reception_.post(
        "/api/v1/queue/tickets/" + std::string(ticket.at("id").as_string()) + "/finish",
        json::object{{"outcome", outcome}});
  }

  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient admin_{0}, reception_{0}, other_{0};
  std::string service_, counter_;
};

TEST_F(CounterQueue, KioskTicketNamesNumberAndCounter) {
  auto t = kiosk();
  ASSERT_EQ(t.status, 201) << t.raw.body;
  EXPECT_EQ(t.body.at("label"), "0001");
  EXPECT_EQ(t.body.at("slip_vi"), "Số 0001 — Quầy 2");
  EXPECT_EQ(t.body.at("status"), "waiting");
  auto k = ApiClient(server_->port()).get("/api/v1/queue/units/u1/kiosk");
  ASSERT_EQ(k.status, 200);
  EXPECT_EQ(k.body.at("services").as_array().size(), 1u);
  EXPECT_GE(k.body.at("priority_groups").as_array().size(), 3u);
  // Unknown service or group: refused, naming the field, and no number consumed.
  auto bad = ApiClient(server_->port())
                 .post("/api/v1/queue/units/u1/kiosk-tickets",
                       json::object{{"service_id", service_}, {"priority_group", "vip"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body.at("code"), "unknown_priority_group");
  EXPECT_EQ(kiosk().body.at("label"), "0002");
}

TEST_F(CounterQueue, CallsPriorityFirstThenByNumber) {
  ASSERT_EQ(kiosk().status, 201);  // 0001
  ASSERT_EQ(kiosk().status, 201);  // 0002
  auto desk =
      reception_.post("/api/v1/queue/units/u1/tickets",
                      json::object{{"service_id", service_}, {"priority_group", "elderly"}});
  ASSERT_EQ(desk.status, 201) << desk.raw.body;  // 0003, elderly
  ASSERT_EQ(kiosk("pregnant").status, 201);      // 0004, pregnant

  std::vector<std::string> order;
  for (int i = 0; i < 4; ++i) {
    auto c = call_next();
    ASSERT_EQ(c.status, 200) << c.raw.body;
    order.emplace_back(c.body.at("label").as_string());
    // A counter calls the next only once the last is finished.
    EXPECT_EQ(call_next().status, 409);
    ASSERT_EQ(finish(c.body, i == 1 ? "no_show" : "served").status, 200);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"0003", "0004", "0001", "0002"}));
  auto empty = call_next();
  EXPECT_EQ(empty.status, 409);
  EXPECT_EQ(empty.body.at("code"), "queue_empty");
}

TEST_F(CounterQueue, DisplayStatisticsAndAuthorization) {
  ASSERT_EQ(kiosk().status, 201);
  auto c = call_next();
  ASSERT_EQ(c.status, 200);
  EXPECT_EQ(c.body.at("call_text_vi"), "Mời số 0001 đến quầy số 2");
  auto d = ApiClient(server_->port()).get("/api/v1/queue/units/u1/display");
  ASSERT_EQ(d.status, 200);
  ASSERT_EQ(d.body.at("called").as_array().size(), 1u);
  EXPECT_EQ(d.body.at("called").at(0).at("counter_number"), 2);
  auto re = reception_.post(
      "/api/v1/queue/tickets/" + std::string(c.body.at("id").as_string()) + "/recall",
      json::object{});
  ASSERT_EQ(re.status, 200);
  EXPECT_EQ(re.body.at("calls"), 2);
  // Another commune's officer may neither call at u1's counter nor finish its tickets.
  EXPECT_EQ(other_.post("/api/v1/queue/counters/" + counter_ + "/call-next", json::object{}).status,
            404);
  EXPECT_EQ(
      other_
          .post("/api/v1/queue/tickets/" + std::string(c.body.at("id").as_string()) + "/finish",
                json::object{{"outcome", "served"}})
          .status,
      404);
  auto bad = finish(c.body, "gone");
  EXPECT_EQ(bad.status, 422);
  ASSERT_EQ(finish(c.body, "served").status, 200);
  // Served again: it is no longer called.
  EXPECT_EQ(finish(c.body, "served").status, 409);
  // Only the unit's administrator configures it.
  EXPECT_EQ(reception_
                .post("/api/v1/admin/queue/services",
                      json::object{{"unit_id", "u1"}, {"name", "Đất đai"}})
                .status,
            403);

  auto s = reception_.get("/api/v1/statistics/queue?unit_id=u1&from=2026-03-09&to=2026-03-09");
  ASSERT_EQ(s.status, 200) << s.raw.body;
  ASSERT_EQ(s.body.at("rows").as_array().size(), 1u);
  const auto& row = s.body.at("rows").at(0);
  EXPECT_EQ(row.at("served"), 1);
  EXPECT_EQ(row.at("no_show"), 0);
  EXPECT_EQ(row.at("counter_number"), 2);
  EXPECT_EQ(other_.get("/api/v1/statistics/queue?unit_id=u1").status, 403);
}

TEST_F(CounterQueue, NumbersRunPerDayAndAreNeverReused) {
  EXPECT_EQ(kiosk().body.at("label"), "0001");
  EXPECT_EQ(kiosk().body.at("label"), "0002");
  ASSERT_NO_FATAL_FAILURE(start("2026-03-09T15:00"));
  EXPECT_EQ(kiosk().body.at("label"), "0003");
  ASSERT_NO_FATAL_FAILURE(start("2026-03-10T08:00"));
  EXPECT_EQ(kiosk().body.at("label"), "0001");
  // Yesterday's waiting tickets are not called today.
  EXPECT_EQ(call_next().body.at("label"), "0001");
}

TEST_F(CounterQueue, KioskIsLimitedPerClientAddress) {
  for (int i = 0; i < 60; ++i) ASSERT_EQ(kiosk().status, 201) << i;
  auto refused = kiosk();
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.body.at("code"), "too_many_tickets");
  // The officer at the desk is not limited.
  EXPECT_EQ(
      reception_.post("/api/v1/queue/units/u1/tickets", json::object{{"service_id", service_}})
          .status,
      201);
}

TEST_F(CounterQueue, AdministratorEditsAndSwitchesOffServicesAndCounters) {
  const auto patch = [&](ApiClient& who, const std::string& target, const json::object& body) {
    return who.call("PATCH", target, json::serialize(body), {{"Content-Type", "application/json"}});
  };
  auto s2 = admin_.post("/api/v1/admin/queue/services",
                        json::object{{"unit_id", "u1"}, {"name", "Đất đai"}});
  ASSERT_EQ(s2.status, 201) << s2.raw.body;
  const std::string land(s2.body.at("id").as_string());
  const std::string counter_path = "/api/v1/admin/queue/counters/" + counter_;
  const std::string service_path = "/api/v1/admin/queue/services/" + service_;

  // A change needs a reason, names the field when refused, and changes nothing then.
  auto no_reason = patch(admin_, counter_path, {{"active", false}});
  EXPECT_EQ(no_reason.status, 422) << no_reason.raw.body;
  EXPECT_EQ(no_reason.body.at("code"), "reason_required");
  auto not_bool = patch(admin_, counter_path, {{"active", "no"}, {"reason", "x"}});
  EXPECT_EQ(not_bool.status, 422);
  EXPECT_EQ(patch(reception_, counter_path, {{"active", false}, {"reason", "x"}}).status, 403);

  // The counter now serves both services; the service is renamed.
  auto both = patch(admin_, counter_path,
                    {{"service_ids", json::array{json::value(service_), json::value(land)}},
                     {"reason", "Quầy 2 nhận thêm đất đai"}});
  ASSERT_EQ(both.status, 200) << both.raw.body;
  EXPECT_EQ(both.body.at("services").as_array().size(), 2u);
  auto renamed = patch(admin_, service_path, {{"name", "Hộ tịch, chứng thực"}, {"reason", "Gộp"}});
  ASSERT_EQ(renamed.status, 200) << renamed.raw.body;
  EXPECT_EQ(renamed.body.at("name"), "Hộ tịch, chứng thực");

  // A ticket waits; then the service is switched off: gone from the kiosk, no new ticket, but the
  // ticket already taken is still called.
  ASSERT_EQ(kiosk().status, 201);
  auto off = patch(admin_, service_path, {{"active", false}, {"reason", "Ngừng cấp số"}});
  ASSERT_EQ(off.status, 200) << off.raw.body;
  EXPECT_EQ(off.body.at("active"), false);
  auto k = ApiClient(server_->port()).get("/api/v1/queue/units/u1/kiosk");
  ASSERT_EQ(k.status, 200);
  ASSERT_EQ(k.body.at("services").as_array().size(), 1u);
  EXPECT_EQ(k.body.at("services").at(0).at("id"), json::value(land));
  auto refused = kiosk();
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.body.at("code"), "service_inactive");
  auto called = call_next();
  ASSERT_EQ(called.status, 200) << called.raw.body;
  ASSERT_EQ(finish(called.body, "served").status, 200);

  // The counter switched off: not on the desk nor the kiosk, cannot call, and a service with no
  // other counter gives no ticket.
  auto closed = patch(admin_, counter_path, {{"active", false}, {"reason", "Quầy 2 đóng"}});
  ASSERT_EQ(closed.status, 200) << closed.raw.body;
  EXPECT_EQ(closed.body.at("active"), false);
  EXPECT_EQ(reception_.get("/api/v1/queue/counters").body.as_array().size(), 0u);
  EXPECT_EQ(ApiClient(server_->port())
                .get("/api/v1/queue/units/u1/kiosk")
                .body.at("counters")
                .as_array()
                .size(),
            0u);
  auto busy = call_next();
  EXPECT_EQ(busy.status, 409);
  EXPECT_EQ(busy.body.at("code"), "counter_inactive");
  auto none = ApiClient(server_->port())
                  .post("/api/v1/queue/units/u1/kiosk-tickets",
                        json::object{{"service_id", land}, {"priority_group", ""}});
  EXPECT_EQ(none.body.at("code"), "service_without_counter") << none.raw.body;

  // The administrator still sees both, switched off, and the audit log says who and why.
  auto setup = admin_.get("/api/v1/admin/queue/units/u1");
  ASSERT_EQ(setup.status, 200) << setup.raw.body;
  EXPECT_EQ(setup.body.at("services").as_array().size(), 2u);
  ASSERT_EQ(setup.body.at("counters").as_array().size(), 1u);
  EXPECT_EQ(setup.body.at("counters").at(0).at("active"), false);
  EXPECT_EQ(reception_.get("/api/v1/admin/queue/units/u1").status, 403);
  auto audit = admin_.get("/api/v1/admin/audit?action=queue.counter_changed");
  ASSERT_EQ(audit.status, 200) << audit.raw.body;
  ASSERT_GE(audit.body.at("entries").as_array().size(), 1u);
  EXPECT_EQ(audit.body.at("entries").at(0).at("reason"), "Quầy 2 đóng");
}

}  // namespace
}  // namespace motcua::testing
