#include "app/exchange/partner_account.hpp"

#include <algorithm>

#include "app/exchange/partners.hpp"
#include "store/agency_repository.hpp"
#include "store/exchange_repository.hpp"
#include "store/portal_repository.hpp"

namespace motcua::app::exchange {

std::string partner_account_id(const std::string& partner_id) {
  return std::string(kPartnerAccountPrefix) + partner_id;
}

std::optional<std::string> partner_of_account(const std::string& user_id) {
  if (!user_id.starts_with(kPartnerAccountPrefix)) return std::nullopt;
  return user_id.substr(kPartnerAccountPrefix.size());
}

void ensure_partner_account(store::SqlConnection& db, const std::string& partner_id,
                            const std::string& partner_name, const std::string& now_iso) {
  store::ensure_system_account(db, partner_account_id(partner_id),
                               partner_name + " (liên thông / partner system)", now_iso);
}

std::optional<StepHolder> partner_holding(store::SqlConnection& db, const process::Step& step) {
  if (step.responsible.unit_id.empty()) return std::nullopt;
  const auto agency_id =
      store::unit_agency(db, step.responsible.unit_id).value_or(step.responsible.unit_id);
  const auto agency = store::find_agency(db, agency_id);
  if (!agency) return std::nullopt;
  const auto serving = partner_serving(db, agency->code);
  if (!serving) return std::nullopt;
  return StepHolder{partner_account_id(serving->id), serving->name};
}

bool partner_serves_step(store::SqlConnection& db, const std::string& partner_id,
                         const process::Step& step) {
  const auto holder = partner_holding(db, step);
  return holder && holder->account_id == partner_account_id(partner_id);
}

Actor partner_actor(store::SqlConnection& db, const std::string& partner_id) {
  Actor actor{partner_account_id(partner_id), partner_id, false, {}};
  const auto partner = store::find_exchange_partner(db, partner_id);
  if (!partner) return actor;
  actor.display_name = partner->name;
  std::string codes = partner->agency_codes;
  std::size_t start = 0;
  while (start < codes.size()) {
    const auto end = std::min(codes.find(' ', start), codes.size());
    const auto code = codes.substr(start, end - start);
    if (!code.empty()) {
      if (const auto id = store::agency_with_code(db, code, ""))
        actor.grants.push_back({dossier::Role::processing, *id});
    }
    start = end + 1;
  }
  return actor;
}

}  // namespace motcua::app::exchange
