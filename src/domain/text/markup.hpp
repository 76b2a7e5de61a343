// Text put into HTML or XML (mail bodies, SVG, Open311's XML, small HTML pages): the five
// characters with a meaning in markup become entities, so text can go in element content and in
// quoted attribute values alike. One escaper for every writer of markup.
#pragma once

#include <string>
#include <string_view>

namespace motcua::text {

void append_escaped_markup(std::string& out, std::string_view text);
std::string escape_markup(std::string_view text);

}  // namespace motcua::text
