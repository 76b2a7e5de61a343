// A fresh tracking secret for a new dossier (domain/dossier/tracking_secret.hpp), from libsodium's
// generator: a guess has one chance in 2^40.
#pragma once

#include <string>

namespace motcua::app {

std::string new_tracking_secret();

}  // namespace motcua::app
