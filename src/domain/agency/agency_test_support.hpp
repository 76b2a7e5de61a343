// Test-only: a small agency tree shaped like the real one after 01/07/2025, shared by the agency
// tests. Header-only so that it never enters the library.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/agency/agency.hpp"

namespace motcua::agency::test_support {

inline const Date kReform = date_from_ymd(2025, 7, 1);

inline Agency make_agency(std::string id, AgencyKind kind, std::string parent, Date from,
                          std::optional<Date> to = std::nullopt) {
  Agency a;
  a.id = id;
  a.code = id;
  a.name = "Cơ quan " + id;
  a.name_en = "Agency " + id;
  a.kind = kind;
  a.parent_id = std::move(parent);
  a.valid_from = from;
  a.valid_to = to;
  return a;
}

// Hà Nội with its Department of Justice (and a division under it) and two wards; Hồ Chí Minh City
// with one ward; the Ministry of Justice as a root of its own.
inline std::vector<Agency> sample_agencies() {
  using enum AgencyKind;
  return {
      make_agency("p01", province, "", kReform),
      make_agency("p01-justice", department, "p01", kReform),
      make_agency("p01-justice-civil", other, "p01-justice", kReform),
      make_agency("c00004", commune, "p01", kReform),
      make_agency("c00008", commune, "p01", kReform),
      make_agency("p79", province, "", kReform),
      make_agency("c26734", commune, "p79", kReform),
      make_agency("moj", ministry, "", date_from_ymd(2002, 8, 5)),
  };
}

}  // namespace motcua::agency::test_support
