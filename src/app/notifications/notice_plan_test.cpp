#include "app/notifications/notice_plan.hpp"

#include <gtest/gtest.h>

namespace motcua::app::notifications {
namespace {

using dossier::DossierStatus;

const calendar::WorkingCalendar& cal() {
  static const auto c = *calendar::WorkingCalendar::build({}, calendar::OfficeHours::standard());
  return c;
}

Instant at(int y, int m, int d, int hh) {
  return from_local(date_from_ymd(y, m, d), hh * 3600, cal().utc_offset_minutes());
}

dossier::Event event(dossier::Command command, DossierStatus to, Instant when) {
  dossier::Event e;
  e.command = std::move(command);
  e.to = to;
  e.at = when;
  return e;
}

const DossierFacts kFacts{
    "d_1",           "000.01.01.H40-261202-0007", "7K3M0P1Q", "Đăng ký khai sinh", "UBND xã Một",
    "Nguyễn Văn An", at(2026, 12, 7, 17)};

TEST(NoticeFor, AReceiptTellsTheCodeTheDateAndTheAppointmentAsDdMmYyyy) {
  const auto n = notice_for(event(dossier::Accept{"000.01.01.H40-261202-0007", at(2026, 12, 7, 17)},
                                  DossierStatus::received, at(2026, 12, 2, 9)),
                            kFacts, cal());
  ASSERT_TRUE(n);
  EXPECT_EQ(n->template_key, "dossier_received");
  EXPECT_FALSE(n->required);
  EXPECT_EQ(n->status, "received");
  EXPECT_EQ(n->params.at("dossier_code"), "000.01.01.H40-261202-0007");
  EXPECT_EQ(n->params.at("received_date"), "02/12/2026");
  EXPECT_EQ(n->params.at("due_date"), "07/12/2026");
  // The secret rides in the link: the code alone opens nothing on the public page.
  EXPECT_EQ(n->params.at("tracking_url"), "/track?code=000.01.01.H40-261202-0007&secret=7K3M0P1Q");
}

TEST(NoticeFor, TheLawsNoticesAreRequiredAndCarryTheirDetails) {
  const auto supplement =
      notice_for(event(dossier::RequestSupplement{{"Bản sao CCCD", "Giấy chứng sinh"}, "thiếu"},
                       DossierStatus::awaiting_supplement, at(2026, 12, 3, 9)),
                 kFacts, cal());
  ASSERT_TRUE(supplement);
  EXPECT_EQ(supplement->template_key, "supplement_requested");
  EXPECT_TRUE(supplement->required);
  EXPECT_EQ(supplement->list_params.at("papers"),
            (std::vector<std::string>{"Bản sao CCCD", "Giấy chứng sinh"}));

  const auto fee = notice_for(event(dossier::RequestPayment{50000, "Lệ phí"},
                                    DossierStatus::awaiting_payment, at(2026, 12, 3, 9)),
                              kFacts, cal());
  ASSERT_TRUE(fee);
  EXPECT_TRUE(fee->required);
  EXPECT_EQ(fee->params.at("amount_vnd"), "50000");
  EXPECT_EQ(fee->params.at("pay_url"), "/dossiers/d_1");

  const auto apology =
      notice_for(event(dossier::IssueApology{"Chờ xác minh", at(2026, 12, 10, 17), ""},
                       DossierStatus::in_progress, at(2026, 12, 7, 9)),
                 kFacts, cal());
  ASSERT_TRUE(apology);
  EXPECT_TRUE(apology->required);
  EXPECT_EQ(apology->params.at("due_date"), "07/12/2026");
  EXPECT_EQ(apology->params.at("new_due_date"), "10/12/2026");
  EXPECT_EQ(apology->params.at("reasons"), "Chờ xác minh");

  for (auto command : {dossier::Command{dossier::Refuse{{"Không thuộc thẩm quyền"}}},
                       dossier::Command{dossier::RejectAfterReview{{"Không đủ điều kiện"}}}}) {
    const auto refused =
        notice_for(event(command, DossierStatus::returned, at(2026, 12, 3, 9)), kFacts, cal());
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->template_key, "dossier_refused");
    EXPECT_TRUE(refused->required);
    EXPECT_EQ(refused->list_params.at("reasons").size(), 1u);
  }
}

TEST(NoticeFor, EachNoticeCarriesTheStatusOfItsOwnEvent) {
  // In a batch "approve, then return" the approval's notice says result_ready, not returned.
  const auto ready = notice_for(
      event(dossier::Approve{}, DossierStatus::result_ready, at(2026, 12, 3, 9)), kFacts, cal());
  const auto returned = notice_for(
      event(dossier::ReturnResult{}, DossierStatus::returned, at(2026, 12, 3, 9)), kFacts, cal());
  ASSERT_TRUE(ready && returned);
  EXPECT_EQ(ready->template_key, "result_ready");
  EXPECT_EQ(ready->status, "result_ready");
  EXPECT_EQ(returned->template_key, "result_returned");
  EXPECT_EQ(returned->status, "returned");
}

TEST(NoticeFor, InternalStepsSendNothing) {
  EXPECT_FALSE(notice_for(
      event(dossier::Assign{"off-p", ""}, DossierStatus::in_progress, at(2026, 12, 3, 9)), kFacts,
      cal()));
  EXPECT_FALSE(notice_for(
      event(dossier::Forward{"off-l", ""}, DossierStatus::in_progress, at(2026, 12, 3, 9)), kFacts,
      cal()));
}

PlannedNotice notice(bool required) {
  PlannedNotice n;
  n.template_key = required ? "dossier_refused" : "dossier_received";
  n.required = required;
  return n;
}

std::vector<std::string> topics(const std::vector<ChannelRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.topic + ">" + r.to);
  return out;
}

