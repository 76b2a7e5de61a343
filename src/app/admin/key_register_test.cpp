// Key changes reach the chained audit log (issue 18 point 8): the first start records every key,
// a swapped key and a key taken out of use are audited with the fingerprints before and after,
// and a start with the same keys writes nothing.
#include "app/admin/key_register.hpp"

#include <gtest/gtest.h>

#include "app/dossier/paper_process_test_support.hpp"
#include "store/audit_log.hpp"
#include "store/event_log.hpp"

namespace motcua::app {
namespace {

using test_support::StoreTest;

class KeyRegister : public StoreTest {
 protected:
  std::vector<KeyChange> start_with(const std::vector<KeyInUse>& keys, const std::string& at) {
    std::vector<KeyChange> out;
    store_->write([&](store::SqlConnection& db) { out = record_keys_in_use(db, keys, at); });
    return out;
  }
  std::vector<store::AuditEntry> audit_of(const std::string& object) {
    std::vector<store::AuditEntry> out;
    store_->read([&](store::SqlConnection& db) { out = store::audit_of(db, object); });
    return out;
  }
};

TEST_F(KeyRegister, FirstStartRecordsEveryKeyThenTheSameKeysWriteNothing) {
  const auto first = start_with({{"anchor", "aaaa1111bbbb2222"}, {"tls.key", "cccc3333dddd4444"}},
                                "2026-12-07T08:00:00+07:00");
  ASSERT_EQ(first.size(), 2u);
  const auto anchor = audit_of("key:anchor");
  ASSERT_EQ(anchor.size(), 1u);
  EXPECT_EQ(anchor[0].action, "key.first_used");
  EXPECT_EQ(anchor[0].actor_id, "serve");
  EXPECT_EQ(anchor[0].details, R"({"before":"","after":"aaaa1111bbbb2222"})");

  EXPECT_TRUE(start_with({{"tls.key", "cccc3333dddd4444"}, {"anchor", "aaaa1111bbbb2222"}},
                         "2026-12-07T09:00:00+07:00")
                  .empty());
  EXPECT_EQ(audit_of("key:anchor").size(), 1u) << "no row for an unchanged key";
}

TEST_F(KeyRegister, ASwappedKeyAndARetiredKeyAreAuditedWithBeforeAndAfter) {
  start_with({{"anchor", "aaaa1111bbbb2222"}, {"signing.UBND-HL", "eeee5555ffff6666"}},
             "2026-12-07T08:00:00+07:00");
  const auto changes = start_with({{"anchor", "9999888877776666"}}, "2026-12-08T08:00:00+07:00");
  ASSERT_EQ(changes.size(), 2u);

  const auto anchor = audit_of("key:anchor");
  ASSERT_EQ(anchor.size(), 2u);
  EXPECT_EQ(anchor[1].action, "key.changed");
  EXPECT_EQ(anchor[1].details, R"({"before":"aaaa1111bbbb2222","after":"9999888877776666"})");
  const auto signing = audit_of("key:signing.UBND-HL");
  ASSERT_EQ(signing.size(), 2u);
  EXPECT_EQ(signing[1].action, "key.retired");
  EXPECT_EQ(signing[1].details, R"({"before":"eeee5555ffff6666","after":""})");

  // The rows are part of the chain that verify-log checks.
  store_->read([&](store::SqlConnection& db) {
    const auto check = store::verify_audit_chain(db);
    EXPECT_TRUE(check.ok()) << check.problem;
    EXPECT_GE(check.events_checked, 4);
  });
}

TEST_F(KeyRegister, NamesThatCouldBreakTheRecordAreNeutralised) {
  start_with({{"signing.a b\n\"x", "0123456789abcdef"}}, "2026-12-07T08:00:00+07:00");
  const auto rows = audit_of("key:signing.a_b__x");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(
      start_with({{"signing.a b\n\"x", "0123456789abcdef"}}, "2026-12-07T09:00:00+07:00").empty());
}

}  // namespace
}  // namespace motcua::app
