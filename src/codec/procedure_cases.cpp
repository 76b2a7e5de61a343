#include "codec/procedure_cases.hpp"

#include <boost/json/parse.hpp>

#include "codec/json_fields.hpp"

namespace motcua::codec {

namespace json = boost::json;

std::vector<ProcedureCase> procedure_cases(const std::string& document) {
  std::vector<ProcedureCase> out;
  boost::system::error_code ec;
  const json::value parsed = json::parse(document, ec);
  if (ec || !parsed.is_object()) return out;
  const auto* cases = parsed.as_object().if_contains("cases");
  if (cases == nullptr || !cases->is_array()) return out;
  for (const auto& c : cases->as_array()) {
    if (!c.is_object()) continue;
    ProcedureCase pc{text_field(c.as_object(), "name"), {}};
    if (const auto* papers = c.as_object().if_contains("papers");
        papers != nullptr && papers->is_array()) {
      for (const auto& p : papers->as_array()) {
        if (!p.is_object()) continue;
        const auto& o = p.as_object();
        pc.papers.push_back(
            CasePaper{text_field(o, "id"), text_field(o, "name"), bool_field(o, "mandatory", true),
                      text_field(o, "kind") == "present", text_field(o, "condition")});
      }
    }
    out.push_back(std::move(pc));
  }
  return out;
}

}  // namespace motcua::codec
