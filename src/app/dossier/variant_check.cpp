#include "app/dossier/variant_check.hpp"

#include <algorithm>

#include "app/common/text_keyed_cache.hpp"
#include "codec/procedure_papers_json.hpp"
#include "domain/catalog/paper_structure.hpp"
#include "store/catalog_repository.hpp"

namespace motcua::app {

namespace {

// The case names as a list for the messages, each in quotes.
std::string listed(const std::vector<std::string>& cases) {
  std::string out;
  for (const std::string& c : cases) out += (out.empty() ? "" : ", ") + ("'" + c + "'");
  return out;
}

AppError invalid_variant(const std::string& variant, const std::vector<std::string>& cases) {
  const bool none = cases.empty() || (cases.size() == 1 && cases[0].empty());
  if (variant.empty()) {
    return AppError{
        ErrorKind::invalid_input, "invalid_variant",
        "Trường 'variant': thủ tục có nhiều trường hợp, hãy chọn một trong: " + listed(cases) + ".",
        "Field 'variant': the procedure has several cases; choose one of: " + listed(cases) + ".",
        "variant"};
  }
  if (none) {
    return AppError{ErrorKind::invalid_input, "invalid_variant",
                    "Trường 'variant': thủ tục chỉ có một trường hợp, không có trường hợp '" +
                        variant + "'; để trống.",
                    "Field 'variant': the procedure has a single case and no case '" + variant +
                        "'; leave it empty.",
                    "variant"};
  }
  return AppError{ErrorKind::invalid_input, "invalid_variant",
                  "Trường 'variant': thủ tục không có trường hợp '" + variant +
                      "'; chọn một trong: " + listed(cases) + ".",
                  "Field 'variant': the procedure has no case '" + variant +
                      "'; choose one of: " + listed(cases) + ".",
                  "variant"};
}

}  // namespace

std::vector<std::string> procedure_case_names(store::SqlConnection& db, const std::string& code,
                                              std::int64_t version) {
  const auto row = store::procedure_version(db, code, version);
  if (!row) return {};
  // Every intake checks the case it names against its procedure's document: parsed once per
  // stored text (app/common/text_keyed_cache.hpp).
  static TextKeyedCache<std::vector<std::string>> parsed(4096);
  return *parsed.get(row->document,
                     [](const std::string& text) { return codec::document_case_names(text); });
}

AppResult<void> check_variant(const std::vector<std::string>& cases, const std::string& variant,
                              bool may_choose_later) {
  const std::string wanted = catalog::clean_case_name(variant);
  const bool alternatives = cases.size() > 1;
  if (wanted.empty()) {
    if (!alternatives || may_choose_later) return {};
    return tl::unexpected(invalid_variant(variant, cases));
  }
  const bool known = std::any_of(cases.begin(), cases.end(), [&](const std::string& c) {
    return !c.empty() && catalog::clean_case_name(c) == wanted;
  });
  if (known) return {};
  return tl::unexpected(invalid_variant(variant, cases));
}

}  // namespace motcua::app
