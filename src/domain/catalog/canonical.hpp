// A deterministic text form of a procedure's content, so an import can tell "unchanged" from
// "updated": equal content gives byte-equal text, and any change to a field (raw texts included)
// changes it. The store hashes it (SHA-256); fnv1a64 is a small stable hash for tests and logs.
//
// Format: a first line "motcua-procedure/1", then one "key=value" line per field in a fixed order,
// lists indexed ("channel[0].fee.amount[1]=..."), values with "\\", "\n" and "\r" escaped. Lists
// keep source order: reordering channels or papers counts as a change, because the order is shown
// to citizens. Bump the version line when the format changes (every hash changes with it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/catalog/procedure.hpp"

namespace motcua::catalog {

std::string canonical_text(const Procedure& p);

// FNV-1a, 64 bits.
std::uint64_t fnv1a64(std::string_view bytes);

}  // namespace motcua::catalog
