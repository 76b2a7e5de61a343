#include "app/dossier/new_tracking_secret.hpp"

#include <sodium.h>

#include <stdexcept>

#include "domain/dossier/tracking_secret.hpp"

namespace motcua::app {

std::string new_tracking_secret() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::string out;
  out.reserve(dossier::kTrackingSecretLength);
  // randombytes_uniform has no modulo bias, though 32 divides 2^32 anyway.
  for (std::size_t i = 0; i < dossier::kTrackingSecretLength; ++i)
    out.push_back(dossier::kTrackingSecretAlphabet[randombytes_uniform(
        static_cast<std::uint32_t>(dossier::kTrackingSecretAlphabet.size()))]);
  return out;
}

}  // namespace motcua::app
