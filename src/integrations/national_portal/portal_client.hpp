// Reading from the National Public Service Portal: the dossiers submitted there for MotCua to
// pull (GET {portal-url}/inbound?since=N) and the records it holds, for reconciliation
// (GET {portal-url}/dossiers). Shapes: tools/emulators/national_portal.py and
// docs/integrations.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/portal/inbound.hpp"
#include "app/portal/reconcile.hpp"
#include "tl/expected.hpp"

namespace motcua::integrations {

// The portal's dossiers with a sequence above `since`, in order; an error names what failed.
tl::expected<std::vector<app::portal::InboundDossier>, std::string> fetch_portal_inbound(
    const std::string& base_url, std::int64_t since);

// Every record the portal holds (the latest per MaHoSo).
tl::expected<std::vector<app::portal::HeldRecord>, std::string> fetch_portal_records(
    const std::string& base_url);

// Parsers of the two answers, for tests.
tl::expected<std::vector<app::portal::InboundDossier>, std::string> parse_portal_inbound(
    const std::string& body);
tl::expected<std::vector<app::portal::HeldRecord>, std::string> parse_portal_records(
    const std::string& body);

}  // namespace motcua::integrations
