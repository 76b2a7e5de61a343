#include "integrations/notify/template_text.hpp"

namespace motcua::integrations {

std::string fill_template(const std::string& text, const TemplateParams& params,
                          const std::string& list_separator) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("{{", pos);
    if (open == std::string::npos) break;
    const auto close = text.find("}}", open + 2);
    if (close == std::string::npos) break;
    out.append(text, pos, open - pos);
    const std::string name = text.substr(open + 2, close - open - 2);
    if (auto t = params.text.find(name); t != params.text.end()) {
      out += t->second;
    } else if (auto l = params.lists.find(name); l != params.lists.end()) {
      for (std::size_t i = 0; i < l->second.size(); ++i) {
        if (i) out += list_separator;
        out += l->second[i];
      }
    }
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace motcua::integrations
