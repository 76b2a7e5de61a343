// Importing every record of the real catalog files in data/catalog/ through the real binary, then
// finding procedures over HTTP with accent-insensitive search.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>

#include "../run_process.hpp"
#include "api_client.hpp"
#include "fixture.hpp"
#include "server_process.hpp"

namespace motcua::testing {
namespace {

namespace json = boost::json;
const std::string kBinary = std::string(MOTCUA_BINARY_DIR) + "/motcua";
const std::string kData = std::string(MOTCUA_SOURCE_DIR) + "/data/catalog/";

json::object import(const std::string& file, const std::string& db, const std::string& report) {
  const auto r = run_process(kBinary + " import catalog " + kData + file + " --db " + db +
                             " --report " + report);
  EXPECT_EQ(r.status, 0) << r.err;
  return json::parse(r.out).as_object();
}

TEST(CatalogImport, EveryRealRecordImportsAndASecondRunChangesNothing) {
  TempDir dir("catalog");
  IntegrationDatabase database;
  const auto db = database.name(), report = dir.file("report.jsonl");
  struct Expect {
    const char* file;
    std::int64_t records;
  };
  for (const auto& e :
       {Expect{"dvcqg-catalog-2642.jsonl.gz", 2642}, Expect{"bqp-structured-207.jsonl", 207}}) {
    const auto first = import(e.file, db, report);
    EXPECT_EQ(first.at("records"), e.records) << e.file;
    EXPECT_EQ(first.at("imported"), e.records) << e.file;
    EXPECT_TRUE(first.at("rejected").as_array().empty()) << e.file;
    EXPECT_GT(first.at("warnings").at("count").as_int64(), 0) << e.file;
    const auto second = import(e.file, db, report);
    EXPECT_EQ(second.at("unchanged"), e.records) << e.file;
    EXPECT_EQ(second.at("imported"), 0) << e.file;
    EXPECT_EQ(second.at("updated"), 0) << e.file;
  }
  // The raw scraped sample repeats 130 codes with differently parsed content: each becomes a new
  // version, never a silent overwrite.
  const auto sample = import("dvcqg-sample-full-records.jsonl", db, report);
  EXPECT_EQ(sample.at("records"), 130);
  EXPECT_EQ(sample.at("updated").as_int64() + sample.at("unchanged").as_int64() +
                sample.at("imported").as_int64(),
            130);
  EXPECT_TRUE(sample.at("rejected").as_array().empty());

  ServerProcess server(kBinary, db);
  ApiClient anyone(server.port());
  for (const char* q : {"dang%20ky%20khai%20sinh", "%C4%90%C4%83ng%20k%C3%BD%20khai%20sinh"}) {
    const auto found = anyone.get(std::string("/api/v1/procedures?q=") + q);
    ASSERT_EQ(found.status, 200);
    bool has_birth = false;
    for (const auto& p : found.body.as_array()) has_birth |= p.at("code") == "1.001193";
    EXPECT_TRUE(has_birth) << q;
  }
  const auto procedure = anyone.get("/api/v1/procedures/1.004222");
  ASSERT_EQ(procedure.status, 200);
  EXPECT_EQ(procedure.body.at("document").at("limits").at("counter"), "7 working-days");
}

TEST(CatalogImport, ABadLineIsRejectedWithItsNumberAndTheRestImports) {
  TempDir dir("catalog-bad");
  const auto file = dir.file("mixed.jsonl");
  {
    std::ofstream out(file);
    out << R"({"ma_thu_tuc":"9.000001","ten_thu_tuc":"Thủ tục thử","cach_thuc_thuc_hien":[]})"
        << "\n";
    out << "{not json\n";
    out << R"({"ma_thu_tuc":"9.000002","ten_thu_tuc":"Thủ tục thử hai","cach_thuc_thuc_hien":[]})"
        << "\n";
  }
  IntegrationDatabase database;
  const auto r = run_process(kBinary + " import catalog " + file + " --db " + database.name() +
                             " --report " + dir.file("r"));
  ASSERT_EQ(r.status, 0) << r.err;
  const auto out = json::parse(r.out).as_object();
  EXPECT_EQ(out.at("records"), 3);
  EXPECT_EQ(out.at("imported"), 2);
  ASSERT_EQ(out.at("rejected").as_array().size(), 1u);
  EXPECT_EQ(out.at("rejected").as_array()[0].at("line"), 2);
  EXPECT_EQ(out.at("rejected").as_array()[0].at("reason"), "invalid_json");
}

}  // namespace
}  // namespace motcua::testing
