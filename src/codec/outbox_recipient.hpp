// The recipient of an outbox message, for the administrators' view of the queue: the payload's
// "to" (an e-mail address or phone number), or its "MaHoSo" (the dossier code of a portal sync
// record), never the rest of the payload's personal data.
#pragma once

#include <string>

namespace motcua::codec {

// "" when the payload is not a JSON object or names no recipient.
std::string outbox_recipient(const std::string& payload);

}  // namespace motcua::codec
