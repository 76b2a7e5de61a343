// Media types of the files a Vite build produces, and which of them are worth compressing.
#pragma once

#include <string_view>

namespace motcua::http {

// By the file name's extension, case-insensitive; application/octet-stream when unknown (with
// X-Content-Type-Options: nosniff the browser then will not guess).
std::string_view content_type_for(std::string_view filename);

// Text-like types gain from gzip; images, fonts and archives are compressed already.
bool is_compressible(std::string_view content_type);

}  // namespace motcua::http
