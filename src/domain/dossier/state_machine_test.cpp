// The transition table as a whole: every allowed (status, command, role) succeeds and folds to the
// status it announces; everything else is refused with the right code.
#include "domain/dossier/state_machine.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain/dossier/dossier_test_support.hpp"
#include "domain/dossier/transition_table.hpp"

namespace motcua::dossier {
namespace {

using namespace test_support;
using C = CommandKind;
using S = DossierStatus;

// Typical state for a row, with what the command needs to be admissible in it.
DossierState state_for(const Transition& row) {
  DossierState s = state_in(row.from);
  if (row.command == C::reply_to_consultation) s.open_consultations = 1;
  return s;
}

std::string describe(S from, C command, Role role) {
  return std::string(to_string(from)) + " / " + std::string(to_string(command)) + " / " +
         std::string(to_string(role));
}

TEST(StateMachine, EveryAllowedTransitionDecidesThenApplies) {
  int checked = 0;
  for (const Transition& row : transition_table()) {
    for (Role role : kAllRoles) {
      if (!row.roles.contains(role)) continue;
      SCOPED_TRACE(describe(row.from, row.command, role));
      const DossierState before = state_for(row);
      const auto events = decide(before, sample_command(row.command, role), role, now());
      ASSERT_TRUE(events.has_value()) << events.error().message_en;
      ASSERT_EQ(events->size(), 1u);
      const Event& event = events->front();
      EXPECT_EQ(event.type, event_type(row.command));
      EXPECT_EQ(event.from, row.from);
      EXPECT_EQ(kind_of(event.command), row.command);
      EXPECT_EQ(event.actor_role, role);
      EXPECT_EQ(event.at, now());
      switch (row.next.kind) {
        case NextKind::to:
          EXPECT_EQ(event.to, row.next.status);
          break;
        case NextKind::stay:
          EXPECT_EQ(event.to, row.from);
          break;
        case NextKind::resume:
          EXPECT_EQ(event.to, S::in_progress);  // state_in() pauses come from review
          break;
      }
      const DossierState after = replay(*events, before);
      EXPECT_EQ(after.status, event.to);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 69);  // (row, role) pairs in the table; update with the table
}

TEST(StateMachine, RefusalsFollowTheRoleRule) {
  // Outside the table: role_not_allowed if the role never gives the command, dossier_closed in a
  // final status, not_allowed_in_state otherwise.
  int refused = 0;
  for (S status : kAllStatuses) {
    for (C command : kAllCommandKinds) {
      const Transition* row = find_transition(status, command);
      for (Role role : kAllRoles) {
        if (row != nullptr && row->roles.contains(role)) continue;
        SCOPED_TRACE(describe(status, command, role));
        const auto result = decide(state_in(status), sample_command(command, role), role, now());
        ASSERT_FALSE(result.has_value());
        const ErrorCode expected = !roles_ever_allowed(command).contains(role)
                                       ? ErrorCode::role_not_allowed
                                   : is_final(status) ? ErrorCode::dossier_closed
                                                      : ErrorCode::not_allowed_in_state;
        EXPECT_EQ(result.error().code, expected);
        EXPECT_FALSE(result.error().message_vi.empty());
        EXPECT_FALSE(result.error().message_en.empty());
        ++refused;
      }
    }
  }
  EXPECT_EQ(refused, 11 * 19 * 6 - 69);
}

TEST(StateMachine, RolesThatMayNeverGiveACommand) {
  struct Case {
    S status;
    C command;
    Role role;
  };
  const Case cases[] = {
      {S::submitted, C::accept, Role::applicant},
      {S::submitted, C::refuse, Role::processing},
      {S::in_progress, C::approve, Role::reception},
      {S::in_progress, C::approve, Role::processing},
      {S::in_progress, C::approve, Role::system},
      {S::draft, C::submit, Role::system},
      {S::draft, C::submit, Role::leader},
      {S::result_ready, C::return_result, Role::leader},
      {S::in_progress, C::consult, Role::applicant},
      {S::awaiting_payment, C::confirm_payment, Role::applicant},
      {S::in_progress, C::issue_apology, Role::reception},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(describe(c.status, c.command, c.role));
    const auto result = decide(state_in(c.status), sample_command(c.command), c.role, now());
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::role_not_allowed);
  }
}

TEST(StateMachine, AdministratorGivesNoBusinessCommand) {
  for (S status : kAllStatuses) {
    for (C command : kAllCommandKinds) {
      const auto result =
          decide(state_in(status), sample_command(command), Role::administrator, now());
      ASSERT_FALSE(result.has_value());
      EXPECT_EQ(result.error().code, ErrorCode::role_not_allowed);
    }
  }
}

TEST(StateMachine, RolesAllowedElsewhereAreRefusedForTheStatus) {
  struct Case {
    S status;
    C command;
    Role role;
  };
  const Case cases[] = {
      {S::in_progress, C::request_supplement, Role::reception},  // desk asks only at receipt
      {S::submitted, C::request_supplement, Role::processing},   // reviewers only during review
      {S::in_progress, C::stop, Role::processing},               // only after a withdrawal request
      {S::in_progress, C::stop, Role::leader},
      {S::submitted, C::stop, Role::reception},  // before acceptance the applicant withdraws
      {S::received, C::consult, Role::processing},
      {S::received, C::approve, Role::leader},
      {S::result_ready, C::request_withdrawal, Role::applicant},  // too late to withdraw
      {S::withdrawal_requested, C::request_withdrawal, Role::applicant},
      {S::awaiting_supplement, C::issue_apology, Role::leader},
      {S::draft, C::refuse, Role::reception},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(describe(c.status, c.command, c.role));
    const auto result = decide(state_in(c.status), sample_command(c.command), c.role, now());
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code, ErrorCode::not_allowed_in_state);
  }
}

TEST(StateMachine, FinalStatusesAcceptNothing) {
  for (S status : {S::refused_at_receipt, S::stopped, S::returned}) {
    EXPECT_TRUE(is_final(status));
    for (C command : kAllCommandKinds) {
      for (Role role : kAllRoles) {
        if (!roles_ever_allowed(command).contains(role)) continue;
        const auto result = decide(state_in(status), sample_command(command, role), role, now());
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().code, ErrorCode::dossier_closed);
      }
    }
  }
  for (const Transition& row : transition_table()) EXPECT_FALSE(is_final(row.from));
}

