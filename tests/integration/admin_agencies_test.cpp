// Administration of agencies and one-stop units over real HTTP against the real binary: an
// administrator renames an agency, changes its dossier-code prefix and opens a new place of
// receipt where reception then takes a dossier; refusals (role, reason, duplicate code, unknown
// agency) and the audit rows with the values before and after.
#include <gtest/gtest.h>

#include "api_client.hpp"
#include "fixture.hpp"
#include "log_in.hpp"
#include "server_process.hpp"
#include "store/audit_log.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";

class AdminAgencies : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_fixture(db_);
    seed_administrator(db_);
    server_ = std::make_unique<ServerProcess>(
        kBinary, db_, std::vector<std::string>{"--fake-now", "2026-03-02T09:00"});
    ASSERT_NO_FATAL_FAILURE(
        log_in_all(server_->port(), {{&admin_, "quantri"}, {&reception_, "tiepnhan"}}));
  }
  void TearDown() override { server_.reset(); }

  ApiResult send(const ApiClient& who, const std::string& method, const std::string& target,
                 const json::value& body) {
    return who.call(method, target, json::serialize(body), {{"Content-Type", "application/json"}});
  }

  std::vector<store::AuditEntry> audit(const std::string& object) {
    server_.reset();
    auto store = store::open_store(db_);
    std::vector<store::AuditEntry> out;
    store->read([&](store::SqlConnection& db) { out = store::audit_of(db, object); });
    return out;
  }

  TempDir dir_{::testing::UnitTest::GetInstance()->current_test_info()->name()};
  IntegrationDatabase database_;
  std::string db_ = database_.name();
  std::unique_ptr<ServerProcess> server_;
  ApiClient admin_{0}, reception_{0};
};

