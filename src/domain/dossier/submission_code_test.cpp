// The dossier code from the moment a dossier is sent online (Circular 01/2018 Art. 19,
// docs/rules.md): the submission carries it, receipt keeps it, counter intake still gets its code
// at receipt.
#include <gtest/gtest.h>

#include "domain/dossier/dossier_test_support.hpp"
#include "domain/dossier/state_machine.hpp"

namespace motcua::dossier {
namespace {

using namespace test_support;
using S = DossierStatus;

constexpr const char* kOtherCode = "000.20.30.H40-260306-0013";

DossierState after(const DossierState& state, const Command& command, Role role) {
  auto events = decide(state, command, role, now());
  EXPECT_TRUE(events.has_value()) << (events ? "" : events.error().message_en);
  return events ? replay(*events, state) : state;
}

TEST(SubmissionCode, SendingOnlineGivesTheCode) {
  const auto sent =
      after(state_in(S::draft), Submit{Channel::online, kDossierCode}, Role::applicant);
  EXPECT_EQ(sent.status, S::submitted);
  EXPECT_EQ(sent.dossier_code, kDossierCode);
  EXPECT_EQ(sent.submitted_at, now());
  EXPECT_FALSE(sent.received_at.has_value());
}

TEST(SubmissionCode, ReceiptKeepsTheCodeGivenAtSending) {
  const auto sent =
      after(state_in(S::draft), Submit{Channel::online, kDossierCode}, Role::applicant);
  const auto received = after(sent, Accept{kDossierCode, days_later(10)}, Role::reception);
  EXPECT_EQ(received.status, S::received);
  EXPECT_EQ(received.dossier_code, kDossierCode);
  EXPECT_EQ(received.due, days_later(10));
  EXPECT_EQ(received.received_at, now());
}

TEST(SubmissionCode, ReceiptMayNotHandOutASecondCode) {
  const auto sent =
      after(state_in(S::draft), Submit{Channel::online, kDossierCode}, Role::applicant);
  const auto refused = decide(sent, Accept{kOtherCode, days_later(10)}, Role::reception, now());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_dossier_code);
}

TEST(SubmissionCode, AMalformedCodeAtSendingIsRefused) {
  const auto refused =
      decide(state_in(S::draft), Submit{Channel::online, "not-a-code"}, Role::applicant, now());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_dossier_code);
}

TEST(SubmissionCode, WithoutACodeAtSendingReceiptGivesIt) {
  // Counter intake, and dossiers sent before codes were given at sending.
  const auto sent = after(state_in(S::draft), Submit{Channel::counter}, Role::reception);
  EXPECT_TRUE(sent.dossier_code.empty());
  const auto received = after(sent, Accept{kDossierCode, days_later(10)}, Role::reception);
  EXPECT_EQ(received.dossier_code, kDossierCode);
}

}  // namespace
}  // namespace motcua::dossier
