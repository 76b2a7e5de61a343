#include "domain/catalog/version.hpp"

#include "domain/catalog/canonical.hpp"

namespace motcua::catalog {

const ProcedureVersion* version_in_force(std::span<const ProcedureVersion> versions, Date day) {
  for (const ProcedureVersion& v : versions) {
    if (v.effective_from <= day && (!v.effective_until || day < *v.effective_until)) return &v;
  }
  return nullptr;
}

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return "added";
    case ChangeKind::unchanged:
      return "unchanged";
    case ChangeKind::updated:
      return "updated";
  }
  return "updated";
}

ChangeKind classify_change(const ProcedureVersion* current, const Procedure& incoming) {
  if (current == nullptr) return ChangeKind::added;
  return canonical_text(current->content) == canonical_text(incoming) ? ChangeKind::unchanged
                                                                      : ChangeKind::updated;
}

tl::expected<std::int32_t, std::string> add_version(std::vector<ProcedureVersion>& versions,
                                                    Procedure content, Date from) {
  std::int32_t number = 1;
  if (!versions.empty()) {
    ProcedureVersion& latest = versions.back();
    if (latest.content.code != content.code) {
      return tl::unexpected("version of " + content.code + " added to " + latest.content.code);
    }
    if (from <= latest.effective_from) {
      return tl::unexpected("a new version must start after " + to_iso(latest.effective_from));
    }
    if (!latest.effective_until || from < *latest.effective_until) latest.effective_until = from;
    number = latest.number + 1;
  }
  versions.push_back(ProcedureVersion{number, from, std::nullopt, std::move(content)});
  return number;
}

}  // namespace motcua::catalog
