// The "templates" object of a notification data file (data/notifications/*-templates.json), read
// once for every channel that keeps its templates in such a file (SMS, Zalo).
#pragma once

#include <boost/json/object.hpp>
#include <filesystem>
#include <string>
#include <tl/expected.hpp>

namespace motcua::integrations {

// The file's top-level "templates" object, or a message naming the file and what is wrong.
tl::expected<boost::json::object, std::string> read_template_file(
    const std::filesystem::path& file);

}  // namespace motcua::integrations
