#include "cli/portal_link.hpp"

#include <unistd.h>

#include "app/portal/inbound.hpp"
#include "app/portal/portal_sync.hpp"
#include "app/portal/reconcile.hpp"
#include "codec/portal_reconciliation.hpp"
#include "integrations/national_portal/portal_adapter.hpp"
#include "integrations/national_portal/portal_client.hpp"
#include "store/outbox.hpp"
#include "store/portal_repository.hpp"

namespace motcua::cli {

boost::json::object pull_portal_once(store::Store& store, app::DossierService& service,
                                     const std::string& portal_url, Instant now, int utc_offset) {
  std::int64_t since = 0;
  store.read([&](store::SqlConnection& db) { since = store::last_portal_seq(db); });
  auto fetched = integrations::fetch_portal_inbound(portal_url, since);
  if (!fetched) return {{"error", fetched.error()}};
  std::vector<app::portal::InboundOutcome> outcomes;
  store.write([&](store::SqlConnection& db) {
    outcomes = app::portal::take_inbound(db, service, *fetched, to_iso(now, utc_offset));
  });
  boost::json::object counts{
      {"pulled", fetched->size()}, {"created", 0}, {"already_pulled", 0}, {"refused", 0}};
  boost::json::array dossiers;
  for (const auto& o : outcomes) {
    counts[o.result] = counts[o.result].as_int64() + 1;
    dossiers.push_back(boost::json::object{{"portal_code", o.portal_code},
                                           {"result", o.result},
                                           {"dossier_id", o.dossier_id},
                                           {"dossier_code", o.dossier_code},
                                           {"error", o.error}});
  }
  counts["dossiers"] = std::move(dossiers);
  return counts;
}

boost::json::object reconcile_portal_once(store::Store& store, const std::string& portal_url,
                                          Instant now, int utc_offset) {
  auto held = integrations::fetch_portal_records(portal_url);
  if (!held) return {{"error", held.error()}};
  codec::PortalReconciliation report;
  store.read(
      [&](store::SqlConnection& db) { report = app::portal::reconcile(db, *held, utc_offset); });
  report.ran_at = to_iso(now, utc_offset);
  report.portal_url = portal_url;
  const std::string text = codec::portal_reconciliation_to_text(report);
  store.write([&](store::SqlConnection& db) {
    store::insert_portal_reconciliation(db, report.ran_at, text);
  });
  return boost::json::parse(text).as_object();
}

}  // namespace motcua::cli