TEST_F(AdminAgencies, RenamedAgencyAndNewUnitServeTheNextCounterDossier) {
  auto renamed = send(admin_, "PATCH", "/api/v1/admin/agencies/c1",
                      {{"name", "Phường Một"},
                       {"name_en", "Ward One"},
                       {"code", "000.01.09.H40"},
                       {"expected", {{"name", "Xã Một"}, {"code", "000.01.01.H40"}}},
                       {"reason", "Nghị quyết sắp xếp đơn vị hành chính"}});
  ASSERT_EQ(renamed.status, 200) << renamed.raw.body;
  EXPECT_EQ(renamed.body.at("name"), "Phường Một");
  EXPECT_EQ(renamed.body.at("code"), "000.01.09.H40");

  // The public directory shows the new name.
  bool listed = false;
  const auto agencies = admin_.get("/api/v1/agencies?parent=p1");
  for (const auto& a : agencies.body.as_array()) {
    if (a.at("id") == "c1") listed = a.at("name") == "Phường Một";
  }
  EXPECT_TRUE(listed);

  auto created = send(admin_, "POST", "/api/v1/admin/one-stop-units",
                      {{"id", "u1-diem-2"},
                       {"agency_id", "c1"},
                       {"name", "Điểm tiếp nhận số 2 phường Một"},
                       {"name_en", "Ward One intake point 2"},
                       {"address", "12 Trần Hưng Đạo"},
                       {"reason", "Mở thêm điểm tiếp nhận"}});
  ASSERT_EQ(created.status, 201) << created.raw.body;
  bool unit_listed = false;
  const auto units = admin_.get("/api/v1/one-stop-units");
  for (const auto& u : units.body.as_array()) {
    if (u.at("id") == "u1-diem-2") unit_listed = u.at("agency_id") == "c1";
  }
  EXPECT_TRUE(unit_listed);

  // Reception of the agency takes a dossier at the new unit; its code carries the new prefix.
  auto dossier =
      reception_.post("/api/v1/dossiers", json::object{{"procedure_code", "1.000894"},
                                                       {"agency_id", "c1"},
                                                       {"receiving_unit_id", "u1-diem-2"},
                                                       {"channel", "counter"},
                                                       {"applicant", {{"name", "Đỗ Thị Cúc"}}}});
  ASSERT_EQ(dossier.status, 201) << dossier.raw.body;
  EXPECT_EQ(std::string(dossier.body.at("code").as_string()).rfind("000.01.09.H40-260302-", 0), 0u)
      << dossier.raw.body;

  auto edited = send(admin_, "PATCH", "/api/v1/admin/one-stop-units/u1-diem-2",
                     {{"address", "14 Trần Hưng Đạo"}, {"reason", "Chuyển trụ sở"}});
  ASSERT_EQ(edited.status, 200) << edited.raw.body;
  EXPECT_EQ(edited.body.at("address"), "14 Trần Hưng Đạo");
  EXPECT_EQ(edited.body.at("name"), "Điểm tiếp nhận số 2 phường Một");

  // A stale editor is refused rather than overwriting the rename.
  auto stale = send(admin_, "PATCH", "/api/v1/admin/agencies/c1",
                    {{"name", "Xã Một Cũ"}, {"expected", {{"name", "Xã Một"}}}, {"reason", "x"}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.body.at("code"), "changed_meanwhile");

  const auto agency_audit = audit("c1");
  ASSERT_EQ(agency_audit.size(), 1u);
  EXPECT_EQ(agency_audit[0].action, "agency.updated");
  EXPECT_EQ(agency_audit[0].actor_id, "off-admin");
  EXPECT_EQ(agency_audit[0].reason, "Nghị quyết sắp xếp đơn vị hành chính");
  const auto details = json::parse(agency_audit[0].details);
  EXPECT_EQ(details.at("before").at("code"), "000.01.01.H40");
  EXPECT_EQ(details.at("after").at("name"), "Phường Một");
  const auto unit_audit = audit("u1-diem-2");
  ASSERT_EQ(unit_audit.size(), 2u);
  EXPECT_EQ(unit_audit[0].action, "one_stop_unit.created");
  EXPECT_EQ(unit_audit[1].action, "one_stop_unit.updated");
  EXPECT_EQ(json::parse(unit_audit[1].details).at("before").at("address"), "12 Trần Hưng Đạo");
}

TEST_F(AdminAgencies, RefusesNonAdministratorsMissingReasonTakenCodesAndUnknownAgencies) {
  const json::object rename{{"name", "Xã Khác"}, {"reason", "r"}};
  EXPECT_EQ(send(reception_, "PATCH", "/api/v1/admin/agencies/c1", rename).status, 403);
  EXPECT_EQ(reception_.get("/api/v1/admin/agencies").status, 403);
  EXPECT_EQ(send(reception_, "POST", "/api/v1/admin/one-stop-units",
                 {{"id", "u9"}, {"agency_id", "c1"}, {"name", "U"}, {"reason", "r"}})
                .status,
            403);

  auto no_reason = send(admin_, "PATCH", "/api/v1/admin/agencies/c1", {{"name", "Xã Khác"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.body.at("code"), "reason_required");
  auto unit_no_reason = send(admin_, "POST", "/api/v1/admin/one-stop-units",
                             {{"id", "u9"}, {"agency_id", "c1"}, {"name", "U"}, {"reason", " "}});
  EXPECT_EQ(unit_no_reason.status, 422);

  auto taken = send(admin_, "PATCH", "/api/v1/admin/agencies/c1",
                    {{"code", "000.02.02.H40"}, {"reason", "nhầm"}});
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.body.at("code"), "agency_code_taken");
  EXPECT_FALSE(std::string(taken.body.at("message_vi").as_string()).empty());

  auto malformed =
      send(admin_, "PATCH", "/api/v1/admin/agencies/c1", {{"code", "C1-01"}, {"reason", "r"}});
  EXPECT_EQ(malformed.status, 422);
  EXPECT_EQ(malformed.body.at("code"), "invalid_agency_code");

  EXPECT_EQ(send(admin_, "PATCH", "/api/v1/admin/agencies/khong-co", rename).status, 404);
  EXPECT_EQ(send(admin_, "POST", "/api/v1/admin/one-stop-units",
                 {{"id", "u9"}, {"agency_id", "khong-co"}, {"name", "U"}, {"reason", "r"}})
                .status,
            404);
  EXPECT_EQ(send(admin_, "POST", "/api/v1/admin/one-stop-units",
                 {{"id", "u1"}, {"agency_id", "c1"}, {"name", "U"}, {"reason", "r"}})
                .status,
            409);
  EXPECT_EQ(send(admin_, "PATCH", "/api/v1/admin/one-stop-units/khong-co", rename).status, 404);

  // Nothing refused was stored.
  EXPECT_TRUE(audit("c1").empty());
}

}  // namespace
}  // namespace motcua::testing
