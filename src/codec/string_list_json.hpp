// A list of strings kept in one text column as a JSON array (the papers a consultation shares).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace motcua::codec {

std::string string_list_to_text(const std::vector<std::string>& items);
// Anything but an array of strings reads as empty: the column is written only by the above.
std::vector<std::string> string_list_from_text(std::string_view text);

}  // namespace motcua::codec
