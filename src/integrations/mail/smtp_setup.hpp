// The mail adapter as `motcua serve` and `motcua deliver` configure it from --smtp, --mail-from
// and --public-url (src/cli/delivery_options.cpp).
#pragma once

#include <memory>
#include <string>

#include "app/delivery/delivery_port.hpp"

namespace motcua::integrations {

// Read from the working directory, like the calendars: the server runs from the installation root.
inline constexpr const char* kMailTemplatesFile = "data/notifications/mail-templates.json";

// Throws std::invalid_argument (with a Vietnamese and English message) when --mail-from is missing
// or not an address, and std::runtime_error when the templates cannot be read: a misconfigured
// mail connection stops the server at start, not at the first notice.
std::shared_ptr<app::delivery::DeliveryAdapter> make_smtp_adapter(
    const std::string& smtp_url, const std::string& mail_from, const std::string& public_url,
    const std::string& templates_file = kMailTemplatesFile);

}  // namespace motcua::integrations
