// Links printed on paper (the receipt's QR code, in SVG or in the PDF receipt): the public origin
// of the site and the tracking address of a dossier code.
#pragma once

#include <string>

#include "api/api_context.hpp"
#include "http/http_types.hpp"

namespace motcua::api {

std::string public_origin(const ApiContext& ctx, const http::HttpRequest& r);
std::string url_encode(const std::string& text);
// "<origin>/track?code=<code>"
std::string tracking_url(const ApiContext& ctx, const http::HttpRequest& r,
                         const std::string& code);

}  // namespace motcua::api
