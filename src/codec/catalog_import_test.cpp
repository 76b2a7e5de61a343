// Hand-written catalog lines, one per messy case of the national data (data/README.md section 1).
#include "codec/catalog_import.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>

#include "codec/catalog_report.hpp"

namespace motcua::codec {
namespace {

using catalog::Channel;
using catalog::Currency;
using catalog::FeeStatus;
using catalog::TimeStatus;
using catalog::WarningKind;
using clock::LimitUnit;
using clock::TimeLimit;

// A national portal record (parsed format) with the given channel rows and paper groups.
std::string portal(const std::string& code, const std::string& channels,
                   const std::string& papers = "[]", const std::string& extra = "") {
  return R"json({"ma_thu_tuc":")json" + code +
         R"json(","ten_thu_tuc":"Thủ tục đăng ký khai sinh","nguon_bo_nganh":"bo-tu-phap",)json"
         R"json("so_quyet_dinh":"1/QĐ-BTP","cap_thuc_hien":["Cấp xã"],"linh_vuc":"Hộ tịch",)json"
         R"json("co_quan_thuc_hien":"Ủy ban Nhân dân\u00a0xã,\u00a0phường","co_quan_co_tham_quyen":null,)json" +
         extra + R"json("cach_thuc_thuc_hien":)json" + channels +
         R"json(,"thanh_phan_ho_so":)json" + papers +
         R"json(,"cach_thuc_thuc_hien_raw":"","detail_url":"https://dichvucong.gov.vn/x"})json";
}

std::string row(const std::string& channel, const std::string& time, const std::string& fee,
                const std::string& description = "") {
  return R"json({"hinh_thuc":")json" + channel + R"json(","thoi_han_raw":")json" + time +
         R"json(","phi_raw":)json" + (fee == "null" ? fee : "\"" + fee + "\"") +
         R"json(,"mo_ta":")json" + description + "\"}";
}

ImportedProcedure parse_ok(const std::string& line) {
  auto r = parse_catalog_line(line, 7);
  EXPECT_TRUE(r) << (r ? "" : r.error().detail);
  return r ? *r : ImportedProcedure{};
}

std::size_t count(const ImportedProcedure& p, WarningKind kind) {
  return static_cast<std::size_t>(
      std::count_if(p.warnings.begin(), p.warnings.end(),
                    [&](const catalog::ImportWarning& w) { return w.kind == kind; }));
}

TEST(CatalogImport, BareNumberNbspAndNullAgency) {
  const auto p = parse_ok(portal("1.001193", "[" + row("Trực tuyến", "1", "Miễn phí") + "]"));
  EXPECT_EQ(p.line, 7u);
  EXPECT_EQ(p.format, CatalogFormat::dvcqg_parsed);
  EXPECT_EQ(p.procedure.implementing_agency, "Ủy ban Nhân dân xã, phường");
  EXPECT_EQ(p.procedure.competent_agency, "");
  ASSERT_EQ(p.procedure.channels.size(), 1u);
  EXPECT_EQ(p.procedure.channels[0].time.status, TimeStatus::unparsed);
  EXPECT_EQ(p.procedure.channels[0].time.raw, "1");
  EXPECT_EQ(count(p, WarningKind::time_unit_missing), 1u);
  EXPECT_EQ(p.procedure.online_service, catalog::OnlineService::partial);
}

TEST(CatalogImport, UnitsPerChannelMixedMonthsAndNoInformation) {
  const auto p =
      parse_ok(portal("1.000001", "[" + row("Trực tiếp", "5 Ngày làm việc", "Miễn phí") + "," +
                                      row("Trực tuyến", "15 Ngày", "Miễn phí") + "," +
                                      row("Dịch vụ bưu chính", "8 Giờ", "Không có thông tin") +
                                      "," + row("Trực tiếp", "4 Tháng", "Miễn phí") + "," +
                                      row("Trực tuyến", "Không có thông tin", "Miễn phí") + "]"));
  const auto& c = p.procedure.channels;
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[0].time.limit, (TimeLimit{5, LimitUnit::working_days}));
  EXPECT_EQ(c[1].time.limit, (TimeLimit{15, LimitUnit::calendar_days}));
  EXPECT_EQ(c[2].time.limit, (TimeLimit{8, LimitUnit::working_hours}));
  EXPECT_EQ(c[2].channel, Channel::post);
  EXPECT_EQ(c[3].time.status, TimeStatus::unparsed);
  EXPECT_EQ(c[3].time.raw, "4 Tháng");
  EXPECT_EQ(c[4].time.status, TimeStatus::missing);
  EXPECT_EQ(count(p, WarningKind::units_mixed), 1u);
  EXPECT_EQ(count(p, WarningKind::time_months), 1u);
  EXPECT_EQ(count(p, WarningKind::time_missing), 1u);
  EXPECT_EQ(count(p, WarningKind::fee_missing), 1u);
}

