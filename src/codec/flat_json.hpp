// A flat JSON object (text and whole-number fields) as text: the details column of audit entries,
// written by use cases that must not build JSON themselves.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace motcua::codec {

using FlatValue = std::variant<std::string, std::int64_t>;
using FlatFields = std::vector<std::pair<std::string, FlatValue>>;

// {"key": value, ...} in the order given.
std::string flat_object_text(const FlatFields& fields);

}  // namespace motcua::codec
