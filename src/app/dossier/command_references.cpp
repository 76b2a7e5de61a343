#include "app/dossier/command_references.hpp"

#include <string>
#include <type_traits>

#include "app/exchange/partner_account.hpp"
#include "store/exchange_repository.hpp"
#include "store/user_repository.hpp"

namespace motcua::app {

namespace {

AppError unknown_official(const std::string& id) {
  return {ErrorKind::invalid_input, "unknown_official",
          "Cán bộ được chuyển hồ sơ (official_id) không tồn tại hoặc đã bị khóa: " + id + ".",
          "The official the dossier is handed to (official_id) does not exist or is disabled: " +
              id + ".",
          "official_id: no active official " + id};
}

// A hand-over goes to an active official's account; an applicant's account cannot hold a dossier.
AppResult<void> check_official(store::SqlConnection& db, const std::string& id) {
  // A blank id is the state machine's to refuse (missing_official), with its own message.
  if (id.find_first_not_of(" \t\r\n") == std::string::npos) return {};
  // A registered partner instance holds a step its system does (app/exchange/partner_account.hpp);
  // its account is made here if the partner was registered before such accounts existed.
  if (const auto partner_id = exchange::partner_of_account(id)) {
    const auto partner = store::find_exchange_partner(db, *partner_id);
    if (!partner) return tl::unexpected(unknown_official(id));
    exchange::ensure_partner_account(db, partner->id, partner->name, partner->created_at);
    return {};
  }
  const auto user = store::find_user(db, id);
  if (!user || user->disabled || user->kind == "applicant")
    return tl::unexpected(unknown_official(id));
  return {};
}

}  // namespace

AppResult<void> check_command_references(store::SqlConnection& db,
                                         const dossier::Command& command) {
  return std::visit(
      [&](const auto& c) -> AppResult<void> {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, dossier::Assign> || std::is_same_v<T, dossier::Forward> ||
                      std::is_same_v<T, dossier::SendBack>) {
          return check_official(db, c.official_id);
        } else {
          (void)sizeof(T);
          return {};
        }
      },
      command);
}

}  // namespace motcua::app