TEST(CatalogImport, FeesUsdWrongCurrencyAndDroppedThousands) {
  const auto p = parse_ok(portal(
      "1.003358",
      "[" + row("Trực tuyến", "5 Ngày làm việc", "145 USD", "(Thẻ tạm trú: 145 USD/thẻ.)") + "," +
          row("Trực tiếp", "5 Ngày làm việc", "155 VNĐ", "(Thẻ tạm trú: 155 USD/thẻ.)") + "," +
          row("Trực tiếp", "1 Ngày làm việc", "40 Việt Nam Đồng", "(4.000 đ/giấy thông hành)") +
          "," + row("Trực tuyến", "1 Ngày làm việc", "10,000 Việt Nam Đồng") + "]"));
  const auto& c = p.procedure.channels;
  ASSERT_EQ(c.size(), 4u);
  EXPECT_TRUE(c[0].fee.foreign_currency);
  EXPECT_EQ(c[0].fee.amounts.at(0).amount, 14500);  // cents
  EXPECT_EQ(c[1].fee.amounts.at(0).currency, Currency::usd);
  EXPECT_EQ(c[2].fee.amounts.at(0).amount, 40);
  EXPECT_EQ(c[3].fee.amounts.at(0).amount, 10000);
  EXPECT_EQ(count(p, WarningKind::fee_foreign_currency), 2u);
  EXPECT_EQ(count(p, WarningKind::fee_currency_corrected), 1u);
  EXPECT_EQ(count(p, WarningKind::fee_amount_implausible), 1u);
}

TEST(CatalogImport, TimeAndFeeDigitsGluedByTheScraper) {
  const auto p = parse_ok(
      portal("2.002009",
             "[" + row("Trực tuyến", "1100", "null", "VNĐ(Phí công bố: 100.000 đồng/lần)") + "]"));
  const auto& c = p.procedure.channels.at(0);
  EXPECT_EQ(c.time.status, TimeStatus::unparsed);
  EXPECT_EQ(c.fee.status, FeeStatus::unparsed);
  EXPECT_EQ(c.fee.raw, "1100 VNĐ");
  EXPECT_EQ(c.description, "(Phí công bố: 100.000 đồng/lần)");
  EXPECT_EQ(count(p, WarningKind::time_fee_merged), 1u);
  EXPECT_EQ(count(p, WarningKind::time_unit_missing), 0u);
}

TEST(CatalogImport, PaperRowsSplitByTheScraperAreJoinedBack) {
  const std::string papers = R"json([{"truong_hop":"Trường hợp (1): Đăng ký mới","giay_to":[
      {"ten_giay_to":"Tờ khai","mau_don":"TK01.docx","so_luong":"1 bản chính"},
      {"ten_giay_to":",","mau_don":null,"so_luong":"1 bản sao"},
      {"ten_giay_to":"Tài liệu kỹ thuật (","mau_don":null,"so_luong":"01 bản sao"},
      {"ten_giay_to":"công chứng).","mau_don":null,"so_luong":"0 bản chính"},
      {"ten_giay_to":",","mau_don":null,"so_luong":"1 bản sao"},
      {"ten_giay_to":"Tờ khai (NA8)9-Mẫu NA8.doc","mau_don":null,"so_luong":"1 bản chính"},
      {"ten_giay_to":"Giấy tờ theo Nghị định ngày 19 tháng 6 năm","mau_don":null,"so_luong":"20251 bản chính"},
      {"ten_giay_to":"Biên bản (nếu có)","mau_don":null,"so_luong":"1 bản chính1 bản chính"}]}])json";
  const auto p =
      parse_ok(portal("1.000002", "[" + row("Trực tiếp", "1 Ngày", "Miễn phí") + "]", papers));
  ASSERT_EQ(p.procedure.cases.size(), 1u);
  const auto& variant = p.procedure.cases[0];
  // A single list is no alternative: no name, the situation its heading states kept as a note.
  EXPECT_EQ(variant.name, "");
  EXPECT_EQ(p.procedure.notes, std::vector<std::string>{"Trường hợp (1): Đăng ký mới"});
  ASSERT_EQ(variant.papers.size(), 5u);
  EXPECT_EQ(variant.papers[0].form_files, std::vector<std::string>{"TK01.docx"});
  EXPECT_EQ(variant.papers[0].originals, 1);
  EXPECT_EQ(variant.papers[0].copies, 1);
  EXPECT_EQ(variant.papers[1].name, "Tài liệu kỹ thuật (01 bản sao công chứng).");
  EXPECT_EQ(variant.papers[1].copies, 1);
  EXPECT_EQ(variant.papers[2].name, "Tờ khai (NA8)");
  EXPECT_EQ(variant.papers[2].form_files, std::vector<std::string>{"9-Mẫu NA8.doc"});
  EXPECT_EQ(variant.papers[3].name, "Giấy tờ theo Nghị định ngày 19 tháng 6 năm 2025");
  EXPECT_EQ(variant.papers[3].originals, 1);
  EXPECT_FALSE(variant.papers[4].mandatory);
  EXPECT_EQ(count(p, WarningKind::paper_count_rejoined), 2u);
  EXPECT_EQ(count(p, WarningKind::paper_split_rejoined), 1u);
  EXPECT_EQ(count(p, WarningKind::paper_form_in_name), 1u);
  EXPECT_EQ(count(p, WarningKind::paper_count_glued), 1u);
  EXPECT_EQ(count(p, WarningKind::paper_count_repeated), 1u);
}