TEST(StateMachine, EveryNonFinalStatusHasAWayOut) {
  for (S status : kAllStatuses) {
    if (is_final(status)) continue;
    bool leaves = false;
    for (const Transition& row : transition_table()) {
      leaves = leaves || (row.from == status && row.next.kind != NextKind::stay);
    }
    EXPECT_TRUE(leaves) << to_string(status);
  }
}

TEST(StateMachine, RefusalMessagesNameTheStatusAndCommand) {
  const auto result =
      decide(state_in(S::in_progress), sample_command(C::accept), Role::reception, now());
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().message_vi.find("Đang xử lý"), std::string::npos);
  EXPECT_NE(result.error().message_vi.find("Tiếp nhận hồ sơ"), std::string::npos);
  EXPECT_NE(result.error().message_en.find("In progress"), std::string::npos);
  EXPECT_NE(result.error().message_en.find("accept the dossier"), std::string::npos);
}

TEST(StateMachine, DecideLeavesTheStateAlone) {
  // decide() takes the state by const reference; the value semantics are what make replay safe.
  const DossierState before = state_in(S::in_progress);
  DossierState copy = before;
  ASSERT_TRUE(decide(copy, sample_command(C::approve), Role::leader, now()).has_value());
  EXPECT_EQ(copy, before);
}

}  // namespace
}  // namespace motcua::dossier
