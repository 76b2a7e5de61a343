// One schema, two engines: after migrating a fresh SQLite file and a fresh PostgreSQL database,
// both hold the same tables, columns (name, nullability, type through the mapping of
// store/migrations.hpp) and indexes (name, table, columns). Needs MOTCUA_TEST_PG_URL.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "store/test_database.hpp"

namespace motcua::store {
namespace {

// table -> "column type null|not-null" lines in column order; index -> "table(columns)".
struct Schema {
  std::map<std::string, std::vector<std::string>> tables;
  std::map<std::string, std::string> indexes;
};

Schema sqlite_schema(Store& store) {
  Schema s;
  store.read([&](SqlConnection& db) {
    // Plain tables only: an FTS5 index (virtual table and its shadow tables) has no PostgreSQL
    // counterpart.
    for (const auto& t : db.query("SELECT name FROM pragma_table_list WHERE schema = 'main' AND "
                                  "type = 'table' AND name NOT LIKE 'sqlite_%'")) {
      auto& columns = s.tables[t.text(0)];
      for (const auto& c :
           db.query("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid",
                    {t.text(0)})) {
        // A primary key is never null in PostgreSQL; SQLite's pragma says so only with NOT NULL.
        const bool not_null = c.integer(2) != 0 || c.integer(3) != 0;
        // Columns holding bytes under the TEXT they were declared with (SQLite keeps a BLOB as a
        // BLOB in a TEXT column and cannot retype one without rebuilding the table): migration
        // 0058, 0064 and 0067 made them bytea on PostgreSQL.
        static const std::set<std::string> kBytesInText{"dossier_events.hash", "dossiers.document",
                                                        "dossier_events.payload"};
        // INT (INTEGER affinity too) for a column that is a 32-bit int on PostgreSQL, where the
        // mapping makes INTEGER a bigint (migration 0062's vocabulary ids).
        const std::string type = c.text(1) == "INTEGER"                               ? "bigint"
                                 : c.text(1) == "INT"                                 ? "integer"
                                 : kBytesInText.contains(t.text(0) + "." + c.text(0)) ? "bytea"
                                                                                      : "text";
        columns.push_back(c.text(0) + " " + type + (not_null ? " not-null" : " null"));
      }
    }
    // Indexes made by CREATE INDEX (sql not null), not the automatic ones of keys.
    for (const auto& i : db.query("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' "
                                  "AND sql IS NOT NULL")) {
      std::string columns;
      for (const auto& c :
           db.query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", {i.text(0)})) {
        columns += (columns.empty() ? "" : ", ") + c.text(0);
      }
      s.indexes[i.text(0)] = i.text(1) + "(" + columns + ")";
    }
  });
  return s;
}

Schema postgres_schema(Store& store) {
  Schema s;
  store.read([&](SqlConnection& db) {
    for (const auto& t : db.query("SELECT table_name FROM information_schema.tables WHERE "
                                  "table_schema = 'public' AND table_type = 'BASE TABLE'")) {
      auto& columns = s.tables[t.text(0)];
      for (const auto& c : db.query(
               "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE "
               "table_schema = 'public' AND table_name = ? ORDER BY ordinal_position",
               {t.text(0)})) {
        columns.push_back(c.text(0) + " " + c.text(1) +
                          (c.text(2) == "NO" ? " not-null" : " null"));
      }
    }
    // Indexes made by CREATE INDEX: those behind a key or unique constraint have its name.
    for (const auto& i : db.query(
             "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' "
             "AND indexname NOT IN (SELECT conname FROM pg_constraint)")) {
      // A partial index ends in " WHERE <predicate>": the columns are before it.
      std::string def = i.text(2);
      if (const auto where = def.find(" WHERE "); where != std::string::npos) def.resize(where);
      const auto open = def.rfind('(');
      const auto close = def.rfind(')');
      s.indexes[i.text(0)] = i.text(1) + def.substr(open, close - open + 1);
    }
  });
  return s;
}

// The search index of migration 0047 is built from each engine's own means (a NOCASE index and
// FTS5 on SQLite, text_pattern_ops and pg_trgm on PostgreSQL).
void drop_engine_specific_indexes(Schema& s) {
  for (const char* name : {"procedure_search_code_prefix", "procedure_search_trigrams"}) {
    s.indexes.erase(name);
  }
}

TEST(Schema, BothEnginesHoldTheSameTablesColumnsAndIndexes) {
  if (test_postgres_url().empty()) GTEST_SKIP() << "MOTCUA_TEST_PG_URL is not set";
  TestDatabase sqlite(Engine::sqlite, "schema");
  TestDatabase postgres(Engine::postgres, "schema");
  Schema a = sqlite_schema(*sqlite.open(1));
  Schema b = postgres_schema(*postgres.open(1));
  drop_engine_specific_indexes(a);
  drop_engine_specific_indexes(b);
  ASSERT_GT(a.tables.size(), 20u);
  EXPECT_EQ(a.tables, b.tables);
  ASSERT_GT(a.indexes.size(), 10u);
  EXPECT_EQ(a.indexes, b.indexes);
}

}  // namespace
}  // namespace motcua::store
