// Which keys the server works with, and when they change (issue 18 point 8: key changes audited).
// Keys live in files outside the database (the anchor key, the seals of webhook and TOTP secrets,
// the instance key, the agencies' signing keys, the TLS certificate and key), so an operator can
// swap one without any request reaching the server. At every start the server hands its keys'
// fingerprints here; each key that appeared, changed or went away since the last start leaves a
// row in the chained audit log with the fingerprint before and after. A fingerprint is the first
// 16 hex digits of the SHA-256 of the key file: it tells two keys apart and reveals nothing of
// either; no key material ever reaches the database.
#pragma once

#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::app {

struct KeyInUse {
  std::string name;         // e.g. "anchor", "tls.certificate", "signing.UBND-HL"
  std::string fingerprint;  // 16 hex digits; empty: configured but unreadable (audited as such)
};

struct KeyChange {
  std::string name;
  std::string before;  // empty: first seen
  std::string after;   // empty: no longer in use
};

// Compares `keys` with those recorded at the last start (installation setting "keys_in_use"),
// appends one audit row per difference (actions key.first_used, key.changed, key.retired; actor
// "serve"; details {"before","after"}), records `keys` and returns the differences. Inside the
// caller's write transaction.
std::vector<KeyChange> record_keys_in_use(store::SqlConnection& db,
                                          const std::vector<KeyInUse>& keys,
                                          const std::string& now_iso);

}  // namespace motcua::app
