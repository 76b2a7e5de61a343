#include "integrations/national_portal/portal_client.hpp"

#include <gtest/gtest.h>

#include "integrations/national_portal/portal_adapter.hpp"

namespace motcua::integrations {
namespace {

using app::delivery::DeliveryOutcome;

TEST(PortalClient, ReadsTheDossiersSubmittedOnThePortal) {
  const auto read = parse_portal_inbound(
      R"({"dossiers":[{"MaHoSoDVCQG":"G22.000001","seq":3,"MaTTHC":"1.001193",)"
      R"("MaDonVi":"000.01.01.H40","TruongHop":"Khai sinh đúng hạn","ChuHoSo":{"HoTen":)"
      R"("Trần Văn Cổng","SoGiayTo":"001","DiaChi":"Xã Một","SoDienThoai":"0900","Email":)"
      R"("c@example.vn"},"GiayTo":["Tờ khai"]}]})");
  ASSERT_TRUE(read) << read.error();
  ASSERT_EQ(read->size(), 1u);
  const auto& d = read->front();
  EXPECT_EQ(d.portal_code, "G22.000001");
  EXPECT_EQ(d.seq, 3);
  EXPECT_EQ(d.procedure_code, "1.001193");
  EXPECT_EQ(d.agency_code, "000.01.01.H40");
  EXPECT_EQ(d.variant, "Khai sinh đúng hạn");
  EXPECT_EQ(d.applicant.name, "Trần Văn Cổng");
  EXPECT_EQ(d.applicant.email, "c@example.vn");
  EXPECT_EQ(d.papers, std::vector<std::string>{"Tờ khai"});
}

TEST(PortalClient, RefusesAnswersItCannotTrust) {
  EXPECT_FALSE(parse_portal_inbound("<html>"));
  EXPECT_FALSE(parse_portal_inbound(R"({"items":[]})"));
  // Without its own code a dossier could not be deduplicated.
  EXPECT_FALSE(parse_portal_inbound(R"({"dossiers":[{"seq":1,"MaTTHC":"1"}]})"));
}

TEST(PortalClient, ReadsTheRecordsThePortalHolds) {
  const auto read = parse_portal_records(
      R"({"dossiers":[{"MaHoSo":"X-1","TrangThaiHoSo":5,"NgayHenTra":"20260312170000"}]})");
  ASSERT_TRUE(read) << read.error();
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ(read->front().dossier_code, "X-1");
  EXPECT_EQ(read->front().status_code, 5);
  EXPECT_EQ(read->front().due_at, "20260312170000");
}

TEST(PortalAdapter, PostsToDossiersAndKeepsMessagesWhenUnsetOrDown) {
  EXPECT_EQ(portal_url("http://h:1/dvc/", "dossiers"), "http://h:1/dvc/dossiers");
  NationalPortalAdapter unset("");
  EXPECT_FALSE(unset.configured());
  EXPECT_EQ(unset.deliver({1, "national_portal.sync", "k", "{}", 0}).outcome,
            DeliveryOutcome::retry);
  // Port 1 on loopback: nothing listens there; the message is retried, never dropped.
  NationalPortalAdapter down("http://127.0.0.1:1");
  EXPECT_EQ(down.endpoint(), "http://127.0.0.1:1/dossiers");
  EXPECT_EQ(down.deliver({1, "national_portal.sync", "k", "{}", 0}).outcome,
            DeliveryOutcome::retry);
}

}  // namespace
}  // namespace motcua::integrations
