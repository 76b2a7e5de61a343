#include "documents/dossier_documents.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "documents/pdf_test_support.hpp"

namespace motcua::documents {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::PdfFile;

constexpr int kHanoi = 7 * 60;

app::TimelineEntry entry(std::string type, std::string at, std::string actor,
                         std::optional<dossier::Command> command) {
  app::TimelineEntry e;
  e.type = std::move(type);
  e.at = std::move(at);
  e.with_people = true;
  e.actor_id = "official-1";
  e.actor_name = std::move(actor);
  e.command = std::move(command);
  e.utc_offset_minutes = kHanoi;
  return e;
}

// 2026-03-19 17:00 +07:00
constexpr Instant kDue{1773914400};

app::DossierView received_dossier() {
  app::DossierView v;
  v.id = "d-1";
  v.code = "H26.01-260312-0007";
  v.procedure_name = "Đăng ký khai sinh";
  v.applicant = {.name = "Nguyễn Thị Hương",
                 .id_number = "001190000001",
                 .address = "Số 5 phố Hàng Bài, phường Hoàn Kiếm",
                 .phone = "0912345678",
                 .email = "huong@example.vn"};
  v.received_at = "2026-03-12T14:30:00+07:00";
  v.due = "2026-03-19T17:00:00+07:00";
  v.utc_offset_minutes = kHanoi;
  v.terms.limit = {.amount = 5, .unit = clock::LimitUnit::working_days};
  v.return_channel = dossier::Channel::counter;
  v.workspace.agency = app::AgencyCard{.id = "a-1",
                                       .code = "H26.01",
                                       .name = "Ủy ban nhân dân phường Hoàn Kiếm",
                                       .name_en = "",
                                       .parent_name = "Hà Nội"};
  v.workspace.receiving_unit = app::UnitCard{.id = "u-1",
                                             .name = "Bộ phận Một cửa phường Hoàn Kiếm",
                                             .name_en = "",
                                             .address = "Số 1 Lê Lai",
                                             .agency_name = "Ủy ban nhân dân phường Hoàn Kiếm"};
  v.workspace.received_by = app::PersonRef{"official-1", "Trần Văn Đức"};
  v.workspace.received_papers = {{"Tờ khai đăng ký khai sinh", 1, 0}, {"Giấy chứng sinh", 1, 1}};
  v.book_number = store::BookNumber{.year = 2026, .volume = 1, .line = 42, .sets = 1};
  v.timeline.push_back(entry("dossier_accepted", "2026-03-12T14:30:00+07:00", "Trần Văn Đức",
                             dossier::Accept{"H26.01-260312-0007", kDue}));
  return v;
}

std::string render(DossierForm form, const app::DossierView& v) {
  auto pdf = dossier_form_pdf(
      form, v, "https://motcua.example.vn/track?code=H26.01-260312-0007&secret=7K3M0P1Q",
      "7K3M0P1Q");
  EXPECT_TRUE(pdf.has_value());
  return pdf.value_or("");
}

TEST(DossierDocuments, ReceiptCarriesTheNationalHeaderAndTheDossierInShapedVietnamese) {
  const PdfFile pdf(render(DossierForm::receipt, received_dossier()));
  const std::string text = pdf.text();
  EXPECT_THAT(text, HasSubstr("Mẫu số 01"));
  EXPECT_THAT(text, HasSubstr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  EXPECT_THAT(text, HasSubstr("Độc lập - Tự do - Hạnh phúc"));
  EXPECT_THAT(text, HasSubstr("BỘ PHẬN MỘT CỬA PHƯỜNG HOÀN KIẾM"));
  EXPECT_THAT(text, HasSubstr("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"));
  EXPECT_THAT(text, HasSubstr("Hà Nội, ngày 12 tháng 3 năm 2026"));
  EXPECT_THAT(text, HasSubstr("H26.01-260312-0007"));
  // The code alone opens nothing on the public page (issue 18 point 4): the secret is printed.
  EXPECT_THAT(text, HasSubstr("Mã bí mật tra cứu hồ sơ: 7K3M0P1Q"));
  EXPECT_THAT(text, HasSubstr("Nguyễn Thị Hương"));
  EXPECT_THAT(text, HasSubstr("Giấy chứng sinh"));
  EXPECT_THAT(text, HasSubstr("17 giờ 00 phút, ngày 19 tháng 3 năm 2026"));
  EXPECT_THAT(text, HasSubstr("Quyển số: 1 Số thứ tự: 42"));
  EXPECT_THAT(text, HasSubstr("NGƯỜI TIẾP NHẬN HỒ SƠ"));
  EXPECT_THAT(text, HasSubstr("Trần Văn Đức"));
  // The QR symbol is vector drawing, not a picture; the fonts are embedded.
  EXPECT_THAT(pdf.images(), Not(HasSubstr("image")));
  EXPECT_THAT(pdf.fonts(), HasSubstr("Serif"));
  EXPECT_THAT(pdf.fonts(), Not(HasSubstr(" no ")));
}

TEST(DossierDocuments, ReceiptWaitsForReception) {
  auto v = received_dossier();
  v.received_at.reset();
  EXPECT_FALSE(dossier_form_pdf(DossierForm::receipt, v, "x").has_value());
}

TEST(DossierDocuments, NoticesExistOnlyOnceTheirEventHappened) {
  const auto v = received_dossier();
  for (auto form : {DossierForm::supplement_request, DossierForm::refusal, DossierForm::apology,
                    DossierForm::stop_notice, DossierForm::result})
    EXPECT_FALSE(dossier_form_pdf(form, v, "x").has_value()) << static_cast<int>(form);
  EXPECT_TRUE(dossier_form_pdf(DossierForm::control_sheet, v, "x").has_value());
}

TEST(DossierDocuments, SupplementRequestListsEveryMissingItemWithItsReason) {
  auto v = received_dossier();
  v.timeline.push_back(entry(
      "supplement_requested", "2026-03-13T09:00:00+07:00", "Lê Thị Mai",
      dossier::RequestSupplement{{"Bản sao Giấy đăng ký kết hôn", "Giấy ủy quyền có chứng thực"},
                                 "Thiếu giấy tờ chứng minh quan hệ"}));
  const std::string text = PdfFile(render(DossierForm::supplement_request, v)).text();
  EXPECT_THAT(text, HasSubstr("Mẫu số 02"));
  EXPECT_THAT(text, HasSubstr("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"));
  EXPECT_THAT(text, HasSubstr("Kính gửi: Nguyễn Thị Hương"));
  EXPECT_THAT(text, HasSubstr("1. Bản sao Giấy đăng ký kết hôn"));
  EXPECT_THAT(text, HasSubstr("2. Giấy ủy quyền có chứng thực"));
  EXPECT_THAT(text, HasSubstr("Thiếu giấy tờ chứng minh quan hệ"));
  EXPECT_THAT(text, HasSubstr("Hà Nội, ngày 13 tháng 3 năm 2026"));
  EXPECT_THAT(text, HasSubstr("Lê Thị Mai"));
}

TEST(DossierDocuments, RefusalApologyStopAndResultSayWhatHappened) {
  auto v = received_dossier();
  v.timeline.push_back(entry("dossier_refused", "2026-03-12T15:00:00+07:00", "Trần Văn Đức",
                             dossier::Refuse{{"Hồ sơ không thuộc thẩm quyền giải quyết"}}));
  std::string text = PdfFile(render(DossierForm::refusal, v)).text();
  EXPECT_THAT(text, HasSubstr("Mẫu số 03"));
  EXPECT_THAT(text, HasSubstr("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"));
  EXPECT_THAT(text, HasSubstr("1. Hồ sơ không thuộc thẩm quyền giải quyết"));

  v.timeline.push_back(entry("apology_issued", "2026-03-19T10:00:00+07:00", "Phạm Quốc Huy",
                             dossier::IssueApology{"Chờ ý kiến của cơ quan phối hợp",
                                                   Instant{kDue.seconds + 2 * 86400}, ""}));
  text = PdfFile(render(DossierForm::apology, v)).text();
  EXPECT_THAT(text, HasSubstr("Mẫu số 04"));
  EXPECT_THAT(text, HasSubstr("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"));
  EXPECT_THAT(text, HasSubstr("Chờ ý kiến của cơ quan phối hợp"));
  EXPECT_THAT(text, HasSubstr("17 giờ 00 phút, ngày 21 tháng 3 năm 2026"));
  EXPECT_THAT(text, HasSubstr("THỦ TRƯỞNG CƠ QUAN"));

  v.timeline.push_back(entry("dossier_stopped", "2026-03-20T08:00:00+07:00", "Phạm Quốc Huy",
                             dossier::Stop{"Người nộp rút hồ sơ"}));
  text = PdfFile(render(DossierForm::stop_notice, v)).text();
  EXPECT_THAT(text, HasSubstr("Mẫu số 05"));
  EXPECT_THAT(text, HasSubstr("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"));
  EXPECT_THAT(text, HasSubstr("Người nộp rút hồ sơ"));

  v.result_kind = "approval";
  v.timeline.push_back(entry("dossier_approved", "2026-03-18T16:00:00+07:00", "Phạm Quốc Huy",
                             dossier::Approve{"Cấp Giấy khai sinh bản chính"}));
  text = PdfFile(render(DossierForm::result, v)).text();
  EXPECT_THAT(text, HasSubstr("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ"));
  EXPECT_THAT(text, HasSubstr("hồ sơ được chấp thuận"));
  EXPECT_THAT(text, HasSubstr("Cấp Giấy khai sinh bản chính"));
}

TEST(DossierDocuments, ControlSheetListsEveryHandOver) {
  auto v = received_dossier();
  v.workspace.party_names["official:official-2"] = "Hoàng Minh Khôi";
  v.timeline.push_back(entry("dossier_assigned", "2026-03-12T15:10:00+07:00", "Trần Văn Đức",
                             dossier::Assign{"official-2", ""}));
  const std::string text = PdfFile(render(DossierForm::control_sheet, v)).text();
  EXPECT_THAT(text, HasSubstr("Mẫu số 06"));
  EXPECT_THAT(text, HasSubstr("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"));
  EXPECT_THAT(text, HasSubstr("Giao xử lý"));
  EXPECT_THAT(text, HasSubstr("Hoàng Minh Khôi"));
  EXPECT_THAT(text, HasSubstr("12/03/2026 15:10"));
}

TEST(DossierDocuments, TrackingBookOfTwoHundredLinesRepeatsItsHeaderOnEveryPage) {
  app::TrackingBook book;
  book.unit = {.id = "u-1",
               .name = "Bộ phận Một cửa phường Hoàn Kiếm",
               .address = "Số 1 Lê Lai",
               .agency_id = "a-1",
               .agency_name = "Ủy ban nhân dân phường Hoàn Kiếm",
               .parent_name = "Hà Nội"};
  book.from = "2026-01-01";
  book.to = "2026-03-31";
  for (int i = 1; i <= 200; ++i) {
    app::TrackingBookLine line;
    line.line = i;
    line.volume = 1;
    line.code = "000.00.01.H26-260312-" + std::to_string(1000 + i);
    line.procedure_name = "Chứng thực bản sao từ bản chính giấy tờ, văn bản";
    line.applicant_name = "Người nộp số " + std::to_string(i) + " Đặng Thị Ánh";
    line.agency_name = "Ủy ban nhân dân phường Hoàn Kiếm";
    line.received_at = "2026-03-12T08:00:00+07:00";
    line.status = "in_progress";
    line.return_channel = "counter";
    book.dossiers.push_back(line);
  }
  const PdfFile pdf(tracking_book_pdf(book));
  const auto pages = pdf.pages();
  ASSERT_GE(pages.size(), 5u);
  EXPECT_THAT(pages.front(), HasSubstr("Mẫu số 07"));
  EXPECT_THAT(pages.front(), HasSubstr("SỔ THEO DÕI HỒ SƠ"));
  for (const auto& page : pages) {
    EXPECT_THAT(page, HasSubstr("Tên thủ tục hành chính"));
    EXPECT_THAT(page, HasSubstr("Tên cá nhân, tổ chức"));
  }
  const std::string all = pdf.text();
  for (const char* word : {"000.00.01.H26-260312-1001", "000.00.01.H26-260312-1200",
                           "Người nộp số 200", "Đặng Thị Ánh", "Trực tiếp tại Bộ phận Một cửa"})
    EXPECT_NE(all.find(word), std::string::npos) << word;
}

TEST(DossierDocuments, FormNamesAreTheUrlSegments) {
  EXPECT_EQ(parse_dossier_form("supplement-request"), DossierForm::supplement_request);
  EXPECT_EQ(parse_dossier_form("stop-notice"), DossierForm::stop_notice);
  EXPECT_FALSE(parse_dossier_form("tracking-book").has_value());
}

}  // namespace
}  // namespace motcua::documents
