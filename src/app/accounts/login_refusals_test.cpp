#include "app/accounts/login_refusals.hpp"

#include <gtest/gtest.h>

#include "app/common/app_test_database.hpp"
#include "store/audit_log.hpp"
#include "store/store.hpp"

namespace motcua::app {
namespace {

std::vector<store::AuditEntry> refusal_rows(store::Store& s) {
  std::vector<store::AuditEntry> rows;
  s.read([&](store::SqlConnection& db) {
    rows = store::audit_page(db, {"", "session.login_throttled", "", "", 50, 0}).entries;
  });
  return rows;
}

// The way api/session_routes.cpp uses it: a read decides, and only an unaudited pair writes.
void refuse(store::Store& s, LoginRefusals& refusals, const std::string& user,
            const std::string& address, std::int64_t now_s) {
  bool audited = false;
  s.read([&](store::SqlConnection& db) { audited = refusals.audited(db, user, address, now_s); });
  if (audited) {
    refusals.count_suppressed(user, address);
    return;
  }
  s.write([&](store::SqlConnection& db) {
    refusals.audit(db, user, address, now_s, "2026-03-02T09:00:00+07:00");
  });
}

TEST(LoginRefusals, OneAuditRowPerUsernameAndAddressPerWindowCountingTheSuppressed) {
  const test_support::AppTestDatabase database("login_refusals");
  auto store = database.open();
  LoginRefusals refusals(900);
  for (int i = 0; i < 20; ++i) refuse(*store, refusals, "an", "10.0.0.1", 1000 + i);
  refuse(*store, refusals, "an", "10.0.0.2", 1005);    // another address: its own row
  refuse(*store, refusals, "binh", "10.0.0.1", 1005);  // another username: its own row
  ASSERT_EQ(refusal_rows(*store).size(), 3u);

  // Two requests that both read "not audited" before either wrote: the second write is counted.
  store->write([&](store::SqlConnection& db) {
    refusals.audit(db, "an", "10.0.0.1", 1100, "2026-03-02T09:01:00+07:00");
  });
  ASSERT_EQ(refusal_rows(*store).size(), 3u);

  // The window has ended: the next refusal writes a row counting the 20 answered without one.
  refuse(*store, refusals, "an", "10.0.0.1", 1000 + 900);
  const auto rows = refusal_rows(*store);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows.front().details,
            R"({"username":"an","client_address":"10.0.0.1","suppressed":20})");
  EXPECT_EQ(rows.front().actor_id, "anonymous");
}

}  // namespace
}  // namespace motcua::app