TEST(CatalogImport, FlattenedSampleRecord) {
  const std::string line =
      R"json({"ma_thu_tuc":"1.000178","ten_thu_tuc":"Giải quyết khiếu nại","cap_thuc_hien":"Cấp bộ, Cấp tỉnh",)json"
      R"json("co_quan_thuc_hien":"Thanh tra Bộ","co_quan_co_tham_quyen":"Không có thông tin",)json"
      R"json("cach_thuc_thuc_hien":"Hình thức nộpThời gianPhí, lệ phíMô tảDịch vụ bưu chính60 Ngày làm việc)json"
      R"json(Không có thông tinThời hạn không quá 30 ngày.Trực tiếp nộp tại trụ sởTrực tiếp1Miễn phíTrực tuyến)json"
      R"json(1100 VNĐ(lệ phí 100.000 đồng)","thanh_phan_ho_so":"--Tên giấy tờMẫu đơn, tờ khaiSố lượng)json"
      R"json(Đơn khiếu nại theo mẫu;Mau01.docx1 bản chính01 bản sao có chứng thực giấy tờ tùy thân0 bản chính,1 bản sao)json"
      R"json(Trường hợp (2): ủy quyềnTên giấy tờMẫu đơn, tờ khaiSố lượngGiấy ủy quyền1 bản chính",)json"
      R"json("can_cu_phap_ly":"Tên văn bản pháp lýMã văn bảnLuật Khiếu nại năm 201102/2011/QH13Quyết định)json"
      R"json( 12/2021/QĐ-TTg12/2021/QĐ-TTg"})json";
  const auto p = parse_ok(line);
  EXPECT_EQ(p.format, CatalogFormat::dvcqg_flat);
  EXPECT_EQ(p.procedure.levels,
            (std::vector<catalog::Level>{catalog::Level::ministry, catalog::Level::province}));
  EXPECT_EQ(p.procedure.competent_agency, "");
  const auto& c = p.procedure.channels;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].channel, Channel::post);
  EXPECT_EQ(c[0].time.limit, (TimeLimit{60, LimitUnit::working_days}));
  EXPECT_EQ(c[0].description, "Thời hạn không quá 30 ngày.Trực tiếp nộp tại trụ sở");
  EXPECT_EQ(c[1].time.raw, "1");
  EXPECT_EQ(c[1].fee.status, FeeStatus::free);
  EXPECT_EQ(c[2].fee.raw, "1100 VNĐ");
  EXPECT_EQ(count(p, WarningKind::time_fee_merged), 1u);
  ASSERT_EQ(p.procedure.cases.size(), 2u);
  ASSERT_EQ(p.procedure.cases[0].papers.size(), 2u);
  EXPECT_EQ(p.procedure.cases[0].papers[0].name, "Đơn khiếu nại theo mẫu");
  EXPECT_EQ(p.procedure.cases[0].papers[0].form_files, std::vector<std::string>{"Mau01.docx"});
  EXPECT_EQ(p.procedure.cases[0].papers[1].name, "01 bản sao có chứng thực giấy tờ tùy thân");
  EXPECT_EQ(p.procedure.cases[0].papers[1].copies, 1);
  EXPECT_EQ(p.procedure.cases[1].name, "Trường hợp (2): ủy quyền");
  ASSERT_EQ(p.procedure.legal_basis.size(), 2u);
  EXPECT_EQ(p.procedure.legal_basis[0].title, "Luật Khiếu nại năm 2011");
  EXPECT_EQ(p.procedure.legal_basis[0].number, "02/2011/QH13");
  EXPECT_EQ(p.procedure.legal_basis[1].number, "12/2021/QĐ-TTg");
}

