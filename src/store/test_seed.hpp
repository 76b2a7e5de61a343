// Test-only: a small province shared by the app unit tests and the black-box tests: province p1
// with communes c1 and c2, and the one-stop unit u1 of c1. Agency codes follow the Circular 01/2018
// format (made up).
#pragma once

#include <initializer_list>
#include <string>

#include "store/sql.hpp"

namespace motcua::store {

inline void seed_test_agencies(SqlConnection& db) {
  for (const char* sql : {
           "INSERT INTO agencies(id, code, name, kind, parent_id, valid_from) VALUES "
           "('p1', '000.00.00.H40', 'Tỉnh Thử', 'province', NULL, '2025-07-01')",
           "INSERT INTO agencies(id, code, name, kind, parent_id, valid_from) VALUES "
           "('c1', '000.01.01.H40', 'Xã Một', 'commune', 'p1', '2025-07-01')",
           "INSERT INTO agencies(id, code, name, kind, parent_id, valid_from) VALUES "
           "('c2', '000.02.02.H40', 'Xã Hai', 'commune', 'p1', '2025-07-01')",
           "INSERT INTO one_stop_units(id, agency_id, name) VALUES ('u1', 'c1', 'Bộ phận một cửa "
           "xã Một')",
       }) {
    db.execute(sql);
  }
}

// Birth registration (1.001193, 3 working days at the counter and online), the procedure the app
// tests work with.
inline void seed_test_birth_procedure(SqlConnection& db) {
  db.execute(
      "INSERT INTO procedures(code, version, name, name_folded, effective_from, content_hash, "
      "document, imported_at) VALUES ('1.001193', 1, 'Đăng ký khai sinh', "
      "'dang ky khai sinh', '2020-01-01', 'h', "
      "'{\"limits\":{\"counter\":\"3 working-days\",\"online\":\"3 working-days\"}}', 'now')");
}

// Bare accounts (no password, no grant) whose ids the tests' actors use.
inline void seed_test_accounts(SqlConnection& db, std::initializer_list<const char*> ids) {
  for (const char* id : ids) {
    db.execute(
        "INSERT INTO users(id, username, kind, display_name, password_hash, created_at) "
        "VALUES (?, ?, 'x', ?, '-', 'now')",
        {std::string(id), std::string(id), std::string(id)});
  }
}

}  // namespace motcua::store
