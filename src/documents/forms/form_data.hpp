// What the forms read from a dossier's full view: the last command of a kind with its data, the
// names of the issuing unit and agency, and the instants of commands as local ISO text.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "app/dossier/dossier_views.hpp"
#include "domain/calendar/date.hpp"

namespace motcua::documents {

// The last timeline entry of `type` ("supplement_requested") carrying a command of type T, with
// that command; {nullptr, nullptr} when there is none.
template <typename T>
std::pair<const app::TimelineEntry*, const T*> last_command(const app::DossierView& view,
                                                            std::string_view type) {
  for (auto it = view.timeline.rbegin(); it != view.timeline.rend(); ++it) {
    if (it->type != type || !it->command) continue;
    if (const T* c = std::get_if<T>(&*it->command)) return {&*it, c};
  }
  return {nullptr, nullptr};
}

inline std::string local_iso(const app::DossierView& view, Instant t) {
  return to_iso(t, view.utc_offset_minutes);
}

inline std::string agency_name(const app::DossierView& v) {
  return v.workspace.agency ? v.workspace.agency->name : std::string();
}
inline std::string agency_parent(const app::DossierView& v) {
  return v.workspace.agency ? v.workspace.agency->parent_name : std::string();
}
inline std::string unit_name(const app::DossierView& v) {
  return v.workspace.receiving_unit ? v.workspace.receiving_unit->name
                                    : std::string("Bộ phận Một cửa");
}
// The place of the date line, as the HTML forms write it: the agency's parent body, else the
// agency.
inline std::string place(const app::DossierView& v) {
  const std::string parent = agency_parent(v);
  return parent.empty() ? agency_name(v) : parent;
}
inline std::string code_of(const app::DossierView& v) { return v.code.value_or("…"); }
inline std::string or_dots(const std::string& s) { return s.empty() ? "…" : s; }

}  // namespace motcua::documents