TEST(CatalogImport, DefenceMinistryRecord) {
  const std::string line =
      R"json({"thu_tuc_id":"1.013516","source_file":"x.doc","metadata":{"mã_thủ_tục":"1.013516",)json"
      R"json("tên_thủ_tục":"Thủ tục biên phòng","số_quyết_định":"Quyết định số 6225/QĐ-BQP",)json"
      R"json("cấp_thực_hiện":"Cấp Bộ, Cấp Xã","loại_thủ_tục":"TTHC","lĩnh_vực":"Biên phòng"},)json"
      R"json("content":{"cơ_quan_thực_hiện":"Biên phòng cửa khẩu cảng","cơ_quan_phối_hợp":"Không có thông tin"},)json"
      R"json("tables":{"hinh_thuc_nop":[)json"
      R"json({"hinh_thuc":"Trực tiếp","thoi_han_giai_quyet":"01 Giờ","phi_le_phi":"Phí : 0 Đồng","mo_ta":""},)json"
      R"json({"hinh_thuc":"Trực tuyến","thoi_han_giai_quyet":"Không quy định","phi_le_phi":"Phí : 2.000.000 Đồng (Thẩm định)\nLệ phí : 1.5 USD","mo_ta":""},)json"
      R"json({"hinh_thuc":"Dịch vụ bưu chính","thoi_han_giai_quyet":"30 Ngày làm việc","phi_le_phi":"Phí : Không Đồng","mo_ta":""}],)json"
      R"json("thanh_phan_ho_so":[{"ten_giay_to":"Kế hoạch","so_luong":"5-PHLCII.doc","ghi_chu":"Bản chính: 1\nBản sao: 0"},)json"
      R"json({"ten_giay_to":"Văn bản đề nghị","so_luong":"","ghi_chu":"Bản chính: 0\nBản sao: 2"}],)json"
      R"json("can_cu_phap_ly":[{"so_ky_hieu":"12","trich_yeu":"Quyết định số 12/2021/QĐ-TTg","ngay_ban_hanh":"24-03-2021","co_quan_ban_hanh":"Thủ tướng Chính phủ"},)json"
      R"json({"so_ky_hieu":"13","trich_yeu":"x","ngay_ban_hanh":"2021","co_quan_ban_hanh":""}]}})json";
  const auto p = parse_ok(line);
  EXPECT_EQ(p.format, CatalogFormat::bqp);
  EXPECT_EQ(p.procedure.source, "bqp");
  EXPECT_EQ(p.procedure.name, "Thủ tục biên phòng");
  EXPECT_EQ(p.procedure.coordinating_agency, "");
  const auto& c = p.procedure.channels;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].time.limit, (TimeLimit{1, LimitUnit::working_hours}));
  EXPECT_EQ(c[0].fee.status, FeeStatus::free);
  EXPECT_EQ(c[1].time.status, TimeStatus::not_regulated);
  ASSERT_EQ(c[1].fee.amounts.size(), 2u);
  EXPECT_EQ(c[1].fee.amounts[0].amount, 2000000);
  EXPECT_EQ(c[1].fee.amounts[0].kind, catalog::FeeKind::fee);
  EXPECT_EQ(c[1].fee.amounts[1].kind, catalog::FeeKind::charge);
  EXPECT_EQ(c[1].fee.amounts[1].amount, 150);
  EXPECT_EQ(c[2].fee.status, FeeStatus::free);
  const auto& papers = p.procedure.cases.at(0).papers;
  ASSERT_EQ(papers.size(), 2u);
  EXPECT_EQ(papers[0].form_files, std::vector<std::string>{"5-PHLCII.doc"});
  EXPECT_EQ(papers[0].originals, 1);
  EXPECT_EQ(papers[1].copies, 2);
  ASSERT_EQ(p.procedure.legal_basis.size(), 2u);
  EXPECT_EQ(p.procedure.legal_basis[0].issued, date_from_ymd(2021, 3, 24));
  EXPECT_EQ(count(p, WarningKind::paper_form_in_count), 1u);
  EXPECT_EQ(count(p, WarningKind::units_mixed), 1u);
  EXPECT_EQ(count(p, WarningKind::date_unparsed), 1u);
  EXPECT_EQ(count(p, WarningKind::fee_foreign_currency), 1u);
}

