// One-time codes and the sign-ups waiting for theirs (migration 0036; app/accounts/one_time_codes
// holds the rules).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

struct OneTimeCodeRow {
  std::string id;
  std::string purpose;  // account_verify | password_reset
  std::string address;
  std::string user_id;
  std::string code_hash;
  std::string created_at;
  std::int64_t expires_s = 0;
  std::int64_t wrong_tries = 0;
};

struct PendingSignupRow {
  std::string address;
  std::string display_name;
  std::string password_hash;
  std::string language;
  std::string created_at;
};

// Inserts a code and retires every earlier unused code of the same purpose and address: only the
// newest one can be used.
void insert_one_time_code(SqlConnection& db, const OneTimeCodeRow& row);
// The newest unused code of a purpose and address (expired or not: the caller checks).
std::optional<OneTimeCodeRow> current_one_time_code(SqlConnection& db, const std::string& purpose,
                                                    const std::string& address);
void count_wrong_code_try(SqlConnection& db, const std::string& id);
void mark_one_time_code_used(SqlConnection& db, const std::string& id, const std::string& now_iso);

// Replaces any pending sign-up of the address.
void save_pending_signup(SqlConnection& db, const PendingSignupRow& row);
std::optional<PendingSignupRow> find_pending_signup(SqlConnection& db, const std::string& address);
void delete_pending_signup(SqlConnection& db, const std::string& address);

// The enabled applicant account whose username, e-mail address or phone is `address`.
std::optional<std::string> applicant_with_contact(SqlConnection& db, const std::string& address);
// Whether any user (of any kind, enabled or not) has `address` as username, e-mail or phone.
bool contact_in_use(SqlConnection& db, const std::string& address);

}  // namespace motcua::store
