// The postal channel over real HTTP (issue 14 point 4; docs/integrations.md "Postal channel"): the
// applicant chooses pickup and delivery by post, MotCua writes "postal.order" outbox rows, the
// postal adapter places them with the Vietnam Post emulator on loopback and the tracking number is
// stored on the dossier, and the post's signed callbacks go into the dossier's history; the
// delivered result counts as returned. The orders go out through `motcua serve --post-url` and its
// delivery engine, which records each answered tracking number on the dossier: the test makes no
// call to the adapter or to the store for that.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <thread>

#include "api_client.hpp"
#include "fixture.hpp"
#include "integrations/http/http_client.hpp"
#include "log_in.hpp"
#include "partner_process.hpp"
#include "server_process.hpp"
#include "store/event_log.hpp"
#include "store/outbox.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
constexpr const char* kSecret = "bí mật chung với bưu điện";
constexpr std::int64_t kFakeNowUnix = 1773021600;  // 2026-03-09T09:00+07:00, the server's clock

json::value post_to(const std::string& url, const json::value& body) {
  integrations::HttpRequest request;
  request.url = url;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = json::serialize(body);
  const auto answer = integrations::http_send(request);
  EXPECT_EQ(answer.status, 200) << answer.error << answer.body;
  return json::parse(answer.body);
}

class Postal : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    {
      std::ofstream token(token_file_);
      token << "token-thu\n";
    }
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_,
        std::vector<std::string>{"--fake-now", "2026-03-09T09:00", "--post-secret", kSecret,
                                 "--post-url", post_.url(), "--post-token-file", token_file_});
    ASSERT_NO_FATAL_FAILURE(log_in_all(server_->port(), {{&an_, "an"},
                                                         {&reception_, "tiepnhan"},
                                                         {&processing_, "chuyenvien"},
                                                         {&leader_, "lanhdao"}}));
  }
  void TearDown() override { server_.reset(); }

  std::string callback_url() const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + "/api/v1/postal/callbacks";
  }

  // The post calls MotCua back (through the emulator, which signs as the real post does).
  json::value callback(const std::string& tracking, const std::string& event,
                       json::object extra = {}) {
    json::object req{{"url", callback_url()},       {"secret", kSecret},
                     {"tracking_number", tracking}, {"event", event},
                     {"timestamp", kFakeNowUnix},   {"note", "Nguyễn Văn An"}};
    for (auto& [k, v] : extra) req[k] = v;
    return post_to(post_.url() + "/_callback", req);
  }

  // The dossier's postal orders once `n` of them carry the post's tracking number, placed by the
  // server's delivery engine (or what there is after 20 s).
  json::array placed_orders(const std::string& base, std::size_t n) {
    json::array orders;
    for (int i = 0; i < 200; ++i) {
      const auto seen = reception_.get(base + "/postal");
      EXPECT_EQ(seen.status, 200) << seen.raw.body;
      if (seen.status != 200) return {};
      orders = seen.body.at("orders").as_array();
      const auto placed = std::count_if(orders.begin(), orders.end(), [](const json::value& o) {
        return !o.at("tracking_number").as_string().empty();
      });
      if (static_cast<std::size_t>(placed) >= n) return orders;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return orders;
  }

  // The orders the post emulator took, by tracking number.
  json::object post_orders() {
    integrations::HttpRequest list;
    list.method = "GET";
    list.url = post_.url() + "/_orders";
    return json::parse(integrations::http_send(list).body).as_object();
  }

  std::size_t postal_rows() {
    std::size_t n = 0;
    auto store = store::open_store(db_);
    store->read([&](store::SqlConnection& db) {
      n = store::outbox_rows(db, store::OutboxFilter{"postal.order", "", 1000}).size();
    });
    return n;
  }

  std::vector<std::string> history_types(const std::string& id) {
    std::vector<std::string> types;
    auto store = store::open_store(db_);
    store->read([&](store::SqlConnection& db) {
      for (const auto& e : store::events_of(db, id)) types.push_back(e.event.type);
    });
    return types;
  }

  // Every stored text of the dossier's events: reason and payload.
  std::vector<std::string> event_texts(const std::string& id) {
    std::vector<std::string> texts;
    auto store = store::open_store(db_);
    store->read([&](store::SqlConnection& db) {
      for (const auto& e : store::events_of(db, id)) {
        texts.push_back(e.event.reason);
        texts.push_back(e.event.payload);
      }
    });
    return texts;
  }

  static bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  std::string token_file_ = dir_.file("post.token");
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  PartnerProcess post_{"vietnam_post"};
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, reception_{0}, processing_{0}, leader_{0};
};

