#include "domain/catalog/paper_text.hpp"

#include <gtest/gtest.h>

namespace motcua::catalog {
namespace {

TEST(CopyCount, PortalForms) {
  auto r = read_copy_count("1 bản chính");
  EXPECT_TRUE(r.parsed);
  EXPECT_EQ(r.originals, 1);
  EXPECT_EQ(r.copies, 0);
  r = read_copy_count("0 bản chính,1 bản sao");
  EXPECT_EQ(r.originals, 0);
  EXPECT_EQ(r.copies, 1);
  r = read_copy_count("01 Bản sao");
  EXPECT_EQ(r.copies, 1);
  EXPECT_FALSE(r.repeated);
}

TEST(CopyCount, DefenceForm) {
  const auto r = read_copy_count("Bản chính: 2\nBản sao: 1");
  EXPECT_TRUE(r.parsed);
  EXPECT_EQ(r.originals, 2);
  EXPECT_EQ(r.copies, 1);
}

TEST(CopyCount, RepeatedAndGlued) {
  auto r = read_copy_count("1 bản chính1 bản chính");
  EXPECT_TRUE(r.repeated);
  EXPECT_EQ(r.originals, 1);
  r = read_copy_count("20261 bản chính");
  EXPECT_EQ(r.originals, 1);
  EXPECT_EQ(r.glued_digits, "2026");
  r = read_copy_count("2 bản chính");
  EXPECT_TRUE(r.glued_digits.empty());
}

TEST(CopyCount, NotACount) {
  EXPECT_FALSE(read_copy_count("").parsed);
  EXPECT_FALSE(read_copy_count("5-PHLCII.doc").parsed);
  EXPECT_FALSE(read_copy_count("bản chính").parsed);
}

TEST(FormFile, DetectsExtensions) {
  EXPECT_TRUE(ends_with_file_name("Mẫu số 04.docx"));
  EXPECT_TRUE(ends_with_file_name("Mẫu số N.DOC "));
  EXPECT_TRUE(ends_with_file_name("Bản khai vũ khí VLN.pdf"));
  EXPECT_FALSE(ends_with_file_name("Tờ khai (mẫu TK06)"));
  EXPECT_FALSE(ends_with_file_name(".doc"));
}

TEST(FormFile, SplitsGluedNames) {
  struct Case {
    const char* text;
    const char* name;
    const char* form;
  };
  for (const Case c : {
           Case{"Tờ khai đề nghị cấp thẻ tạm trú cho người nước ngoài (NA8)9-Mẫu NA8.doc",
                "Tờ khai đề nghị cấp thẻ tạm trú cho người nước ngoài (NA8)", "9-Mẫu NA8.doc"},
           Case{"Văn bản (ban hành kèm theo Thông tư số 04/2015/TT-BCA) đối với cá nhân;7-Mẫu NA6 "
                "(1).doc",
                "Văn bản (ban hành kèm theo Thông tư số 04/2015/TT-BCA) đối với cá nhân",
                "7-Mẫu NA6 (1).doc"},
           Case{"Bản mô tả theo Mẫu số 04.DT tại Phụ lục II của Bộ trưởng thú y.Ms04.DT.docx",
                "Bản mô tả theo Mẫu số 04.DT tại Phụ lục II của Bộ trưởng thú y", "Ms04.DT.docx"},
           Case{"Phụ lục IV ban hành kèm theo Nghị định số 38/2026/NĐ-CPPhụ lục IV.docx",
                "Phụ lục IV ban hành kèm theo Nghị định số 38/2026/NĐ-CP", "Phụ lục IV.docx"},
           Case{"Mẫu số 03 Phụ lục II ban hành kèm theo Thông tư số "
                "07/2026/TT-BNNMTMus03-PhlcII.docx",
                "Mẫu số 03 Phụ lục II ban hành kèm theo Thông tư số 07/2026/TT-BNNMT",
                "Mus03-PhlcII.docx"},
           Case{"Đơn đề nghị theo mẫuTK 1.010704.docx", "Đơn đề nghị theo mẫu", "TK 1.010704.docx"},
           Case{"Đơn đề nghị (nếu có)", "Đơn đề nghị (nếu có)", ""},
           // No boundary: capitals of one word, the Prime Minister's "TTg", a web address.
           Case{"Giấy xác nhận của CỘNG HÒA VIỆT NAM.docx",
                "Giấy xác nhận của CỘNG HÒA VIỆT NAM.docx", ""},
           Case{"Quyết định số 12/2024/QĐ-TTg ngày 01/7/2024.docx",
                "Quyết định số 12/2024/QĐ-TTg ngày 01/7/2024.docx", ""},
           Case{"xem https://www.basel.int/a.pdf", "xem https://www.basel.int/a.pdf", ""},
       }) {
    const auto split = split_form_file(c.text);
    EXPECT_EQ(split.name, c.name) << c.text;
    EXPECT_EQ(split.form, c.form) << c.text;
  }
}

TEST(FormFile, NoBoundaryKeepsEverythingInTheName) {
  const auto split = split_form_file("Mẫu số 13.docx");
  EXPECT_EQ(split.name, "Mẫu số 13.docx");
  EXPECT_EQ(split.form, "");
}

TEST(Paper, OptionalWhenTheNameSaysIfAny) {
  EXPECT_TRUE(is_optional_paper("Biên bản tổ chức đối thoại (nếu có)"));
  EXPECT_TRUE(is_optional_paper("Giấy tờ khác (NẾU CÓ)"));
  EXPECT_FALSE(is_optional_paper("Đơn khiếu nại"));
  // Papers for a particular situation (the birth registration's list, national catalog 1.001193).
  EXPECT_TRUE(is_optional_paper(
      "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm "
      "quyền lập."));
  EXPECT_TRUE(is_optional_paper(
      "Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền "
      "thực hiện việc đăng ký khai sinh."));
  // A fallback for the same paper is not a condition on needing it.
  EXPECT_FALSE(is_optional_paper(
      "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng "
      "xác nhận về việc sinh."));
}

}  // namespace
}  // namespace motcua::catalog
