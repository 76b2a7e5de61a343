#include "app/imports/document_upgrade.hpp"

#include <gtest/gtest.h>

#include "app/common/app_test_database.hpp"
#include "codec/procedure_papers_json.hpp"
#include "store/catalog_repository.hpp"

namespace motcua::app {
namespace {

// 1.001193 as an import before the catalog's headings were read stored it (shortened): the
// headings as cases, a note among the papers, no kinds, ids, conditions or notes.
const std::string kOldShape = R"json({"code":"1.001193","name":"Đăng ký khai sinh","cases":[
{"name":"* Giấy tờ phải nộp:","papers":[
 {"name":"- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.","form_files":[],"originals":1,"copies":0,"count_raw":"1 bản chính","mandatory":true},
 {"name":"- Giấy chứng sinh","form_files":[],"originals":1,"copies":0,"count_raw":"1 bản chính","mandatory":true}]},
{"name":"* Giấy tờ phải xuất trình:","papers":[
 {"name":"- Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước","form_files":[],"originals":1,"copies":0,"count_raw":"1 bản chính","mandatory":true}]},
{"name":"* Lưu ý:","papers":[
 {"name":"Cơ quan đăng ký hộ tịch từ chối giải quyết nếu có cơ sở xác định nội dung cam đoan không đúng sự thật.","form_files":[],"originals":0,"copies":0,"count_raw":"0 bản chính","mandatory":false}]}]})json";

TEST(DocumentUpgrade, OldShapeDocumentsAreStructuredOnce) {
  test_support::AppTestDatabase database("document-upgrade");
  auto store = database.open();
  store->write([](store::SqlConnection& db) {
    store::ProcedureRow row{"1.001193", "Đăng ký khai sinh", "dang ky khai sinh", "Hộ tịch",
                            "commune",  "bo-tu-phap",        "old-hash",          kOldShape};
    store::upsert_procedure(db, row, "2026-01-01", "2026-01-01T00:00:00+07:00");
  });
  DocumentUpgrade first;
  store->write([&](store::SqlConnection& db) { first = upgrade_procedure_documents(db); });
  EXPECT_TRUE(first.ran);
  EXPECT_EQ(first.checked, 1u);
  EXPECT_EQ(first.rewritten, 1u);

  std::string document;
  store->read([&](store::SqlConnection& db) {
    const auto latest = store::latest_procedure(db, "1.001193");
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->version, 1);  // corrected in place, not a new version
    document = latest->document;
  });
  EXPECT_EQ(codec::document_case_names(document), std::vector<std::string>{""});
  EXPECT_EQ(document.find("Giấy tờ phải nộp"), std::string::npos);
  EXPECT_NE(document.find(R"("kind":"present")"), std::string::npos);
  EXPECT_NE(document.find(R"("condition":"Trường hợp trẻ em bị bỏ rơi")"), std::string::npos);
  EXPECT_NE(document.find(R"("notes":["Cơ quan đăng ký hộ tịch từ chối)"), std::string::npos);
  EXPECT_NE(document.find(R"("id":"p)"), std::string::npos);

  DocumentUpgrade second;
  store->write([&](store::SqlConnection& db) { second = upgrade_procedure_documents(db); });
  EXPECT_FALSE(second.ran);
  EXPECT_FALSE(codec::restructured_document(document));  // idempotent
}

}  // namespace
}  // namespace motcua::app
