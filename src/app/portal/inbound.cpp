#include "app/portal/inbound.hpp"

#include "store/agency_repository.hpp"
#include "store/portal_repository.hpp"

namespace motcua::app::portal {

std::vector<InboundOutcome> take_inbound(store::SqlConnection& db, DossierService& service,
                                         const std::vector<InboundDossier>& dossiers,
                                         const std::string& now_iso) {
  const Actor portal{kPortalAccount, "Cổng Dịch vụ công quốc gia", true, {}};
  std::vector<InboundOutcome> out;
  if (!dossiers.empty())
    store::ensure_system_account(db, kPortalAccount, portal.display_name, now_iso);
  for (const auto& in : dossiers) {
    InboundOutcome o{in.portal_code, "", "", "", ""};
    if (auto known = store::dossier_of_portal_code(db, in.portal_code)) {
      o.result = "already_pulled";
      o.dossier_id = *known;
      out.push_back(std::move(o));
      continue;
    }
    const auto agency = store::agency_with_code(db, in.agency_code, "");
    if (!agency) {
      o.result = "refused";
      o.error = "MaDonVi: no agency has code '" + in.agency_code + "'";
      out.push_back(std::move(o));
      continue;
    }
    // Received at the agency's one-stop unit when it has one (the portal names no place).
    const auto units = store::units_of_agency(db, *agency);
    NewDossier d;
    if (!units.empty()) d.receiving_unit_id = units.front().id;
    d.procedure_code = in.procedure_code;
    d.variant = in.variant;
    d.agency_id = *agency;
    d.applicant = in.applicant;
    d.channel = dossier::Channel::online;
    d.return_channel = dossier::Channel::online;
    d.submit = true;
    auto created = service.create(db, portal, d);
    if (!created) {
      o.result = "refused";
      o.error = created.error().code + ": " + created.error().message_en +
                (created.error().detail.empty() ? "" : " (" + created.error().detail + ")");
      out.push_back(std::move(o));
      continue;
    }
    store::insert_portal_inbound(db, in.portal_code, in.seq, created->record.id, now_iso);
    o.result = "created";
    o.dossier_id = created->record.id;
    o.dossier_code = created->record.code.value_or("");
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace motcua::app::portal
