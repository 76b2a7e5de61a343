// The lenient readers of stored JSON used by the officials' queries, and the audit details writer.
#include <gtest/gtest.h>

#include "codec/flat_json.hpp"
#include "codec/process_partners.hpp"
#include "codec/tracking_book_fields.hpp"

namespace motcua::codec {
namespace {

TEST(BookDocumentFields, ReadsTheFieldsTheBookPrints) {
  const auto f =
      book_document_fields(R"({"procedure_name":"Đăng ký khai sinh","return_channel":"post",)"
                           R"("applicant":{"address":"Hoa Lư","phone":"0912345678"}})");
  EXPECT_EQ(f.procedure_name, "Đăng ký khai sinh");
  EXPECT_EQ(f.return_channel, "post");
  EXPECT_EQ(f.applicant_address, "Hoa Lư");
  EXPECT_EQ(f.applicant_phone, "0912345678");
}

TEST(BookDocumentFields, MissingOrMalformedGiveEmptyText) {
  const auto f = book_document_fields(R"({"applicant":"not an object","procedure_name":3})");
  EXPECT_EQ(f.procedure_name, "");
  EXPECT_EQ(f.applicant_address, "");
  EXPECT_EQ(book_document_fields("not json").return_channel, "");
  const auto r = return_fields(R"({"receiver_name":"Trần Thị B"})");
  EXPECT_EQ(r.receiver_name, "Trần Thị B");
  EXPECT_EQ(r.channel, "");
  EXPECT_EQ(return_fields("[]").receiver_name, "");
}

TEST(ResponsibleUnitIds, ListsTheUnitsOfTheStepsInOrder) {
  EXPECT_EQ(responsible_unit_ids(R"({"steps":[{"responsible":{"unit":"mc-1"}},)"
                                 R"({"responsible":{"role":"leader"}},)"
                                 R"({"responsible":{"unit":"so-tu-phap-37"}}]})"),
            (std::vector<std::string>{"mc-1", "so-tu-phap-37"}));
  EXPECT_TRUE(responsible_unit_ids(R"({"steps":{}})").empty());
  EXPECT_TRUE(responsible_unit_ids("{").empty());
}

TEST(FlatObjectText, KeepsTheOrderGiven) {
  EXPECT_EQ(flat_object_text({{"code", std::string("PA-1")}, {"overall", std::int64_t{4}}}),
            R"({"code":"PA-1","overall":4})");
  EXPECT_EQ(flat_object_text({}), "{}");
}

}  // namespace
}  // namespace motcua::codec
