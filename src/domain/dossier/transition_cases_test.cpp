// Replays tests/cases/dossier_transitions.tsv: a table of cases written from the rules, kept apart
// from the code's own table so that a change to either shows up as a disagreement.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "domain/dossier/dossier_test_support.hpp"
#include "domain/dossier/state_machine.hpp"
#include "domain/dossier/transition_table.hpp"

namespace motcua::dossier {
namespace {

using namespace test_support;

constexpr const char* kCasesPath = MOTCUA_SOURCE_DIR "/tests/cases/dossier_transitions.tsv";
constexpr const char* kHeader = "from\tcommand\trole\texpect\tnote";

struct Row {
  int line = 0;
  std::vector<std::string> fields;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

// The header (checked, not returned) and the data rows; comments and blank lines skipped.
std::vector<Row> read_cases() {
  std::ifstream in(kCasesPath);
  EXPECT_TRUE(in.good()) << "cannot open " << kCasesPath;
  std::vector<Row> rows;
  std::string text;
  bool header_seen = false;
  for (int line = 1; std::getline(in, text); ++line) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty() || text.front() == '#') continue;
    if (!header_seen) {
      EXPECT_EQ(text, kHeader) << "line " << line;
      header_seen = true;
      continue;
    }
    rows.push_back(Row{line, split(text, '\t')});
  }
  EXPECT_TRUE(header_seen);
  return rows;
}

// "name+mod+key=value" into the name and its modifiers.
std::pair<std::string, std::vector<std::string>> name_and_modifiers(const std::string& field) {
  std::vector<std::string> parts = split(field, '+');
  std::string name = parts.empty() ? std::string() : parts.front();
  if (!parts.empty()) parts.erase(parts.begin());
  return {name, parts};
}

std::optional<std::string> value_of(const std::string& modifier, std::string_view key) {
  if (modifier.size() > key.size() && modifier.compare(0, key.size(), key) == 0 &&
      modifier[key.size()] == '=') {
    return modifier.substr(key.size() + 1);
  }
  return std::nullopt;
}

std::nullopt_t fail(std::string* error, std::string message) {
  *error = std::move(message);
  return std::nullopt;
}

// The state for a `from` field; sets *error and returns nullopt when the field is malformed.
std::optional<DossierState> build_state(const std::string& field, std::string* error) {
  const auto [name, modifiers] = name_and_modifiers(field);
  const auto status = parse_status(name);
  if (!status) return fail(error, "unknown status '" + name + "'");
  DossierState state = state_in(*status);
  for (const auto& modifier : modifiers) {
    if (modifier == "consulting") {
      state.open_consultations = 1;
    } else if (modifier == "extended") {
      state.extended = true;
    } else if (const auto resume = value_of(modifier, "resume")) {
      const auto target = parse_status(*resume);
      if (!target) return fail(error, "unknown status '" + *resume + "'");
      // A pause that wraps another pause keeps the inner one coming from review.
      state.resume_after_supplement = state.resume_after_payment = DossierStatus::in_progress;
      if (*status == DossierStatus::awaiting_supplement) state.resume_after_supplement = *target;
      if (*status == DossierStatus::awaiting_payment) state.resume_after_payment = *target;
      if (*status == DossierStatus::withdrawal_requested) state.resume_after_withdrawal = *target;
    } else {
      return fail(error, "unknown state modifier '" + modifier + "'");
    }
  }
  return state;
}

std::optional<Command> build_command(const std::string& field, Role role, std::string* error) {
  const auto [name, modifiers] = name_and_modifiers(field);
  const auto kind = parse_command_kind(name);
  if (!kind) return fail(error, "unknown command '" + name + "'");
  Command command = sample_command(*kind, role);
  for (const auto& modifier : modifiers) {
    if (modifier == "blank") {
      command = blank_command(*kind);
    } else if (const auto channel_name = value_of(modifier, "channel")) {
      const auto channel = parse_channel(*channel_name);
      auto* result = std::get_if<ReturnResult>(&command);
      if (!channel || result == nullptr) return fail(error, "bad " + modifier);
      result->channel = *channel;
    } else if (const auto amount = value_of(modifier, "amount")) {
      const Vnd value = std::stoll(*amount);
      if (auto* request = std::get_if<RequestPayment>(&command)) {
        request->amount = value;
      } else if (auto* confirm = std::get_if<ConfirmPayment>(&command)) {
        confirm->amount = value;
      } else {
        return fail(error, "amount on " + name);
      }
    } else {
      return fail(error, "unknown command modifier '" + modifier + "'");
    }
  }
  return command;
}

// Checks one row; ASSERTs here end only this row, so every broken row is reported.
void replay_row(const Row& row, std::set<std::pair<DossierStatus, CommandKind>>* succeeded) {
  SCOPED_TRACE(std::string(kCasesPath) + ":" + std::to_string(row.line));
  ASSERT_EQ(row.fields.size(), 5u) << "expected 5 tab-separated fields";
  const std::string& expect = row.fields[3];
  std::string error;
  const auto role = parse_role(row.fields[2]);
  ASSERT_TRUE(role.has_value()) << "unknown role '" << row.fields[2] << "'";
  const auto state = build_state(row.fields[0], &error);
  ASSERT_TRUE(state.has_value()) << error;
  const auto command = build_command(row.fields[1], *role, &error);
  ASSERT_TRUE(command.has_value()) << error;

  const auto result = decide(*state, *command, *role, now());
  const std::string note = row.fields[4].empty() ? "" : " (" + row.fields[4] + ")";
  if (expect.rfind("error:", 0) == 0) {
    const auto code = parse_error_code(expect.substr(6));
    ASSERT_TRUE(code.has_value()) << "unknown error code in '" << expect << "'";
    ASSERT_FALSE(result.has_value())
        << "expected " << expect << " but got " << to_string(result->front().to) << note;
    EXPECT_EQ(to_string(result.error().code), to_string(*code)) << note;
    return;
  }
  ASSERT_TRUE(parse_status(expect).has_value()) << "unknown expected status '" << expect << "'";
  ASSERT_TRUE(result.has_value()) << "expected " << expect
                                  << " but got error:" << to_string(result.error().code) << note
                                  << ": " << result.error().message_en;
  EXPECT_EQ(to_string(replay(*result, *state).status), expect) << note;
  succeeded->insert({state->status, kind_of(*command)});
}

TEST(TransitionCases, EveryRowHoldsAndTheTableIsCovered) {
  const std::vector<Row> rows = read_cases();
  EXPECT_GE(rows.size(), 60u);
  std::set<std::pair<DossierStatus, CommandKind>> succeeded;
  for (const Row& row : rows) replay_row(row, &succeeded);
  for (const Transition& t : transition_table()) {
    EXPECT_TRUE(succeeded.count({t.from, t.command}))
        << "no successful case for " << to_string(t.from) << " / " << to_string(t.command);
  }
}

}  // namespace
}  // namespace motcua::dossier