TEST(CatalogImport, RejectionsNameTheLineAndTheRestStillParses) {
  CatalogImporter importer;
  const std::string good =
      portal("1.000001", "[" + row("Trực tiếp", "5 Ngày làm việc", "Miễn phí") + "]");
  const std::vector<std::string> lines = {
      good,
      R"json({"ma_thu_tuc":"1.000003", "ten_thu_tuc": )json",  // truncated
      "",
      "[1,2,3]",
      R"json({"hello":"world"})json",
      R"json({"ma_thu_tuc":"","ten_thu_tuc":"x","cach_thuc_thuc_hien":[]})json",
      R"json({"ma_thu_tuc":"1.000004","ten_thu_tuc":" ","cach_thuc_thuc_hien":[]})json",
      good,
      R"json({"ma_thu_tuc":"1.000005"} trailing)json",
      portal("1.000006", "[" + row("Trực tiếp", "2 Ngày làm việc", "Miễn phí") + "]") + "\r",
  };
  std::vector<RejectReason> reasons;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto r = importer.add_line(lines[i], i + 1);
    if (r && !*r) reasons.push_back(r->error().reason);
  }
  const ImportSummary& s = importer.summary();
  EXPECT_EQ(s.lines, 10u);
  EXPECT_EQ(s.blank, 1u);
  EXPECT_EQ(s.parsed(), 2u);
  ASSERT_EQ(s.rejected.size(), 7u);
  EXPECT_EQ(s.parsed() + s.rejected.size() + s.blank, s.lines);
  EXPECT_EQ(reasons,
            (std::vector<RejectReason>{RejectReason::invalid_json, RejectReason::not_an_object,
                                       RejectReason::unknown_format, RejectReason::missing_code,
                                       RejectReason::missing_name, RejectReason::duplicate_code,
                                       RejectReason::invalid_json}));
  EXPECT_EQ(s.rejected[0].line, 2u);
  EXPECT_NE(s.rejected[0].detail.find("at byte"), std::string::npos);
  EXPECT_EQ(s.rejected[4].code, "1.000004");
  EXPECT_EQ(s.rejected[5].line, 8u);
  EXPECT_EQ(s.rejected[5].code, "1.000001");
}

TEST(CatalogImport, InvalidUtf8IsReplacedNotRejected) {
  const auto p = parse_ok(portal("1.000007", "[" + row("Trực tiếp", "5 Ngày", "Miễn phí") + "]",
                                 "[]", "\"doi_tuong_thuc_hien\":\"C\xFFng d\xC3\","));
  EXPECT_EQ(p.procedure.applicants, "C\xEF\xBF\xBDng d\xEF\xBF\xBD");
}

TEST(CatalogReport, LinesAndSummaryAreJson) {
  CatalogImporter importer;
  const auto ok =
      importer.add_line(portal("1.001193", "[" + row("Trực tuyến", "1", "Miễn phí") + "]"), 1);
  const auto bad = importer.add_line("{oops", 2);
  ASSERT_TRUE(ok && bad);
  EXPECT_TRUE(needs_report(*ok));
  EXPECT_TRUE(needs_report(*bad));
  const auto a = boost::json::parse(render_report_line(*ok)).as_object();
  EXPECT_EQ(a.at("code"), "1.001193");
  EXPECT_EQ(a.at("status"), "imported_with_warnings");
  EXPECT_EQ(a.at("warnings").as_array().at(0).as_object().at("kind"), "time_unit_missing");
  const auto b = boost::json::parse(render_report_line(*bad)).as_object();
  EXPECT_EQ(b.at("status"), "rejected");
  EXPECT_EQ(b.at("line"), 2);
  EXPECT_EQ(b.at("reason"), "invalid_json");
  const auto s = boost::json::parse(render_summary_json(importer.summary())).as_object();
  EXPECT_EQ(s.at("records"), 2);
  EXPECT_EQ(s.at("rejected"), 1);
  EXPECT_EQ(s.at("warnings_by_kind").as_object().at("time_unit_missing"), 1);
  EXPECT_EQ(s.at("warnings_by_kind").as_object().at("time_months"), 0);
  EXPECT_EQ(s.at("warnings_by_kind").as_object().size(), catalog::kAllWarningKinds.size());
}

}  // namespace
}  // namespace motcua::codec
