#include "store/database_url.hpp"

#include <gtest/gtest.h>

namespace motcua::store {
namespace {

TEST(PrintableDatabase, MasksThePasswordOfAUrl) {
  EXPECT_EQ(printable_database("postgresql://u:secret@db.example.vn:5432/motcua"),
            "postgresql://u:***@db.example.vn:5432/motcua");
  EXPECT_EQ(printable_database("postgres://motcua:p%40ss@127.0.0.1/x"),
            "postgres://motcua:***@127.0.0.1/x");
}

TEST(PrintableDatabase, MasksAPasswordHoldingUnencodedSlashesOrAts) {
  EXPECT_EQ(printable_database("postgresql://u:a/b@c@host/db"), "postgresql://u:***@host/db");
}

TEST(PrintableDatabase, MasksAPasswordParameter) {
  EXPECT_EQ(printable_database("postgresql://u@host/db?sslmode=require&password=secret&x=1"),
            "postgresql://u@host/db?sslmode=require&password=***&x=1");
  EXPECT_EQ(printable_database("postgresql://host/db?password=secret"),
            "postgresql://host/db?password=***");
}

TEST(PrintableDatabase, LeavesWhatHoldsNoPasswordAlone) {
  EXPECT_EQ(printable_database("postgresql://motcua@127.0.0.1:5433/motcua"),
            "postgresql://motcua@127.0.0.1:5433/motcua");
  EXPECT_EQ(printable_database("postgresql://host:5432/db"), "postgresql://host:5432/db");
  EXPECT_EQ(printable_database("var/motcua.db"), "var/motcua.db");
  EXPECT_EQ(printable_database("/tmp/a:b@c.db"), "/tmp/a:b@c.db");
}

}  // namespace
}  // namespace motcua::store
