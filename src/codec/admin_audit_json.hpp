// The `details` documents of the audit rows written by administration (agencies, one-stop units,
// officials, processes): JSON text built here so the use cases never handle JSON themselves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace motcua::codec {

struct AuditAgencyNames {
  std::string code;
  std::string name;
  std::string name_en;
};

struct AuditUnit {
  std::string id;
  std::string agency_id;
  std::string name;
  std::string name_en;
  std::string address;
};

struct AuditGrant {
  std::string role;
  std::string agency_id;
};

// {"before": {code, name, name_en}, "after": {...}}
std::string agency_change_details(const AuditAgencyNames& before, const AuditAgencyNames& after);
// {"before": unit or null, "after": unit}
std::string unit_change_details(const std::optional<AuditUnit>& before, const AuditUnit& after);
// {"username", "display_name", "grants": [{role, agency_id}]}
std::string official_created_details(const std::string& username, const std::string& display_name,
                                     const std::vector<AuditGrant>& grants);
// {"before": {display_name, disabled}, "after": {...}}
std::string official_change_details(const std::string& name_before, bool disabled_before,
                                    const std::string& name_after, bool disabled_after);
// {"role", "agency_id"}
std::string grant_details(const AuditGrant& grant);
// {"version", "steps"}
std::string process_saved_details(std::int64_t version, std::int64_t steps);
// An import of public data: the file or folder read and what it did, e.g. {"inserted": 3}.
std::string import_details(const std::string& source,
                           const std::vector<std::pair<std::string, std::int64_t>>& counts);
// The "before" of a setting change's details ({"before": n, "after": m}), if it is there.
std::optional<std::int64_t> setting_change_before(const std::string& details);
// A login attempt: who it claimed to be and from where; never the password.
std::string login_details(const std::string& username, const std::string& client_address);
// A login refused for rate: login_details plus "suppressed", the refusals of the same username and
// address that were answered without a row since the previous one (app/accounts/login_refusals).
std::string login_refusal_details(const std::string& username, const std::string& client_address,
                                  std::int64_t suppressed);

// A shared paper opened by an official of a consulted agency: {"paper_id", "paper_name",
// "file_name", "consultation_id", "agency_id"} (the dossier is the row's object).
std::string shared_paper_opened_details(const std::string& paper_id, const std::string& paper_name,
                                        const std::string& file_name,
                                        const std::string& consultation_id,
                                        const std::string& agency_id);

}  // namespace motcua::codec
