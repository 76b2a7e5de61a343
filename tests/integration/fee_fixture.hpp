// A served province for the fee tests (online payment, counter payment, refunds): the fixture's
// database, the applicant `an`, reception and processing logged in, the server's clock frozen at
// 09:00 on 9 March 2026, and, when asked, the VNPAY emulator (tools/emulators/vnpay.py) wired to
// the server as payment_test.cpp first did: --payment-* on the server, the terminal, the secret and
// the IPN address told to the emulator.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "api_client.hpp"
#include "fixture.hpp"
#include "integrations/http/http_client.hpp"
#include "log_in.hpp"
#include "partner_process.hpp"
#include "server_process.hpp"
#include "store/event_log.hpp"
#include "store/open_store.hpp"

namespace motcua::testing {

inline const std::string kFeeBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
inline constexpr const char* kVnpaySecret = "KHOABIMATVNPAY2026";
inline constexpr const char* kVnpayTerminal = "MOTCUA01";

inline integrations::HttpResponse http_get(const std::string& url) {
  integrations::HttpRequest request;
  request.method = "GET";
  request.url = url;
  return integrations::http_send(request);
}

inline boost::json::value post_json(const std::string& url, const boost::json::value& body) {
  integrations::HttpRequest request;
  request.url = url;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = boost::json::serialize(body);
  const auto answer = integrations::http_send(request);
  EXPECT_EQ(answer.status, 200) << answer.error << answer.body;
  return boost::json::parse(answer.body);
}

// The value of one query parameter of a URL (as it stands, form-encoded).
inline std::string param_of(const std::string& url, const std::string& name) {
  const auto at = url.find(name + "=");
  if (at == std::string::npos) return {};
  const auto start = at + name.size() + 1;
  return url.substr(start, url.find('&', start) - start);
}

class FeeServer : public ::testing::Test {
 protected:
  void start_server(bool with_gateway) {
    seed_fixture(db_);
    std::vector<std::string> args{"--fake-now", "2026-03-09T09:00"};
    if (with_gateway) {
      vnpay_ = std::make_unique<PartnerProcess>("vnpay");
      { std::ofstream(dir_.file("vnpay-secret")) << kVnpaySecret << "\n"; }
      args.insert(args.end(),
                  {"--payment-url", vnpay_->url() + "/paymentv2/vpcpay.html", "--payment-terminal",
                   kVnpayTerminal, "--payment-secret-file", dir_.file("vnpay-secret")});
    }
    server_ = std::make_unique<ServerProcess>(kFeeBinary, db_, args);
    if (with_gateway) {
      post_json(vnpay_->url() + "/_configure", boost::json::object{{"ipn_url", ipn_url()},
                                                                   {"secret", kVnpaySecret},
                                                                   {"terminal", kVnpayTerminal}});
    }
    ASSERT_NO_FATAL_FAILURE(log_in_all(
        server_->port(), {{&an_, "an"}, {&reception_, "tiepnhan"}, {&processing_, "chuyenvien"}}));
  }
  void TearDown() override { server_.reset(); }

  std::string ipn_url() const {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + "/api/v1/payments/vnpay/ipn";
  }

  // An online dossier whose processing official asked for a 150 000 VND fee.
  std::string dossier_awaiting_fee() {
    auto created = an_.post("/api/v1/dossiers", boost::json::object{{"procedure_code", "1.001193"},
                                                                    {"agency_id", "c1"},
                                                                    {"receiving_unit_id", "u1"}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    const std::string base = "/api/v1/dossiers/" + std::string(created.body.at("id").as_string());
    EXPECT_EQ(reception_.post(base + "/accept", boost::json::object{}).status, 200);
    EXPECT_EQ(
        processing_.post(base + "/assign", boost::json::object{{"official_id", "off-processing"}})
            .status,
        200);
    auto requested = processing_.post(
        base + "/request-payment",
        boost::json::object{{"amount", 150000}, {"description", "Lệ phí đăng ký khai sinh muộn"}});
    EXPECT_EQ(requested.status, 200) << requested.raw.body;
    return base;
  }

  std::vector<store::StoredEvent> events(const std::string& base) {
    const std::string id = base.substr(base.rfind('/') + 1);
    std::vector<store::StoredEvent> out;
    auto store = store::open_store(db_);
    store->read([&](store::SqlConnection& db) { out = store::events_of(db, id); });
    return out;
  }
  int count(const std::string& base, const std::string& type) {
    int n = 0;
    for (const auto& e : events(base)) n += e.event.type == type;
    return n;
  }
  std::string chain_problem() {
    std::string problem;
    auto store = store::open_store(db_);
    store->read([&](store::SqlConnection& db) { problem = store::verify_chain(db).problem; });
    return problem;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<PartnerProcess> vnpay_;
  std::unique_ptr<ServerProcess> server_;
  ApiClient an_{0}, reception_{0}, processing_{0};
};

}  // namespace motcua::testing