TEST_F(Postal, PickupAndDeliveryByPostUpToTheReturnedResult) {
  auto draft = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                         {"agency_id", "c1"},
                                                         {"receiving_unit_id", "u1"},
                                                         {"return_channel", "post"},
                                                         {"submit", false}});
  ASSERT_EQ(draft.status, 201) << draft.raw.body;
  const std::string id(draft.body.at("id").as_string());
  const std::string base = "/api/v1/dossiers/" + id;
  auto chosen = an_.call("PUT", base + "/postal",
                         json::serialize(json::object{{"pickup", true},
                                                      {"delivery", true},
                                                      {"receiver_name", "Nguyễn Văn An"},
                                                      {"phone", "0900000001"},
                                                      {"address", "12 Lê Lợi, phường Đông Thành"},
                                                      {"cod_vnd", 30000}}),
                         {{"Content-Type", "application/json"}});
  ASSERT_EQ(chosen.status, 200) << chosen.raw.body;
  EXPECT_TRUE(chosen.body.at("pickup").as_bool());
  // A postal choice names where to go: an address missing is refused, naming the field.
  auto bad = an_.call(
      "PUT", base + "/postal",
      json::serialize(json::object{
          {"delivery", true}, {"receiver_name", "An"}, {"phone", "0900000001"}, {"address", ""}}),
      {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body.at("code"), "invalid_postal_address");
  // Nothing leaves before submission.
  EXPECT_EQ(postal_rows(), 0u);

  ASSERT_EQ(an_.post(base + "/submit", json::object{}).status, 200);
  // The engine places the pickup order and records the post's tracking number on the dossier.
  const auto placed = placed_orders(base, 1);
  ASSERT_EQ(placed.size(), 1u) << placed;
  EXPECT_EQ(placed.at(0).at("tracking_number"), "EL000000001VN") << placed;
  // The order went out in the post's shape: papers from the applicant to the one-stop unit.
  const auto listed = post_orders();
  ASSERT_EQ(listed.size(), 1u) << listed;
  const auto& pickup = listed.at("EL000000001VN").as_object();
  EXPECT_EQ(pickup.at("SenderFullname"), "Nguyễn Văn An");
  EXPECT_EQ(pickup.at("SenderAddress"), "12 Lê Lợi, phường Đông Thành");
  EXPECT_EQ(pickup.at("PickupType"), 1);
  EXPECT_EQ(pickup.at("CodAmount"), 0);
  EXPECT_EQ(pickup.at("OrderCode").as_string(), id + ":postal:pickup");

  // The tracking number is on the dossier, for the applicant and the officials.
  auto seen = reception_.get(base + "/postal");
  ASSERT_EQ(seen.status, 200) << seen.raw.body;
  ASSERT_EQ(seen.body.at("orders").as_array().size(), 1u);
  EXPECT_EQ(seen.body.at("orders").at(0).at("tracking_number"), "EL000000001VN");
  EXPECT_EQ(seen.body.at("orders").at(0).at("status"), "placed");
  EXPECT_EQ(an_.get(base + "/postal").body.at("orders").at(0).at("tracking_number"),
            "EL000000001VN");

  auto picked = callback("EL000000001VN", "picked_up");
  EXPECT_EQ(picked.at("status"), 200) << picked;
  EXPECT_EQ(reception_.get(base + "/postal").body.at("orders").at(0).at("status"), "picked_up");

  ASSERT_EQ(reception_.post(base + "/accept", json::object{}).status, 200);
  ASSERT_EQ(processing_
                .post(base + "/assign",
                      json::object{{"official_id", "off-processing"}, {"step", "Thẩm định"}})
                .status,
            200);
  ASSERT_EQ(leader_.post(base + "/approve", json::object{{"note", "Đủ điều kiện"}}).status, 200);
  // The result's delivery order, placed by the engine in the same way.
  const auto both = placed_orders(base, 2);
  ASSERT_EQ(both.size(), 2u) << both;
  EXPECT_TRUE(std::any_of(both.begin(), both.end(), [](const json::value& o) {
    return o.at("tracking_number") == "EL000000002VN";
  })) << both;
  const auto listed2 = post_orders();
  ASSERT_EQ(listed2.size(), 2u) << listed2;
  const auto& result_order = listed2.at("EL000000002VN").as_object();
  EXPECT_EQ(result_order.at("ReceiverFullname"), "Nguyễn Văn An");
  EXPECT_EQ(result_order.at("CodAmount"), 30000);
  EXPECT_EQ(result_order.at("PickupType"), 2);

  auto delivered = callback("EL000000002VN", "delivered");
  ASSERT_EQ(delivered.at("status"), 200) << delivered;
  EXPECT_EQ(delivered.at("body").at("result_returned"), true);
  auto detail = an_.get(base);
  EXPECT_EQ(detail.body.at("status"), "returned");
  EXPECT_EQ(detail.body.at("portal_status"), 10);

  server_.reset();
  const auto types = history_types(id);
  EXPECT_TRUE(has(types, "postal_choice_set"));
  // The receiver's address and phone are sealed in the postal row; no event of the log (which is
  // never rewritten, so never re-sealed) repeats them in clear.
  for (const auto& text : event_texts(id)) {
    EXPECT_EQ(text.find("Lê Lợi"), std::string::npos) << text;
    EXPECT_EQ(text.find("0900000001"), std::string::npos) << text;
  }
  EXPECT_TRUE(has(types, "postal_order_placed"));
  EXPECT_TRUE(has(types, "postal_picked_up"));
  EXPECT_TRUE(has(types, "postal_delivered"));
  EXPECT_EQ(types.back(), "result_returned");
}

