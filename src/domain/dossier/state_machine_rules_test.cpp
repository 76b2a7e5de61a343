// The rules that depend on more than the status: return states of pauses, the apology-once rule,
// the consultation guard, payment and delivery checks, and whole lives of a dossier.
#include <gtest/gtest.h>

#include <vector>

#include "domain/dossier/dossier_test_support.hpp"
#include "domain/dossier/state_machine.hpp"

namespace motcua::dossier {
namespace {

using namespace test_support;
using C = CommandKind;
using S = DossierStatus;

// Decides and applies, failing the test on a refusal; returns the new state.
DossierState step(const DossierState& state, const Command& command, Role role,
                  Instant at = now()) {
  const auto events = decide(state, command, role, at);
  EXPECT_TRUE(events.has_value()) << (events ? "" : events.error().message_en);
  return events ? replay(*events, state) : state;
}

ErrorCode refusal(const DossierState& state, const Command& command, Role role,
                  Instant at = now()) {
  const auto events = decide(state, command, role, at);
  EXPECT_FALSE(events.has_value());
  return events ? ErrorCode::not_allowed_in_state : events.error().code;
}

TEST(SupplementRule, ReturnsToWhereItWasRequested) {
  for (S from : {S::submitted, S::received, S::in_progress}) {
    SCOPED_TRACE(to_string(from));
    const Role asker = from == S::in_progress ? Role::processing : Role::reception;
    DossierState s = step(state_in(from), sample_command(C::request_supplement), asker);
    EXPECT_EQ(s.status, S::awaiting_supplement);
    EXPECT_EQ(resume_status(s), from);
    EXPECT_EQ(s.missing_items.size(), 2u);
    EXPECT_EQ(supplement_stage(s),
              from == S::submitted ? SupplementStage::at_receipt : SupplementStage::during_review);
    s = step(s, sample_command(C::provide_supplement), Role::applicant);
    EXPECT_EQ(s.status, from);
    EXPECT_TRUE(s.missing_items.empty());
  }
}

TEST(SupplementRule, EveryItemListedWithAReason) {
  const DossierState s = state_in(S::in_progress);
  EXPECT_EQ(refusal(s, RequestSupplement{{}, "Thiếu giấy tờ"}, Role::processing),
            ErrorCode::missing_items);
  EXPECT_EQ(refusal(s, RequestSupplement{{"Tờ khai", "  "}, "Thiếu giấy tờ"}, Role::processing),
            ErrorCode::missing_items);
  EXPECT_EQ(refusal(s, RequestSupplement{{"Tờ khai"}, " "}, Role::processing),
            ErrorCode::missing_reasons);
  EXPECT_EQ(refusal(state_in(S::awaiting_supplement), ProvideSupplement{}, Role::applicant),
            ErrorCode::missing_items);
}

TEST(SupplementRule, WithdrawalWrappingASupplementKeepsBothReturnStates) {
  DossierState s =
      step(state_in(S::in_progress), sample_command(C::request_supplement), Role::leader);
  s = step(s, sample_command(C::request_withdrawal), Role::applicant);
  EXPECT_EQ(s.status, S::withdrawal_requested);
  s = step(s, CancelWithdrawal{}, Role::applicant);
  EXPECT_EQ(s.status, S::awaiting_supplement);
  s = step(s, sample_command(C::provide_supplement), Role::reception);
  EXPECT_EQ(s.status, S::in_progress);
}

TEST(ApologyRule, OnlyOnceAndOnlyLater) {
  DossierState s = state_in(S::in_progress);
  EXPECT_EQ(refusal(s, IssueApology{"Xác minh thực địa", days_later(5), {}}, Role::leader),
            ErrorCode::invalid_due_date);  // before the appointment it replaces
  EXPECT_EQ(refusal(s, IssueApology{"Xác minh thực địa", days_later(-1), {}}, Role::leader),
            ErrorCode::invalid_due_date);
  EXPECT_EQ(refusal(s, IssueApology{"", days_later(20), {}}, Role::leader),
            ErrorCode::missing_reasons);

  s = step(s, sample_command(C::issue_apology), Role::processing);
  EXPECT_TRUE(s.extended);
  EXPECT_EQ(s.due, days_later(20));
  EXPECT_EQ(progress_substate(s), ProgressSubstate::extended);

  EXPECT_EQ(refusal(s, IssueApology{"Lần hai", days_later(30), {}}, Role::leader),
            ErrorCode::extension_already_used);
  // The flag survives a pause and the return from it.
  s = step(s, sample_command(C::request_payment), Role::processing);
  s = step(s, sample_command(C::confirm_payment), Role::system);
  EXPECT_EQ(refusal(s, sample_command(C::issue_apology), Role::leader),
            ErrorCode::extension_already_used);
}

TEST(ConsultationRule, DecisionsWaitForEveryReply) {
  DossierState s = state_in(S::in_progress);
  EXPECT_EQ(refusal(s, sample_command(C::reply_to_consultation), Role::system),
            ErrorCode::no_open_consultation);
  s = step(s, sample_command(C::consult), Role::processing);
  s = step(s, Consult{"000.00.15.H40", "", {}}, Role::leader);
  EXPECT_EQ(s.open_consultations, 2);
  EXPECT_EQ(progress_substate(s), ProgressSubstate::in_consultation);

  const auto approve = decide(s, sample_command(C::approve), Role::leader, now());
  ASSERT_FALSE(approve.has_value());
  EXPECT_EQ(approve.error().code, ErrorCode::consultation_open);
  EXPECT_NE(approve.error().message_vi.find("Còn 2"), std::string::npos);
  EXPECT_EQ(refusal(s, sample_command(C::reject_after_review), Role::leader),
            ErrorCode::consultation_open);

  s = step(s, sample_command(C::reply_to_consultation), Role::system);
  EXPECT_EQ(s.open_consultations, 1);
  // A reply may arrive while the dossier waits for the applicant.
  s = step(s, sample_command(C::request_supplement), Role::processing);
  s = step(s, sample_command(C::reply_to_consultation), Role::system);
  EXPECT_EQ(s.status, S::awaiting_supplement);
  EXPECT_EQ(s.open_consultations, 0);
  EXPECT_EQ(refusal(s, sample_command(C::reply_to_consultation), Role::system),
            ErrorCode::no_open_consultation);
  s = step(s, sample_command(C::provide_supplement), Role::applicant);
  s = step(s, sample_command(C::approve), Role::leader);
  EXPECT_EQ(s.status, S::result_ready);
  EXPECT_EQ(s.result_kind, ResultKind::approval);
}

TEST(ConsultationRule, ExtendedAndInConsultationAtOnce) {
  DossierState s = step(state_in(S::in_progress), sample_command(C::issue_apology), Role::leader);
  s = step(s, sample_command(C::consult), Role::leader);
  EXPECT_TRUE(s.extended);
  EXPECT_EQ(s.open_consultations, 1);
  EXPECT_EQ(progress_substate(s), ProgressSubstate::in_consultation);
}

TEST(PaymentRule, AmountsArePositiveAndMatch) {
  DossierState s = state_in(S::received);
  EXPECT_EQ(refusal(s, RequestPayment{0, "Lệ phí"}, Role::reception), ErrorCode::invalid_amount);
  EXPECT_EQ(refusal(s, RequestPayment{-5, "Lệ phí"}, Role::reception), ErrorCode::invalid_amount);
  s = step(s, sample_command(C::request_payment), Role::reception);
  EXPECT_EQ(s.status, S::awaiting_payment);
  EXPECT_EQ(s.payment_outstanding, kFee);
  EXPECT_EQ(refusal(s, ConfirmPayment{kFee - 1, "BL-1"}, Role::system), ErrorCode::amount_mismatch);
  EXPECT_EQ(refusal(s, ConfirmPayment{0, "BL-1"}, Role::system), ErrorCode::invalid_amount);
  s = step(s, sample_command(C::confirm_payment), Role::system);
  EXPECT_EQ(s.status, S::received);  // back to where it was asked for
  EXPECT_EQ(s.payment_outstanding, 0);
  EXPECT_EQ(s.payment_confirmed, kFee);
}

TEST(PaymentRule, AmountHasACap) {
  const DossierState s = state_in(S::received);
  EXPECT_EQ(refusal(s, RequestPayment{kMaxFeeVnd + 1, "Lệ phí"}, Role::reception),
            ErrorCode::invalid_amount);
  EXPECT_TRUE(decide(s, RequestPayment{kMaxFeeVnd, "Lệ phí"}, Role::reception, now()));
}

TEST(PaymentRule, TheRequesterNeverConfirms) {
  const DossierState received = state_in(S::received);
  const auto requested =
      decide(received, RequestPayment{kFee, "Lệ phí"}, Role::processing, now(), "u-official.a");
  ASSERT_TRUE(requested);
  const DossierState s = replay(*requested, received);
  EXPECT_EQ(s.payment_requested_by, "u-official.a");
  const auto same =
      decide(s, ConfirmPayment{kFee, "BL-1"}, Role::processing, now(), "u-official.a");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, ErrorCode::requester_confirms_payment);
  EXPECT_NE(same.error().message_vi.find("không được tự xác nhận"), std::string::npos);
  // Another official, or the payment gateway, may confirm.
  const auto other =
      decide(s, ConfirmPayment{kFee, "BL-1"}, Role::processing, now(), "u-official.b");
  ASSERT_TRUE(other);
  EXPECT_TRUE(replay(*other, s).payment_requested_by.empty());
  EXPECT_TRUE(decide(s, ConfirmPayment{kFee, "BL-1"}, Role::system, now()));
}

TEST(ReturnRule, SystemDeliversOnlineOrRecordsThePostsDelivery) {
  const DossierState s = state_in(S::result_ready);
  EXPECT_EQ(refusal(s, ReturnResult{Channel::counter, "Nguyễn Văn A"}, Role::system),
            ErrorCode::channel_not_allowed);
  EXPECT_EQ(refusal(s, ReturnResult{Channel::post, ""}, Role::reception),
            ErrorCode::missing_receiver);
  // The post confirmed the delivery (a signed callback): the system records the return.
  EXPECT_EQ(step(s, ReturnResult{Channel::post, "Bưu chính"}, Role::system).return_channel,
            Channel::post);
  const DossierState online = step(s, ReturnResult{Channel::online, "Nguyễn Văn A"}, Role::system);
  EXPECT_EQ(online.return_channel, Channel::online);
  const DossierState post = step(s, ReturnResult{Channel::post, "Nguyễn Văn A"}, Role::reception);
  EXPECT_EQ(post.status, S::returned);
  EXPECT_EQ(post.closed_at, now());
}

TEST(Intake, CounterIntakeInOneStepAndCodeChecks) {
  const DossierState s = step(DossierState{}, sample_command(C::accept), Role::reception);
  EXPECT_EQ(s.status, S::received);
  EXPECT_EQ(s.submitted_at, now());
  EXPECT_EQ(s.received_at, now());
  EXPECT_EQ(s.dossier_code, kDossierCode);
  EXPECT_EQ(refusal(DossierState{}, Accept{"H40-2603-12", days_later(3)}, Role::reception),
            ErrorCode::invalid_dossier_code);
  EXPECT_EQ(refusal(state_in(S::submitted), Accept{kDossierCode, days_later(-1)}, Role::reception),
            ErrorCode::invalid_due_date);
  // A procedure settled on the spot is due the moment it is received.
  EXPECT_EQ(step(state_in(S::submitted), Accept{kDossierCode, now()}, Role::reception).status,
            S::received);
}

TEST(Lifecycle, FromDraftToReturnedByReplay) {
  DossierState s;
  std::vector<Event> history;
  const auto run = [&](const Command& command, Role role) {
    const auto events = decide(s, command, role, now());
    ASSERT_TRUE(events.has_value()) << events.error().message_en;
    for (const Event& e : *events) {
      history.push_back(e);
      s = apply(s, e);
    }
  };
  run(sample_command(C::submit, Role::applicant), Role::applicant);
  run(sample_command(C::accept), Role::reception);
  run(sample_command(C::assign), Role::leader);
  run(sample_command(C::consult), Role::processing);
  run(sample_command(C::reply_to_consultation), Role::system);
  run(sample_command(C::forward), Role::processing);
  run(sample_command(C::send_back), Role::leader);
  run(sample_command(C::forward), Role::processing);
  run(sample_command(C::reject_after_review), Role::leader);
  run(sample_command(C::return_result, Role::system), Role::system);

  EXPECT_EQ(s, replay(history));
  EXPECT_EQ(s.status, S::returned);
  EXPECT_EQ(s.result_kind, ResultKind::refusal);
  EXPECT_EQ(s.assignee, "ld.le.van.c");
  std::vector<int> codes;
  for (const Event& e : history) codes.push_back(portal_status_code(e.to));
  EXPECT_EQ(codes, (std::vector<int>{1, 2, 4, 4, 4, 4, 4, 4, 9, 10}));
}

TEST(Lifecycle, WithdrawalThenStop) {
  DossierState s =
      step(state_in(S::awaiting_payment), sample_command(C::request_withdrawal), Role::applicant);
  EXPECT_EQ(s.status, S::withdrawal_requested);
  EXPECT_EQ(refusal(s, Stop{" "}, Role::leader), ErrorCode::missing_reasons);
  s = step(s, sample_command(C::stop), Role::processing);
  EXPECT_EQ(s.status, S::stopped);
  EXPECT_EQ(portal_status_code(s.status), 8);
  // The desk may stop at once when the applicant withdraws in person.
  EXPECT_EQ(step(state_in(S::received), sample_command(C::stop), Role::reception).status,
            S::stopped);
}

TEST(Lifecycle, RefusedAtReceiptNeedsReasons) {
  const DossierState s = state_in(S::submitted);
  EXPECT_EQ(refusal(s, Refuse{}, Role::reception), ErrorCode::missing_reasons);
  EXPECT_EQ(refusal(s, Refuse{{"Không thuộc thẩm quyền", ""}}, Role::reception),
            ErrorCode::missing_reasons);
  const DossierState refused = step(s, sample_command(C::refuse), Role::reception);
  EXPECT_EQ(refused.status, S::refused_at_receipt);
  EXPECT_EQ(refusal(refused, sample_command(C::accept), Role::reception),
            ErrorCode::dossier_closed);
}

}  // namespace
}  // namespace motcua::dossier
