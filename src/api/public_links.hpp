// Links printed on paper (the receipt's QR code, in SVG or in the PDF receipt): the public origin
// of the site and the tracking address of a dossier code.
#pragma once

#include <string>

#include "api/api_context.hpp"
#include "http/http_types.hpp"

namespace motcua::api {

std::string public_origin(const ApiContext& ctx, const http::HttpRequest& r);
std::string url_encode(const std::string& text);
// "<origin>/track?code=<code>&secret=<secret>": the secret rides in every link, so whoever
// scans the receipt or follows a notice lands on the dossier (domain/dossier/tracking_secret.hpp).
std::string tracking_url(const ApiContext& ctx, const http::HttpRequest& r, const std::string& code,
                         const std::string& secret);

}  // namespace motcua::api
