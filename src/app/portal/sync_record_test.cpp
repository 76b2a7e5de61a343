#include "app/portal/sync_record.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/dossier/dossier_results.hpp"
#include "app/dossier/dossier_service.hpp"
#include "app/dossier/paper_process_test_support.hpp"
#include "store/outbox.hpp"

namespace motcua::app::portal {
namespace {

namespace json = boost::json;
using dossier::Role;
using test_support::local_time;

TEST(PortalCodes, ChannelCodesAreThoseOfKenhThucHien) {
  EXPECT_EQ(channel_code(dossier::Channel::counter), 1);
  EXPECT_EQ(channel_code(dossier::Channel::online), 2);
  EXPECT_EQ(channel_code(dossier::Channel::post), 3);
}

TEST(PortalCodes, DatesAreLocalYyyyMMddHHmmss) {
  EXPECT_EQ(portal_datetime(local_time(2026, 3, 9, 8, 5), 420), "20260309080500");
  EXPECT_EQ(portal_datetime(std::nullopt, 420), "");
}

// The sync rows the dossier service queued, in the order they were written.
class PortalSyncTest : public test_support::StoreTest {
 protected:
  AppResult<std::string> create(const Actor& a, const NewDossier& d) {
    return write<std::string>([&](store::SqlConnection& db) -> AppResult<std::string> {
      auto c = service_.create(db, a, d);
      if (!c) return tl::unexpected(c.error());
      return c->record.id;
    });
  }
  void act(const Actor& a, const std::string& id, dossier::Command command) {
    auto done = write<bool>([&](store::SqlConnection& db) -> AppResult<bool> {
      auto c = service_.act(db, a, id, command);
      if (!c) return tl::unexpected(c.error());
      return true;
    });
    ASSERT_TRUE(done) << done.error().code << " " << done.error().detail;
  }
  std::vector<store::OutboxMessage> sync_rows() {
    std::vector<store::OutboxMessage> rows;
    store_->read([&](store::SqlConnection& db) {
      for (auto& m : store::pending_outbox(db, now_.seconds + 86400 * 30, 1000))
        if (m.topic == "national_portal.sync") rows.push_back(std::move(m));
    });
    return rows;
  }
  static json::object record(const store::OutboxMessage& m) {
    return json::parse(m.payload).as_object();
  }
  static std::int64_t status(const store::OutboxMessage& m) {
    return record(m).at("TrangThaiHoSo").as_int64();
  }

