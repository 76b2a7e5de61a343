// Reads data/templates/queue-priority-groups.json: {"groups": [{code, name_vi, name_en}]}.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/queue/priority_group.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

tl::expected<std::vector<queue::PriorityGroup>, std::string> parse_priority_groups(
    std::string_view text);

}  // namespace motcua::codec
