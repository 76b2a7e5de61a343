// Fills a notification template: "{{name}}" is replaced by the parameter's text; a list parameter
// is joined with `list_separator`; an unknown name is left out (never printed raw), so a template
// and the notices that use it can change at different times. Shared by mail, SMS and Zalo.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace motcua::integrations {

struct TemplateParams {
  std::map<std::string, std::string> text;
  std::map<std::string, std::vector<std::string>> lists;
};

std::string fill_template(const std::string& text, const TemplateParams& params,
                          const std::string& list_separator = "; ");

}  // namespace motcua::integrations
