#include "domain/text/markup.hpp"

namespace motcua::text {

void append_escaped_markup(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
}

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped_markup(out, text);
  return out;
}

}  // namespace motcua::text
