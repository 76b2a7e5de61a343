// Officials' TOTP factors, their recovery codes and the roles that require one (migration 0036;
// app/accounts/second_factor.hpp holds the rules).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"

namespace motcua::store {

struct TotpFactorRow {
  std::string user_id;
  std::string secret_sealed;
  std::string confirmed_at;  // '' while unconfirmed
  std::int64_t last_step = 0;
};

std::optional<TotpFactorRow> find_totp_factor(SqlConnection& db, const std::string& user_id);
// Replaces any factor of the user (and its recovery codes) with an unconfirmed one.
void begin_totp_factor(SqlConnection& db, const std::string& user_id, const std::string& sealed,
                       const std::string& now_iso);
void confirm_totp_factor(SqlConnection& db, const std::string& user_id, std::int64_t step,
                         const std::string& now_iso);
// Moves last_step forward only: false when a concurrent login used this step or a later one.
bool advance_totp_step(SqlConnection& db, const std::string& user_id, std::int64_t step);
void delete_totp_factor(SqlConnection& db, const std::string& user_id);

void insert_recovery_code(SqlConnection& db, const std::string& user_id,
                          const std::string& code_hash);
// Marks an unused code used; false when there is none with that hash.
bool use_recovery_code(SqlConnection& db, const std::string& user_id, const std::string& code_hash,
                       const std::string& now_iso);
std::int64_t recovery_codes_left(SqlConnection& db, const std::string& user_id);

std::vector<std::string> second_factor_roles(SqlConnection& db);
void set_second_factor_role(SqlConnection& db, const std::string& role, bool required,
                            const std::string& by, const std::string& now_iso);
// Whether the user holds a role that requires a second factor and has no confirmed one.
bool second_factor_enrolment_due(SqlConnection& db, const std::string& user_id);

}  // namespace motcua::store
