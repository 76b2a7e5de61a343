// Reads data/templates/open311-services.json: the Open311 services (kinds of feedback) and the
// attributes each asks for.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/engagement/open311_service.hpp"
#include "tl/expected.hpp"

namespace motcua::codec {

tl::expected<std::vector<engagement::Open311Service>, std::string> parse_open311_services(
    std::string_view text);

}  // namespace motcua::codec
