// One function per paper, each in its own file; dossier_documents.cpp dispatches to them.
#pragma once

#include <optional>
#include <string>

#include "app/dossier/dossier_views.hpp"

namespace motcua::documents {

std::string receipt_pdf(const app::DossierView& view, const std::string& tracking_url,
                        const std::string& tracking_secret);
std::optional<std::string> supplement_request_pdf(const app::DossierView& view);
std::optional<std::string> refusal_pdf(const app::DossierView& view);
std::optional<std::string> apology_pdf(const app::DossierView& view);
std::optional<std::string> stop_notice_pdf(const app::DossierView& view);
std::optional<std::string> control_sheet_pdf(const app::DossierView& view);
std::optional<std::string> result_pdf(const app::DossierView& view);

}  // namespace motcua::documents