  Instant now_ = local_time(2026, 3, 6, 15, 20);
  DossierService service_{test_support::test_calendar(), [this] { return now_; }};
  Actor citizen_{"citizen-1", "Nguyễn Văn An", true, {}};
  Actor reception_{"off-r", "Lê Tiếp Nhận", false, {{Role::reception, "c1"}}};
  Actor processing_{"off-p", "Phạm Xử Lý", false, {{Role::processing, "c1"}}};
  Actor leader_{"off-l", "Hoàng Lãnh Đạo", false, {{Role::leader, "c1"}}};
};

NewDossier birth_registration(dossier::Channel channel) {
  NewDossier d;
  d.procedure_code = "1.001193";
  d.agency_id = "c1";
  d.receiving_unit_id = "u1";
  d.channel = channel;
  d.applicant = {"Nguyễn Văn An", "001090000001", "Xã Một", "0900000001", "an@example.vn"};
  return d;
}

TEST_F(PortalSyncTest, ACounterIntakeSendsSubmittedThenReceivedWithEveryHeaderField) {
  auto id = create(reception_, birth_registration(dossier::Channel::counter));
  ASSERT_TRUE(id) << id.error().detail;
  const auto rows = sync_rows();
  // One commit, two events: each row carries the status of its own event, in order.
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(status(rows[0]), 1);
  EXPECT_EQ(status(rows[1]), 2);
  EXPECT_EQ(rows[1].idempotency_key.substr(0, id->size()), *id);
  EXPECT_EQ(rows[1].idempotency_key.substr(rows[1].idempotency_key.size() - 6), ":dvcqg");
  EXPECT_NE(rows[0].idempotency_key, rows[1].idempotency_key);

  const auto r = record(rows[1]);
  EXPECT_EQ(r.at("MaHoSo").as_string(), "000.01.01.H40-260306-0001");
  EXPECT_EQ(r.at("MaTTHC").as_string(), "1.001193");
  EXPECT_EQ(r.at("KenhThucHien").as_int64(), 1);
  EXPECT_EQ(r.at("NgayTiepNhan").as_string(), "20260306152000");
  EXPECT_EQ(r.at("NgayHenTra").as_string().size(), 14u);
  EXPECT_EQ(r.at("NgayKetThucXuLy").as_string(), "");
  EXPECT_EQ(r.at("NgayTra").as_string(), "");
  EXPECT_EQ(r.at("ChuHoSo").as_string(), "Nguyễn Văn An");
  EXPECT_FALSE(r.at("DuocThanhToanTrucTuyen").as_bool());
  const auto& steps = r.at("QuaTrinhXuLy").as_array();
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[1].at("HanhDong").as_string(), "dossier_accepted");
  EXPECT_EQ(steps[1].at("NguoiXuLy").as_string(), "off-r");  // the account's display name
  EXPECT_EQ(steps[1].at("ThoiDiemXuLy").as_string(), "20260306152000");
  EXPECT_EQ(steps[1].at("TrangThaiHoSo").as_int64(), 2);
  // The first row is the record as it stood at submission: not yet received, but filed under the
  // code given in the same instant.
  EXPECT_EQ(record(rows[0]).at("MaHoSo").as_string(), "000.01.01.H40-260306-0001");
  EXPECT_EQ(record(rows[0]).at("NgayTiepNhan").as_string(), "");
  EXPECT_EQ(record(rows[0]).at("QuaTrinhXuLy").as_array().size(), 1u);
}

TEST_F(PortalSyncTest, AnOnlineDossierThroughSupplementFeeDecisionAndReturn) {
  auto id = create(citizen_, birth_registration(dossier::Channel::online));
  ASSERT_TRUE(id) << id.error().detail;
  now_ = local_time(2026, 3, 9, 9, 0);
  act(reception_, *id, dossier::Accept{});
  act(processing_, *id, dossier::Assign{"off-p", "Thẩm định"});
  now_ = local_time(2026, 3, 10, 9, 0);
  act(processing_, *id,
      dossier::RequestSupplement{{"Giấy chứng sinh", "CCCD của mẹ"}, "Thiếu giấy tờ"});
  now_ = local_time(2026, 3, 12, 9, 0);
  act(citizen_, *id, dossier::ProvideSupplement{{"giay-chung-sinh.pdf"}});
  now_ = local_time(2026, 3, 12, 10, 0);
  act(processing_, *id, dossier::RequestPayment{8000, "Lệ phí đăng ký khai sinh"});
  now_ = local_time(2026, 3, 12, 11, 0);
  act(reception_, *id, dossier::ConfirmPayment{8000, "BL-0001"});
  now_ = local_time(2026, 3, 13, 10, 0);
  act(leader_, *id, dossier::Approve{"Đủ điều kiện"});
  now_ = local_time(2026, 3, 13, 15, 0);
  act(reception_, *id, dossier::ReturnResult{dossier::Channel::counter, "Nguyễn Văn An"});

  const auto rows = sync_rows();
  std::vector<std::int64_t> statuses;
  for (const auto& row : rows) statuses.push_back(status(row));
  // submit 1, accept 2, assign 4, supplement 5, provided 4, fee 6, paid 4, approved 9, returned 10
  EXPECT_EQ(statuses, (std::vector<std::int64_t>{1, 2, 4, 5, 4, 6, 4, 9, 10}));

  const auto last = record(rows.back());
  EXPECT_EQ(last.at("KenhThucHien").as_int64(), 2);
  EXPECT_EQ(last.at("NgayKetThucXuLy").as_string(), "20260313100000");
  EXPECT_EQ(last.at("NgayTra").as_string(), "20260313150000");
  const auto& supplement = last.at("DanhSachBoSung").as_array().at(0).as_object();
  EXPECT_EQ(supplement.at("NgayYeuCau").as_string(), "20260310090000");
  EXPECT_EQ(supplement.at("DanhSachGiayTo").as_array().size(), 2u);
  EXPECT_EQ(supplement.at("NgayHenTraCu").as_string(), "20260312090000");  // 3 days from 9/3 09:00
  EXPECT_EQ(supplement.at("NgayBoSung").as_string(), "20260312090000");
  EXPECT_EQ(supplement.at("NgayHenTraMoi").as_string(), "20260317090000");  // restarted limit
  const auto& fee = last.at("DanhSachLePhi").as_array().at(0).as_object();
  EXPECT_EQ(fee.at("SoTien").as_int64(), 8000);
  EXPECT_EQ(fee.at("NgayThanhToan").as_string(), "20260312110000");
  EXPECT_EQ(fee.at("MaGiaoDich").as_string(), "BL-0001");
  EXPECT_FALSE(fee.at("DuocThanhToanTrucTuyen").as_bool());  // paid at the counter
  const auto& result = last.at("DanhSachKetQua").as_array().at(0).as_object();
  EXPECT_EQ(result.at("LoaiKetQua").as_string(), "approval");
  EXPECT_EQ(result.at("NgayCoKetQua").as_string(), "20260313100000");
  const auto& steps = last.at("QuaTrinhXuLy").as_array();
  ASSERT_EQ(steps.size(), 9u);
  EXPECT_EQ(steps[2].at("TenBuoc").as_string(), "Thẩm định");
  EXPECT_EQ(steps[2].at("VaiTro").as_string(), "processing");

  // While paused, the record said the supplement was awaited and the old due date.
  const auto paused = record(rows[3]);
  const auto& open = paused.at("DanhSachBoSung").as_array().at(0).as_object();
  EXPECT_EQ(open.at("NgayBoSung").as_string(), "");
  EXPECT_EQ(open.at("NgayHenTraMoi").as_string(), "");
}

TEST_F(PortalSyncTest, TheSignedResultFileIsListedInTepKetQuaOnceAttached) {
  auto id = create(citizen_, birth_registration(dossier::Channel::online));
  ASSERT_TRUE(id) << id.error().detail;
  now_ = local_time(2026, 3, 9, 9, 0);
  act(reception_, *id, dossier::Accept{});
  act(processing_, *id, dossier::Assign{"off-p", "Thẩm định"});
  act(leader_, *id, dossier::Approve{"Đủ điều kiện"});
  // Returned online without the file: refused by name (dossier_results.hpp).
  auto refused = write<bool>([&](store::SqlConnection& db) -> AppResult<bool> {
    auto c = service_.act(db, reception_, *id,
                          dossier::ReturnResult{dossier::Channel::online, "Nguyễn Văn An"});
    if (!c) return tl::unexpected(c.error());
    return true;
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "result_file_required");
  EXPECT_NE(refused.error().detail.find("result_file"), std::string::npos);

  const std::string sha(64, 'a');
  auto attached = write<bool>([&](store::SqlConnection& db) -> AppResult<bool> {
    auto r = attach_result(
        db, processing_, *id,
        {"ket-qua.pdf", "generated", sha, 1234, "CN=UBND Xã Một", "2026-03-09T09:00:00+07:00"},
        now_, 420);
    if (!r) return tl::unexpected(r.error());
    return true;
  });
  ASSERT_TRUE(attached) << attached.error().detail;
  act(reception_, *id, dossier::ReturnResult{dossier::Channel::online, "Nguyễn Văn An"});

  const auto rows = sync_rows();
  const auto approved = record(rows[rows.size() - 2]);
  EXPECT_TRUE(approved.at("DanhSachKetQua").as_array().at(0).at("TepKetQua").as_array().empty());
  const auto last = record(rows.back());
  EXPECT_EQ(last.at("TrangThaiHoSo").as_int64(), 10);
  const auto& files = last.at("DanhSachKetQua").as_array().at(0).at("TepKetQua").as_array();
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].at("TenTepDinhKem").as_string(), "ket-qua.pdf");
  EXPECT_EQ(files[0].at("MaBamTep").as_string(), sha);
  EXPECT_EQ(files[0].at("DuongDanTep").as_string(), "/api/v1/dossiers/" + *id + "/result.pdf");
  // Papers keep their shape: no link field.
  for (const auto& p : last.at("DanhSachGiayToDinhKem").as_array())
    EXPECT_FALSE(p.as_object().contains("DuongDanTep"));
}

}  // namespace
}  // namespace motcua::app::portal
