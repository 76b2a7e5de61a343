#include "store/second_factor_repository.hpp"

namespace motcua::store {

namespace {
constexpr const char* kFind =
    "SELECT user_id, secret_sealed, confirmed_at, last_step FROM totp_factors WHERE user_id = ?";
constexpr const char* kDelete = "DELETE FROM totp_factors WHERE user_id = ?";
constexpr const char* kDeleteCodes = "DELETE FROM totp_recovery_codes WHERE user_id = ?";
constexpr const char* kInsert =
    "INSERT INTO totp_factors(user_id, secret_sealed, created_at) VALUES (?, ?, ?)";
constexpr const char* kConfirm =
    "UPDATE totp_factors SET confirmed_at = ?, last_step = ? WHERE user_id = ?";
constexpr const char* kAdvance =
    "UPDATE totp_factors SET last_step = ? WHERE user_id = ? AND last_step < ?";
constexpr const char* kInsertCode =
    "INSERT INTO totp_recovery_codes(user_id, code_hash) VALUES (?, ?)";
constexpr const char* kUseCode =
    "UPDATE totp_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND "
    "used_at = ''";
constexpr const char* kCodesLeft =
    "SELECT COUNT(*) FROM totp_recovery_codes WHERE user_id = ? AND used_at = ''";
constexpr const char* kRoles = "SELECT role FROM second_factor_roles ORDER BY role";
constexpr const char* kDeleteRole = "DELETE FROM second_factor_roles WHERE role = ?";
constexpr const char* kInsertRole =
    "INSERT INTO second_factor_roles(role, required_by, required_at) VALUES (?, ?, ?)";
constexpr const char* kDue =
    "SELECT 1 FROM user_roles g JOIN second_factor_roles r ON r.role = g.role WHERE g.user_id = ? "
    "AND NOT EXISTS (SELECT 1 FROM totp_factors f WHERE f.user_id = g.user_id AND "
    "f.confirmed_at <> '') LIMIT 1";
}  // namespace

std::optional<TotpFactorRow> find_totp_factor(SqlConnection& db, const std::string& user_id) {
  const auto row = db.query_one(kFind, {user_id});
  if (!row) return std::nullopt;
  return TotpFactorRow{row->text(0), row->text(1), row->text(2), row->integer(3)};
}

void begin_totp_factor(SqlConnection& db, const std::string& user_id, const std::string& sealed,
                       const std::string& now_iso) {
  delete_totp_factor(db, user_id);
  db.execute(kInsert, {user_id, sealed, now_iso});
}

void confirm_totp_factor(SqlConnection& db, const std::string& user_id, std::int64_t step,
                         const std::string& now_iso) {
  db.execute(kConfirm, {now_iso, step, user_id});
}

bool advance_totp_step(SqlConnection& db, const std::string& user_id, std::int64_t step) {
  return db.execute(kAdvance, {step, user_id, step}) == 1;
}

void delete_totp_factor(SqlConnection& db, const std::string& user_id) {
  db.execute(kDelete, {user_id});
  db.execute(kDeleteCodes, {user_id});
}

void insert_recovery_code(SqlConnection& db, const std::string& user_id,
                          const std::string& code_hash) {
  db.execute(kInsertCode, {user_id, code_hash});
}

bool use_recovery_code(SqlConnection& db, const std::string& user_id, const std::string& code_hash,
                       const std::string& now_iso) {
  return db.execute(kUseCode, {now_iso, user_id, code_hash}) == 1;
}

std::int64_t recovery_codes_left(SqlConnection& db, const std::string& user_id) {
  const auto row = db.query_one(kCodesLeft, {user_id});
  return row ? row->integer(0) : 0;
}

std::vector<std::string> second_factor_roles(SqlConnection& db) {
  std::vector<std::string> out;
  for (const auto& r : db.query(kRoles, {})) out.push_back(r.text(0));
  return out;
}

void set_second_factor_role(SqlConnection& db, const std::string& role, bool required,
                            const std::string& by, const std::string& now_iso) {
  db.execute(kDeleteRole, {role});
  if (required) db.execute(kInsertRole, {role, by, now_iso});
}

bool second_factor_enrolment_due(SqlConnection& db, const std::string& user_id) {
  return db.query_one(kDue, {user_id}).has_value();
}

}  // namespace motcua::store
