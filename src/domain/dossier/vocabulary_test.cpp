// Names, labels and portal codes of every enum: the strings other systems and files depend on.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "domain/dossier/commands.hpp"
#include "domain/dossier/errors.hpp"
#include "domain/dossier/roles.hpp"
#include "domain/dossier/status.hpp"

namespace motcua::dossier {
namespace {

bool is_snake_case(std::string_view name) {
  if (name.empty() || name.front() == '_' || name.back() == '_') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Every value has a distinct snake_case name that parses back to it; unknown names do not parse.
template <class Enum, class Values, class Parse>
void expect_names_round_trip(const Values& values, Parse parse) {
  std::set<std::string> seen;
  for (Enum value : values) {
    const std::string_view name = to_string(value);
    EXPECT_TRUE(is_snake_case(name)) << name;
    EXPECT_TRUE(seen.insert(std::string(name)).second) << name;
    EXPECT_EQ(parse(name), value) << name;
  }
  EXPECT_FALSE(parse("").has_value());
  EXPECT_FALSE(parse("no_such_name").has_value());
}

TEST(Vocabulary, EveryEnumRoundTripsItsNames) {
  expect_names_round_trip<DossierStatus>(kAllStatuses, parse_status);
  expect_names_round_trip<ProgressSubstate>(kAllProgressSubstates, parse_progress_substate);
  expect_names_round_trip<ResultKind>(kAllResultKinds, parse_result_kind);
  expect_names_round_trip<SupplementStage>(kAllSupplementStages, parse_supplement_stage);
  expect_names_round_trip<Role>(kAllRoles, parse_role);
  expect_names_round_trip<Channel>(kAllChannels, parse_channel);
  expect_names_round_trip<CommandKind>(kAllCommandKinds, parse_command_kind);
  expect_names_round_trip<ErrorCode>(kAllErrorCodes, parse_error_code);
  EXPECT_FALSE(parse_status("In_Progress").has_value());  // names are case-sensitive
}

TEST(Vocabulary, PortalStatusCodes) {
  int expected = 0;
  for (DossierStatus status : kAllStatuses) {
    EXPECT_EQ(portal_status_code(status), expected++) << to_string(status);
  }
  EXPECT_EQ(portal_status_code(DossierStatus::withdrawal_requested), 7);
  EXPECT_EQ(label_vi(DossierStatus::submitted), "Mới đăng ký");
  EXPECT_EQ(label_vi(DossierStatus::in_progress), "Đang xử lý");
  EXPECT_EQ(label_vi(DossierStatus::awaiting_payment), "Yêu cầu thực hiện nghĩa vụ tài chính");
  EXPECT_EQ(label_vi(DossierStatus::returned), "Đã trả kết quả");
  EXPECT_EQ(label_en(DossierStatus::stopped), "Processing stopped");
}

TEST(Vocabulary, LabelsAndEventTypesAreFilledIn) {
  std::set<std::string_view> event_types;
  for (CommandKind kind : kAllCommandKinds) {
    EXPECT_FALSE(label_vi(kind).empty());
    EXPECT_FALSE(label_en(kind).empty());
    EXPECT_TRUE(is_snake_case(event_type(kind))) << event_type(kind);
    EXPECT_TRUE(event_types.insert(event_type(kind)).second) << event_type(kind);
  }
  for (DossierStatus status : kAllStatuses) {
    EXPECT_FALSE(label_vi(status).empty());
    EXPECT_FALSE(label_en(status).empty());
  }
  for (Role role : kAllRoles) {
    EXPECT_FALSE(label_vi(role).empty());
    EXPECT_FALSE(label_en(role).empty());
  }
  EXPECT_EQ(event_type(CommandKind::accept), "dossier_accepted");
}

TEST(Vocabulary, EveryErrorHasBothMessages) {
  const ErrorContext context{DossierStatus::in_progress, CommandKind::approve, Role::leader, 3};
  for (ErrorCode code : kAllErrorCodes) {
    const DecisionError error = make_error(code, context);
    EXPECT_EQ(error.code, code);
    EXPECT_FALSE(error.message_vi.empty()) << to_string(code);
    EXPECT_FALSE(error.message_en.empty()) << to_string(code);
    EXPECT_NE(error.message_vi, error.message_en) << to_string(code);
  }
  const DecisionError role = make_error(ErrorCode::role_not_allowed, context);
  EXPECT_NE(role.message_vi.find("Lãnh đạo"), std::string::npos);
  EXPECT_NE(role.message_en.find("approve the result"), std::string::npos);
}

TEST(Vocabulary, RoleSet) {
  constexpr RoleSet desk{Role::reception, Role::applicant};
  static_assert(desk.contains(Role::reception) && !desk.contains(Role::leader));
  RoleSet all;
  EXPECT_TRUE(all.empty());
  for (Role role : kAllRoles) all |= RoleSet{role};
  for (Role role : kAllRoles) EXPECT_TRUE(all.contains(role));
}

}  // namespace
}  // namespace motcua::dossier
