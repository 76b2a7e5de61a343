// The National Public Service Portal link (issue 14 point 3, docs/integrations.md) against the
// portal emulator (tools/emulators/national_portal.py) on loopback: each status change reaches
// {portal-url}/dossiers in order, a dossier submitted on the portal becomes one MotCua dossier
// however often it is pulled, and reconciliation names a difference. Delivery is driven by
// `motcua deliver --once` (the delivery engine with the portal's adapter), as a cron job would.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>

#include "../run_process.hpp"
#include "api_client.hpp"
#include "fixture.hpp"
#include "http_client.hpp"
#include "server_process.hpp"
#include "store/portal_repository.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

// A call to the emulator: not MotCua's API, so not checked against docs/api/openapi.json.
HttpResult partner_request(int port, const std::string& method, const std::string& target,
                           const std::string& body = {}) {
  auto saved = response_observer();
  response_observer() = nullptr;
  struct Restore {
    ResponseObserver& slot;
    ResponseObserver saved;
    ~Restore() { slot = std::move(saved); }
  } restore{response_observer(), std::move(saved)};
  return http_request(port, method, target, {{"Content-Type", "application/json"}}, body);
}

// The emulator as a child process; its port comes from its first stdout line.
class PortalEmulator {
 public:
  PortalEmulator() {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      const std::string script =
          std::string(MOTCUA_SOURCE_DIR) + "/tools/emulators/national_portal.py";
      ::execlp("python3", "python3", script.c_str(), "--port", "0", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    char c;
    while (::read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
    ::close(out[0]);
    if (line.empty()) throw std::runtime_error("emulator did not start");
    url_ = std::string(json::parse(line).at("url").as_string());
    port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
  }
  ~PortalEmulator() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  const std::string& url() const { return url_; }
  json::value get(const std::string& target) const {
    const auto r = partner_request(port_, "GET", target);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }
  json::value post(const std::string& target, const json::value& body) const {
    const auto r = partner_request(port_, "POST", target, json::serialize(body));
    EXPECT_LT(r.status, 300) << r.body;
    return json::parse(r.body);
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string url_;
};

class NationalPortal : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
  }

  // One `motcua deliver --once` with the portal connection: what it did for the portal's topic.
  json::object deliver() {
    const auto r =
        run_process(kBinary + " deliver --once --db '" + db_ + "' --portal-url " + emulator_.url());
    EXPECT_EQ(r.status, 0) << r.err << r.out;
    return json::parse(r.out).at("topics").at("national_portal.sync").as_object();
  }

  json::object portal(const std::string& what, int expected_status = 0) {
    const auto r = run_process(kBinary + " portal " + what + " --db '" + db_ + "' --portal-url " +
                               emulator_.url());
    EXPECT_EQ(r.status, expected_status) << r.err << r.out;
    return json::parse(r.out).as_object();
  }

  std::string counter_intake(ApiClient& reception, const std::string& name) {
    auto created = reception.post(
        "/api/v1/dossiers",
        json::object{{"procedure_code", "1.001193"},
                     {"agency_id", "c1"},
                     {"receiving_unit_id", "u1"},
                     {"channel", "counter"},
                     {"applicant", {{"name", name}, {"id_number", "001090000011"}}}});
    EXPECT_EQ(created.status, 201) << created.raw.body;
    code_ = std::string(created.body.at("code").as_string());
    return std::string(created.body.at("id").as_string());
  }

  // The record the portal holds for `code`, or null.
  json::value held(const std::string& code) {
    const auto list = emulator_.get("/dossiers");
    for (const auto& d : list.at("dossiers").as_array())
      if (d.at("MaHoSo") == code.c_str()) return d;
    return nullptr;
  }

  IntegrationDatabase database_;
  std::string db_ = database_.name();
  PortalEmulator emulator_;
  std::string code_;
};

TEST_F(NationalPortal, EachStatusChangeReachesThePortalInOrder) {
  ServerProcess server(kBinary, db_, {"--fake-now", "2026-03-09T09:00"});
  ApiClient reception(server.port()), processing(server.port());
  ASSERT_EQ(reception.login("tiepnhan", kPassword), 200);
  ASSERT_EQ(processing.login("chuyenvien", kPassword), 200);
  const std::string id = counter_intake(reception, "Đỗ Thị Cúc");

  EXPECT_EQ(deliver().at("delivered"), 2);
  auto record = held(code_);
  ASSERT_TRUE(record.is_object()) << emulator_.get("/dossiers");
  EXPECT_EQ(record.at("TrangThaiHoSo"), 2);  // received
  EXPECT_EQ(record.at("KenhThucHien"), 1);   // counter
  EXPECT_EQ(record.at("MaTTHC"), "1.001193");
  EXPECT_EQ(record.at("NgayTiepNhan"), "20260309090000");
  EXPECT_EQ(record.at("NgayHenTra"), "20260312170000");

  const std::string base = "/api/v1/dossiers/" + id;
  ASSERT_EQ(
      processing.post(base + "/assign", json::object{{"official_id", "off-processing"}}).status,
      200);
  ASSERT_EQ(processing
                .post(base + "/request-supplement",
                      json::object{{"missing_items", json::array{"Giấy chứng sinh"}},
                                   {"reason", "Bản sao không rõ"}})
                .status,
            200);
  EXPECT_EQ(deliver().at("delivered"), 2);
  EXPECT_EQ(held(code_).at("TrangThaiHoSo"), 5);  // supplement requested
  ASSERT_EQ(reception
                .post(base + "/provide-supplement",
                      json::object{{"documents", json::array{"giay-chung-sinh.pdf"}}})
                .status,
            200);
  EXPECT_EQ(deliver().at("delivered"), 1);
  EXPECT_EQ(deliver().at("delivered"), 0);  // nothing twice
  record = held(code_);
  EXPECT_EQ(record.at("TrangThaiHoSo"), 4);  // processing again
  const auto& supplement = record.at("DanhSachBoSung").as_array().at(0);
  EXPECT_EQ(supplement.at("NgayHenTraCu"), "20260312170000");
  EXPECT_FALSE(supplement.at("NgayHenTraMoi").as_string().empty());

  // What the portal received, in order: every status of this dossier, each with its key.
  std::vector<std::int64_t> statuses;
  const auto received = emulator_.get("/_received");
  for (const auto& r : received.as_array()) {
    if (r.at("path") != "/dossiers" || !r.at("body").is_object()) continue;  // POSTs only
    EXPECT_FALSE(r.at("headers").at("idempotency-key").as_string().empty());
    statuses.push_back(r.at("body").at("TrangThaiHoSo").as_int64());
  }
  EXPECT_EQ(statuses, (std::vector<std::int64_t>{1, 2, 4, 5, 4}));
}

TEST_F(NationalPortal, APortalDossierBecomesOneMotCuaDossierEvenIfPulledTwice) {
  const json::object submitted{
      {"MaHoSoDVCQG", "G22.000777"},
      {"MaTTHC", "1.001193"},
      {"MaDonVi", "000.01.01.H40"},
      {"TruongHop", "Khai sinh đúng hạn"},
      {"ChuHoSo",
       {{"HoTen", "Trần Văn Cổng"}, {"SoGiayTo", "001090000077"}, {"Email", "cong@example.vn"}}},
      {"GiayTo", json::array{"Tờ khai đăng ký khai sinh"}}};
  emulator_.post("/_submit", submitted);
  const auto first = portal("pull --once");
  EXPECT_EQ(first.at("created"), 1) << first;
  const std::string id(first.at("dossiers").at(0).at("dossier_id").as_string());
  // The portal forwards the same dossier again (a retry on its side): no second dossier.
  emulator_.post("/_submit", submitted);
  const auto second = portal("pull --once");
  EXPECT_EQ(second.at("created"), 0) << second;
  EXPECT_EQ(second.at("already_pulled"), 1) << second;
  EXPECT_EQ(second.at("dossiers").at(0).at("dossier_id"), id.c_str());

  ServerProcess server(kBinary, db_, {});
  ApiClient reception(server.port());
  ASSERT_EQ(reception.login("tiepnhan", kPassword), 200);
  const auto dossier = reception.get("/api/v1/dossiers/" + id);
  ASSERT_EQ(dossier.status, 200) << dossier.raw.body;
  EXPECT_EQ(dossier.body.at("channel"), "online");
  EXPECT_EQ(dossier.body.at("status"), "submitted");
  EXPECT_EQ(dossier.body.at("applicant").at("name"), "Trần Văn Cổng");
  EXPECT_FALSE(dossier.body.at("code").as_string().empty());  // given when sent, as online
  auto store = store::open_store(db_);
  store->read([&](store::SqlConnection& db) {
    EXPECT_EQ(store::portal_code_of_dossier(db, id), "G22.000777");
  });
}

TEST_F(NationalPortal, ReconciliationNamesWhatThePortalLacks) {
  ServerProcess server(kBinary, db_, {"--fake-now", "2026-03-09T09:00"});
  ApiClient reception(server.port()), admin(server.port());
  ASSERT_EQ(reception.login("tiepnhan", kPassword), 200);
  ASSERT_EQ(admin.login("quantri", kPassword), 200);
  const auto none = admin.get("/api/v1/admin/portal/reconciliation");
  ASSERT_EQ(none.status, 200) << none.raw.body;
  EXPECT_TRUE(none.body.at("report").is_null());

  counter_intake(reception, "Đỗ Thị Cúc");
  EXPECT_EQ(deliver().at("delivered"), 2);
  const auto clean = portal("reconcile");
  EXPECT_EQ(clean.at("dossiers_here"), 1);
  EXPECT_EQ(clean.at("dossiers_portal"), 1);
  EXPECT_TRUE(clean.at("differences").as_array().empty()) << clean;

  // The portal loses what it held; and holds a dossier MotCua never had.
  emulator_.post("/_reset", json::object{});
  emulator_.post("/dossiers", json::object{{"MaHoSo", "000.09.09.H40-260309-0001"},
                                           {"MaTTHC", "1.001193"},
                                           {"TrangThaiHoSo", 4},
                                           {"KenhThucHien", 2}});
  const auto report = portal("reconcile");
  const auto& differences = report.at("differences").as_array();
  ASSERT_EQ(differences.size(), 2u) << report;
  EXPECT_EQ(differences[0].at("dossier_code"), code_.c_str());
  EXPECT_EQ(differences[0].at("kind"), "missing_on_portal");
  EXPECT_EQ(differences[0].at("here"), "2");
  EXPECT_EQ(differences[1].at("kind"), "missing_here");
  EXPECT_EQ(differences[1].at("portal"), "4");

  // The last report is the administrator's to see; no one else's.
  const auto shown = admin.get("/api/v1/admin/portal/reconciliation");
  ASSERT_EQ(shown.status, 200) << shown.raw.body;
  EXPECT_EQ(shown.body.at("report").at("differences").as_array().size(), 2u);
  EXPECT_EQ(reception.get("/api/v1/admin/portal/reconciliation").status, 403);
}

TEST_F(NationalPortal, APortalThatDoesNotAnswerIsAnErrorAndKeepsTheRows) {
  ServerProcess server(kBinary, db_, {"--fake-now", "2026-03-09T09:00"});
  ApiClient reception(server.port());
  ASSERT_EQ(reception.login("tiepnhan", kPassword), 200);
  counter_intake(reception, "Đỗ Thị Cúc");
  emulator_.post("/_control", json::object{{"mode", "error500"}, {"count", 1}});
  const auto failed = deliver();
  EXPECT_EQ(failed.at("delivered"), 0);
  EXPECT_EQ(failed.at("retried"), 1);
  EXPECT_GE(failed.at("pending_now").as_int64(), 1);  // kept, to be tried again
  EXPECT_TRUE(held(code_).is_null());
  emulator_.post("/_control", json::object{{"mode", "error500"}, {"count", 1}});
  EXPECT_TRUE(portal("reconcile", 1).contains("error"));
}

// Storage per dossier (docs/performance.md): a server with no portal link (and the default
// --outbox-unconfigured drop) writes no sync rows that nothing would ever deliver.
TEST_F(NationalPortal, WithoutAPortalLinkNoSyncRowIsWritten) {
  ServerProcess server(kBinary, db_,
                       {"--fake-now", "2026-03-09T09:00", "--outbox-unconfigured", "drop"});
  ApiClient reception(server.port());
  ASSERT_EQ(reception.login("tiepnhan", kPassword), 200);
  counter_intake(reception, "Đỗ Thị Cúc");
  auto store = store::open_store(db_);
  std::int64_t rows = -1;
  store->read([&](store::SqlConnection& db) {
    rows = db.query_one("SELECT COUNT(*) FROM outbox WHERE topic = 'national_portal.sync'")
               ->integer(0);
  });
  EXPECT_EQ(rows, 0);
}

}  // namespace
}  // namespace motcua::testing