TEST(ChannelsFor, OneRowPerChannelWithAContact) {
  const Contacts both{" an@example.vn ", "0900 000 001"};
  EXPECT_EQ(topics(channels_for(notice(false), both, {})),
            (std::vector<std::string>{"mail>an@example.vn", "sms>0900000001", "zalo>0900000001"}));
  EXPECT_EQ(topics(channels_for(notice(false), {"an@example.vn", ""}, {})),
            (std::vector<std::string>{"mail>an@example.vn"}));
  EXPECT_TRUE(channels_for(notice(true), {"", ""}, {}).empty());
  EXPECT_TRUE(channels_for(notice(true), {"not an address", "12"}, {}).empty());
}

TEST(ChannelsFor, OptionalNoticesSwitchedOffAreNotWrittenButRequiredOnesAre) {
  const Contacts both{"an@example.vn", "+84900000001"};
  Preferences off;
  off.optional_on = false;
  EXPECT_TRUE(channels_for(notice(false), both, off).empty());
  EXPECT_EQ(channels_for(notice(true), both, off).size(), 3u);
}

TEST(ChannelsFor, ChosenChannelsAreHonouredAndTheLawsNoticesFallBackToAnyContact) {
  const Contacts phone_only{"", "0900000001"};
  Preferences mail_only;
  mail_only.sms = false;
  mail_only.zalo = false;
  EXPECT_EQ(topics(channels_for(notice(false), {"an@example.vn", "0900000001"}, mail_only)),
            (std::vector<std::string>{"mail>an@example.vn"}));
  // Mail chosen but no address: an optional notice is not sent, a required one goes by phone.
  EXPECT_TRUE(channels_for(notice(false), phone_only, mail_only).empty());
  EXPECT_EQ(topics(channels_for(notice(true), phone_only, mail_only)),
            (std::vector<std::string>{"sms>0900000001", "zalo>0900000001"}));
}

TEST(CleanContacts, PhonesAndAddressesAreCheckedBeforeTheyReachAnAdapter) {
  EXPECT_EQ(clean_phone("090.000.0001"), "0900000001");
  EXPECT_EQ(clean_phone("+84 90 000 0001"), "+84900000001");
  EXPECT_EQ(clean_phone("12345"), "");
  EXPECT_EQ(clean_phone("0900abc001"), "");
  EXPECT_EQ(clean_email("a@b.vn"), "a@b.vn");
  EXPECT_EQ(clean_email("a@b.vn, c@d.vn"), "");
  EXPECT_EQ(clean_email("@b.vn"), "");
}

}  // namespace
}  // namespace motcua::app::notifications
