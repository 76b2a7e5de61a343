// The adapters of the phone channels ("sms": a brandname SMS gateway, "zalo": Zalo Notification
// Service) from the delivery options and the data files of data/notifications/. A channel whose
// URL, secret file or data is missing is not an error at start-up: its messages wait, and the
// reason (which option, which file) is what the admin view and /healthz show.
#pragma once

#include <memory>
#include <string>
#include <tl/expected.hpp>

#include "app/delivery/delivery_port.hpp"
#include "cli/delivery_options.hpp"

namespace motcua::cli {

using AdapterOrMissing = tl::expected<std::shared_ptr<app::delivery::DeliveryAdapter>, std::string>;

AdapterOrMissing sms_adapter(const DeliveryOptions& options);
AdapterOrMissing zalo_adapter(const DeliveryOptions& options);

}  // namespace motcua::cli
