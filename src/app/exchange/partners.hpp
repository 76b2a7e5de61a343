// Partner MotCua instances (issue 14 point 6): an administrator registers each other system this
// one exchanges dossiers with (its instance id, name, base URL, the agency codes it serves) and
// its public keys, each valid from/until a time so that a partner can rotate its key without
// downtime: the next key is registered before the partner starts signing with it, the old one is
// given an end. Every registration is audited. This instance's own identity (id and public key) is
// published at GET /api/v1/exchange/identity for partners to fetch.
#pragma once

#include <string>
#include <vector>

#include "app/common/actor.hpp"
#include "app/common/app_error.hpp"
#include "app/exchange/envelope.hpp"
#include "store/sql.hpp"

namespace motcua::app::exchange {

// This instance: its id and Ed25519 key (serve's --instance-id and --instance-key). An empty id
// means exchange is not configured: messages are refused and nothing is sent.
struct InstanceIdentity {
  std::string id;
  std::string secret_key;  // libsodium's 64-byte Ed25519 secret key
  std::string public_key;  // base64
  std::string key_since;   // ISO 8601: when the key file was created (published as valid_from)
};

struct PartnerKeyInput {
  std::string public_key;
  std::string valid_from;
  std::string valid_to;  // empty: no end
  std::string reason;
};

struct PartnerInput {
  std::string id;
  std::string name;
  std::string base_url;
  std::vector<std::string> agency_codes;
  std::vector<PartnerKeyInput> keys;  // at least one
  std::string reason;
};

struct PartnerKeyView {
  std::string public_key;
  std::string valid_from;
  std::string valid_to;
  std::string added_by;
  std::string added_at;
};

struct PartnerView {
  std::string id;
  std::string name;
  std::string base_url;
  std::vector<std::string> agency_codes;
  std::vector<PartnerKeyView> keys;
  std::string created_by;
  std::string created_at;
};

struct IdentityView {
  std::string instance_id;
  std::vector<PartnerKey> keys;
};

AppResult<PartnerView> register_partner(store::SqlConnection& db, const Actor& actor,
                                        const PartnerInput& input, const std::string& self_id,
                                        const std::string& now_iso);
AppResult<std::vector<PartnerView>> list_partners(store::SqlConnection& db, const Actor& actor);
AppResult<PartnerView> add_partner_key(store::SqlConnection& db, const Actor& actor,
                                       const std::string& partner_id, const PartnerKeyInput& input,
                                       const std::string& now_iso);
// 409 when exchange is not configured on this instance.
AppResult<IdentityView> instance_identity(const InstanceIdentity& self);

// The partner that serves `agency_code`, if any (for the forward of a process step).
std::optional<PartnerView> partner_serving(store::SqlConnection& db,
                                           const std::string& agency_code);

}  // namespace motcua::app::exchange
