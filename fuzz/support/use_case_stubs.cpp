// Stand-ins for eight checks that the JSON decoders call and that live in use cases' files beside
// code reaching the store (app/accounts/one_time_codes, password_change, admin/admin_users,
// processes, engagement/ratings). The fuzz build compiles no store, so those files cannot be
// linked; these stand-ins answer as the real checks do for refused input, so every decoder is
// fuzzed up to the check, and the check's own rules stay covered by their unit tests
// (app_tests). draft_of keeps the parsed definition, as the real one does, so the decoding of a
// process body is exercised whole.
#include <optional>
#include <string>
#include <string_view>

#include "app/accounts/one_time_codes.hpp"
#include "app/accounts/password_change.hpp"
#include "app/admin/admin_users.hpp"
#include "app/admin/processes.hpp"
#include "app/engagement/ratings.hpp"
#include "domain/process/validation.hpp"

namespace motcua::app {

AppResult<PreparedSignUp> prepare_sign_up(const std::string&, const std::string&,
                                          const std::string&, const std::string&) {
  return tl::unexpected(invalid_input("fuzz build: sign-up checks not linked"));
}

AppResult<PreparedCodeReset> prepare_code_reset(const std::string&, const std::string&,
                                                const std::string&) {
  return tl::unexpected(invalid_input("fuzz build: code reset checks not linked"));
}

AppResult<PasswordReset> prepare_password_reset(std::string, std::string) {
  return tl::unexpected(invalid_input("fuzz build: password reset checks not linked"));
}

ProcessDraft draft_of(std::optional<process::ProcessDefinition> definition, std::string reason,
                      const std::string&) {
  ProcessDraft draft{std::move(definition), {}, std::move(reason)};
  if (draft.definition) (void)process::validate(*draft.definition);
  return draft;
}

ProcessDraft malformed_draft(const std::string&) { return ProcessDraft{}; }

std::optional<Attitude> parse_attitude(std::string_view) { return std::nullopt; }

std::optional<AppError> username_problem(const std::string&) {
  return invalid_input("fuzz build: username checks not linked");
}

std::optional<AppError> temporary_password_problem(const std::string&) {
  return invalid_input("fuzz build: password checks not linked");
}

}  // namespace motcua::app
