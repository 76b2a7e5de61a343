// This instance's Ed25519 key for the exchange between MotCua instances: one file holding the hex
// of libsodium's 64-byte secret key, created on first use with mode 0600 (O_EXCL, so two servers
// starting at once keep one key), refused when others can read it. Rotation: make a new file,
// register its public key with each partner ahead of time (with a valid_from), then restart with
// --instance-key pointing at it.
#pragma once

#include <string>

#include "app/common/app_error.hpp"
#include "app/exchange/partners.hpp"

namespace motcua::app::exchange {

// The identity `instance_id` signs with, from `path` (created when missing). `key_since` is the
// file's modification time, published as the key's valid_from.
AppResult<InstanceIdentity> load_or_create_instance_key(const std::string& path,
                                                        const std::string& instance_id);

}  // namespace motcua::app::exchange