TEST_F(Postal, CallbacksMustBeSignedFreshAndNew) {
  auto draft = an_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.001193"},
                                                         {"agency_id", "c1"},
                                                         {"receiving_unit_id", "u1"},
                                                         {"submit", false}});
  ASSERT_EQ(draft.status, 201) << draft.raw.body;
  const std::string base = "/api/v1/dossiers/" + std::string(draft.body.at("id").as_string());
  ASSERT_EQ(an_.call("PUT", base + "/postal",
                     json::serialize(json::object{{"pickup", true},
                                                  {"receiver_name", "An"},
                                                  {"phone", "0900000001"},
                                                  {"address", "12 Lê Lợi, phường Đông Thành"}}),
                     {{"Content-Type", "application/json"}})
                .status,
            200);
  ASSERT_EQ(an_.post(base + "/submit", json::object{}).status, 200);
  ASSERT_EQ(placed_orders(base, 1).at(0).at("tracking_number"), "EL000000001VN");

  auto forged = callback("EL000000001VN", "picked_up", {{"signature", "sha256=00ff"}});
  EXPECT_EQ(forged.at("status"), 401);
  EXPECT_EQ(forged.at("body").at("code"), "invalid_signature");
  auto stale = callback("EL000000001VN", "picked_up", {{"timestamp", kFakeNowUnix - 3600}});
  EXPECT_EQ(stale.at("status"), 401);
  EXPECT_EQ(stale.at("body").at("code"), "stale_timestamp");
  // Nothing happened so far.
  EXPECT_EQ(an_.get(base + "/postal").body.at("orders").at(0).at("status"), "placed");

  auto twice = callback("EL000000001VN", "picked_up", {{"send_twice", true}});
  ASSERT_TRUE(twice.is_array()) << twice;
  EXPECT_EQ(twice.at(0).at("status"), 200);
  EXPECT_EQ(twice.at(1).at("status"), 401);
  EXPECT_EQ(twice.at(1).at("body").at("code"), "callback_replayed");

  auto unknown = callback("EL999999999VN", "delivered");
  EXPECT_EQ(unknown.at("status"), 404);

  server_.reset();
  const auto types = history_types(std::string(draft.body.at("id").as_string()));
  EXPECT_EQ(std::count(types.begin(), types.end(), "postal_picked_up"), 1);
}

}  // namespace
}  // namespace motcua::testing
