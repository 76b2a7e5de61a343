#include "domain/catalog/paper_structure.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "domain/catalog/paper_text.hpp"

namespace motcua::catalog {
namespace {

struct Row {
  std::string name;
  std::string count;
};
struct Group {
  std::string heading;
  std::vector<Row> rows;
};

// The raw groups as the importers hand them over: heading as case name, counts read.
Procedure raw(const std::vector<Group>& groups) {
  Procedure p;
  for (const Group& g : groups) {
    CaseVariant c{g.heading, {}};
    for (const Row& r : g.rows) {
      Paper paper;
      paper.name = r.name;
      paper.count_raw = r.count;
      const CopyCountReading reading = read_copy_count(r.count);
      paper.originals = reading.originals;
      paper.copies = reading.copies;
      c.papers.push_back(paper);
    }
    p.cases.push_back(c);
  }
  return p;
}

// Đăng ký khai sinh (1.001193), thanh_phan_ho_so of data/catalog/dvcqg-catalog-2642.jsonl.gz as
// published (the last group has no heading).
const std::vector<Group> kBirthRegistration{
    {"* Giấy tờ phải nộp:",
     {
         {"- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có "
          "thẩm quyền lập.",
          "1 bản chính"},
         {"- Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy "
          "quyền thực hiện việc đăng ký khai sinh. Trường hợp người được ủy quyền là ông, bà, cha, "
          "mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền thì văn bản ủy quyền không "
          "phải chứng thực.",
          "1 bản chính"},
         {"Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh hoặc cơ quan đăng ký hộ "
          "tịch đã khai thác được dữ liệu điện tử có ký số của Giấy chứng sinh thì không phải nộp "
          "bản giấy.",
          "0 bản chính"},
         {"- Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ phải có văn bản xác nhận của "
          "cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ.",
          "1 bản chính"},
         {"- Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm "
          "chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về "
          "việc sinh.",
          "1 bản chính"},
     }},
    {"* Giấy tờ phải xuất trình:",
     {
         {"Trường hợp không khai thác được thông tin hoặc thông tin khai thác được không đầy đủ, "
          "không chính xác thì cơ quan đăng ký hộ tịch yêu cầu người đi đăng ký hộ tịch xuất trình "
          "bản chính giấy tờ để chứng minh, đồng thời đề nghị người đi đăng ký hộ tịch cập nhật, "
          "điều chỉnh thông tin trong các cơ sở dữ liệu theo quy định của pháp luật.",
          "0 bản chính"},
         {"- Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ "
          "tịch không thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức "
          "quy định tại khoản 2 Điều 14 Nghị định số 104/2022/NĐ-CP ngày 21/12/2022 của Chính phủ. "
          "Trường hợp các thông tin về giấy tờ chứng minh nơi cư trú đã được khai thác từ Cơ sở dữ "
          "liệu quốc gia về dân cư bằng các phương thức này thì người có yêu cầu không phải xuất "
          "trình (theo hình thức trực tiếp) hoặc tải lên (theo hình thức trực tuyến).",
          "1 bản chính"},
         {"Trường hợp các thông tin cá nhân trong các giấy tờ này đã có trong Cơ sở dữ liệu quốc "
          "gia về dân cư, Cơ sở dữ liệu hộ tịch điện tử, được hệ thống điền tự động thì không phải "
          "tải lên (theo hình thức trực tuyến)",
          "0 bản chính"},
         {"Trường hợp giấy tờ tùy thân sử dụng là: Hộ chiếu, Thẻ căn cước, Căn cước công dân, Giấy "
          "chứng nhận căn cước thì người có yêu cầu đăng ký hộ tịch chỉ cần cung cấp thông tin số "
          "định danh cá nhân hoặc thông tin về giấy tờ (số, ngày/tháng/năm cấp), cơ quan đăng ký "
          "hộ tịch có trách nhiệm tra cứu thông tin thông qua kết nối với Cơ sở dữ liệu hộ tịch "
          "điện tử, Cơ sở dữ liệu quốc gia về dân cư hoặc cơ sở dữ liệu khác có liên quan để đối "
          "chiếu, khai thác dữ liệu.",
          "0 bản chính"},
         {"- Trường hợp gửi hồ sơ qua hệ thống bưu chính thì phải gửi kèm theo bản sao có chứng "
          "thực các giấy tờ phải xuất trình nêu trên.",
          "0 bản chính"},
         {"- Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước "
          "hoặc các giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn "
          "giá trị sử dụng (sau đây gọi tắt là giấy tờ tùy thân) để chứng minh về nhân thân khi "
          "làm thủ tục trực tiếp tại cơ quan đăng ký hộ tịch.",
          "1 bản chính"},
     }},
    {"* Lưu ý:",
     {
         {"- Cá nhân có quyền lựa chọn thực hiện thủ tục hành chính về hộ tịch tại cơ quan đăng ký "
          "hộ tịch nơi cư trú; nơi cư trú của cá nhân được xác định theo quy định của pháp luật về "
          "cư trú. Trường hợp cá nhân lựa chọn thực hiện thủ tục hành chính về hộ tịch không phải "
          "tại Ủy ban nhân dân cấp xã nơi thường trú hoặc nơi tạm trú thì Ủy ban nhân dân cấp xã "
          "nơi tiếp nhận yêu cầu có trách nhiệm hỗ trợ người dân nộp hồ sơ đăng ký hộ tịch trực "
          "tuyến đến đúng cơ quan có thẩm quyền theo quy định.",
          "0 bản chính"},
         {"Cơ quan đăng ký hộ tịch từ chối giải quyết hoặc đề nghị cơ quan có thẩm quyền hủy bỏ "
          "kết quả đăng ký hộ tịch, nếu có cơ sở xác định nội dung cam đoan không đúng sự thật.",
          "0 bản chính"},
         {"- Đối với việc xác định họ, dân tộc, quê quán, đặt tên cho trẻ:", "0 bản chính"},
         {"+ Trường hợp cha, mẹ không thỏa thuận được về họ, dân tộc, quê quán của con khi đăng ký "
          "khai sinh thì họ, dân tộc, quê quán của con được xác định theo tập quán nhưng phải bảo "
          "đảm theo họ, dân tộc, quê quán của cha hoặc mẹ.",
          "0 bản chính"},
         {"+ Người tiếp nhận có trách nhiệm tiếp nhận đúng, đủ hồ sơ đăng ký hộ tịch theo quy định "
          "của pháp luật hộ tịch, không được yêu cầu người đăng ký hộ tịch nộp thêm giấy tờ mà "
          "pháp luật hộ tịch không quy định phải nộp .",
          "0 bản chính"},
         {"+ Trường hợp giấy tờ, tài liệu phải gửi kèm trong hồ sơ đăng ký khai sinh trực tuyến đã "
          "có bản sao điện tử hoặc đã có bản điện tử giấy tờ hộ tịch thì người yêu cầu được sử "
          "dụng bản điện tử này.",
          "0 bản chính"},
         {"- Trường hợp cho phép người yêu cầu đăng ký hộ tịch lập văn bản cam đoan về nội dung "
          "yêu cầu đăng ký hộ tịch thì cơ quan đăng ký hộ tịch phải giải thích rõ cho người lập "
          "văn bản cam đoan về trách nhiệm, hệ quả pháp lý của việc cam đoan không đúng sự thật.",
          "0 bản chính"},
         {"- Trường hợp người đi đăng ký khai sinh cho trẻ em là ông, bà, người thân thích khác "
          "thì không phải có văn bản ủy quyền của cha, mẹ trẻ em, nhưng phải thống nhất với cha, "
          "mẹ trẻ em về các nội dung khai sinh.",
          "0 bản chính"},
         {"- Đối với giấy tờ gửi kèm theo nếu người yêu cầu nộp hồ sơ theo hình thức trực tuyến:",
          "0 bản chính"},
         {"Người tiếp nhận hồ sơ thực hiện khai thác thông tin trong Cơ sở dữ liệu quốc gia về dân "
          "cư theo quy định pháp luật nếu người yêu cầu đăng ký hộ tịch đã cung cấp họ, chữ đệm, "
          "tên; ngày, tháng, năm sinh; số định danh cá nhân/căn cước công dân/thẻ căn cước/chứng "
          "minh nhân dân. Trường hợp các thông tin cần khai thác không có trong Cơ sở dữ liệu quốc "
          "gia về dân cư thì đề nghị người yêu cầu kê khai đầy đủ .",
          "0 bản chính"},
         {"- Trường hợp người yêu cầu đăng k\u200eý hộ tịch lựa chọn nhận kết quả tại Trung tâm "
          "Phục "
          "vụ hành chính công thì người yêu cầu đăng ký hộ tịch phải xuất trình giấy tờ tuỳ thân, "
          "nộp các giấy tờ là thành phần hồ sơ theo quy định; Trường hợp người yêu cầu đăng ký hộ "
          "tịch không lựa chọn nhận kết quả tại Trung tâm Phục vụ hành chính công thì người yêu "
          "cầu đăng ký hộ tịch nộp các giấy tờ là thành phần hồ sơ theo quy định trước khi nhận "
          "kết quả.",
          "0 bản chính"},
         {"- Đối với giấy tờ nộp, xuất trình nếu người yêu cầu nộp hồ sơ theo hình thức trực tiếp:",
          "0 bản chính"},
         {"+ Việc xác định họ, dân tộc, đặt tên cho trẻ em phải phù hợp với pháp luật và yêu cầu "
          "giữ gìn bản sắc dân tộc, tập quán, truyền thống văn hóa tốt đẹp của Việt Nam; không đặt "
          "tên quá dài, khó sử dụng.",
          "0 bản chính"},
         {"- Trường hợp người yêu cầu đăng ký hộ tịch không cung cấp được giấy tờ theo quy định "
          "hoặc giấy tờ nộp, xuất trình bị tẩy xóa, sửa chữa, làm giả thì cơ quan đăng ký hộ tịch "
          "có thẩm quyền hủy bỏ kết quả đăng ký hộ tịch.",
          "0 bản chính"},
         {"+ Bản chụp các giấy tờ gửi kèm theo hồ sơ đăng ký khai sinh trực tuyến phải bảo đảm rõ "
          "nét, đầy đủ, toàn vẹn về nội dung, là bản chụp bằng máy ảnh, điện thoại hoặc được chụp, "
          "được quét bằng thiết bị điện tử, từ giấy tờ được cấp hợp lệ, còn giá trị sử dụng.",
          "0 bản chính"},
         {"+ Người yêu cầu đăng ký hộ tịch có thể nộp bản sao được chứng thực từ bản chính hoặc "
          "bản sao được cấp từ sổ gốc (sau đây gọi là bản sao) hoặc bản chụp kèm theo bản chính, "
          "bản điện tử các giấy tờ này, bao gồm cả giấy tờ được tích hợp, hiển thị trên Ứng dụng "
          "định danh điện tử (VneID).",
          "0 bản chính"},
         {"Đối với giấy tờ xuất trình khi đăng ký hộ tịch, người tiếp nhận có trách nhiệm kiểm "
          "tra, đối chiếu, ghi lại thông tin hoặc chụp lại, ký xác nhận để lưu trong hồ sơ và trả "
          "lại cho người xuất trình, không được yêu cầu nộp bản sao hoặc bản chụp giấy tờ đó.",
          "0 bản chính"},
         {"- Giấy tờ do cơ quan có thẩm quyền của nước ngoài cấp, công chứng hoặc xác nhận để sử "
          "dụng cho việc đăng ký hộ tịch tại Việt Nam phải được hợp pháp hóa lãnh sự theo quy định "
          "của pháp luật, trừ trường hợp được miễn theo điều ước quốc tế mà Việt Nam là thành "
          "viên.",
          "0 bản chính"},
         {"Trường hợp người yêu cầu nộp bản chụp kèm theo bản chính giấy tờ thì người tiếp nhận có "
          "trách nhiệm kiểm tra, đối chiếu bản chụp với bản chính và ký xác nhận, không được yêu "
          "cầu nộp bản sao giấy tờ đó.",
          "0 bản chính"},
     }},
    {"",
     {
         {"- Người có yêu cầu đăng ký khai sinh thực hiện việc nộp/xuất trình (theo hình thức trực "
          "tiếp) hoặc tải lên (theo hình thức trực tuyến) các giấy tờ sau:",
          "0 bản chính"},
         {"- Tờ khai đăng ký khai sinh theo mẫu  (nếu người có yêu cầu lựa chọn nộp hồ sơ theo "
          "hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính);",
          "1 bản chính"},
         {"- Mẫu hộ tịch điện tử tương tác đăng ký khai sinh (do người yêu cầu cung cấp thông tin "
          "theo hướng dẫn trên Cổng dịch vụ công, nếu người có yêu cầu lựa chọn nộp hồ sơ theo "
          "hình thức trực tuyến)",
          "1 bản chính"},
     }},
};

const Paper* find_paper(const Procedure& p, std::string_view start) {
  for (const CaseVariant& c : p.cases) {
    for (const Paper& paper : c.papers) {
      if (paper.name.starts_with(start)) return &paper;
    }
  }
  return nullptr;
}

TEST(PaperStructure, BirthRegistrationHasOneUnnamedCaseAndNoHeadingAsCase) {
  Procedure p = raw(kBirthRegistration);
  structure_papers(p);
  ASSERT_EQ(p.cases.size(), 1u);
  EXPECT_EQ(p.cases[0].name, "");
  for (const Paper& paper : p.cases[0].papers) {
    EXPECT_NE(classify_heading(paper.name), HeadingRole::notes) << paper.name;
    EXPECT_FALSE(paper.name.starts_with("- ")) << paper.name;
  }
}

TEST(PaperStructure, BirthRegistrationKindsConditionsAndNotes) {
  Procedure p = raw(kBirthRegistration);
  structure_papers(p);
  const Paper* passport = find_paper(p, "Hộ chiếu/Thẻ căn cước công dân");
  ASSERT_NE(passport, nullptr);
  EXPECT_EQ(passport->kind, PaperKind::present);
  EXPECT_TRUE(passport->mandatory);
  EXPECT_TRUE(passport->condition.empty());

  const Paper* abandoned = find_paper(p, "Trường hợp trẻ em bị bỏ rơi");
  ASSERT_NE(abandoned, nullptr);
  EXPECT_FALSE(abandoned->mandatory);
  EXPECT_EQ(abandoned->kind, PaperKind::submit);
  EXPECT_EQ(abandoned->condition, "Trường hợp trẻ em bị bỏ rơi");

  const Paper* surrogacy = find_paper(p, "Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ");
  ASSERT_NE(surrogacy, nullptr);
  EXPECT_FALSE(surrogacy->mandatory);
  EXPECT_EQ(surrogacy->condition, "Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ");

  const Paper* residence = find_paper(p, "Giấy tờ có giá trị chứng minh thông tin về cư trú");
  ASSERT_NE(residence, nullptr);
  EXPECT_EQ(residence->kind, PaperKind::present);
  EXPECT_FALSE(residence->mandatory);
  EXPECT_TRUE(residence->condition.starts_with("trường hợp cơ quan đăng ký hộ tịch không thể"))
      << residence->condition;

  const Paper* birth_certificate = find_paper(p, "Giấy chứng sinh;");
  ASSERT_NE(birth_certificate, nullptr);
  EXPECT_TRUE(birth_certificate->mandatory);  // a fallback, asked of everyone
  EXPECT_TRUE(birth_certificate->condition.empty());

  const Paper* form = find_paper(p, "Tờ khai đăng ký khai sinh");
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(form->kind, PaperKind::submit);

  // The 19 rows of "* Lưu ý:" and the explanatory rows of the other groups are notes.
  EXPECT_GE(p.notes.size(), 19u);
  EXPECT_EQ(find_paper(p, "Cơ quan đăng ký hộ tịch từ chối"), nullptr);
  EXPECT_EQ(find_paper(p, "Trường hợp gửi hồ sơ qua hệ thống bưu chính"), nullptr);
  EXPECT_EQ(find_paper(p, "Người có yêu cầu đăng ký khai sinh thực hiện việc nộp"), nullptr);
  EXPECT_NE(std::find_if(p.notes.begin(), p.notes.end(),
                         [](const std::string& n) { return n.starts_with("Cơ quan đăng ký"); }),
            p.notes.end());
  EXPECT_EQ(p.cases[0].papers.size(), 8u);
}

TEST(PaperStructure, StructuringTwiceChangesNothing) {
  Procedure once = raw(kBirthRegistration);
  structure_papers(once);
  Procedure twice = once;
  structure_papers(twice);
  EXPECT_EQ(twice, once);
}

// Cấp lại giấy chứng nhận đăng ký phương tiện (2.001212): two real situations.
TEST(PaperStructure, RealSituationsStayCases) {
  Procedure p = raw({
      {"Trường hợp Giấy chứng nhận đăng ký bị hư hỏng:",
       {{"- Đơn đề nghị cấp lại Giấy chứng nhận đăng ký phương tiện theo Mẫu và nộp lại Giấy "
         "chứng nhận đăng ký phương tiện đã được cấp trước đó.",
         "1 bản chính"}}},
      {"Trường hợp bị mất Giấy chứng nhận đăng ký:",
       {{"- Đơn đề nghị cấp lại Giấy chứng nhận đăng ký phương tiện theo Mẫu, trong đó nêu rõ lý "
         "do và chịu trách nhiệm về tính trung thực nội dung khai báo.",
         "1 bản chính"}}},
  });
  structure_papers(p);
  ASSERT_EQ(p.cases.size(), 2u);
  EXPECT_EQ(p.cases[0].name, "Trường hợp Giấy chứng nhận đăng ký bị hư hỏng");
  EXPECT_EQ(p.cases[1].name, "Trường hợp bị mất Giấy chứng nhận đăng ký");
  EXPECT_TRUE(p.cases[1].papers[0].mandatory);
  EXPECT_TRUE(p.notes.empty());
}

TEST(PaperStructure, CommonListBesideRealCasesIsNamed) {
  Procedure p = raw({
      {"", {{"Tờ khai", "1 bản chính"}}},
      {"Trường hợp (1): đăng ký lại", {{"Bản sao giấy khai sinh", "1 bản sao"}}},
  });
  structure_papers(p);
  ASSERT_EQ(p.cases.size(), 2u);
  EXPECT_EQ(p.cases[0].name, kCommonCaseName);
  EXPECT_EQ(p.cases[1].name, "Trường hợp (1): đăng ký lại");
}

TEST(PaperStructure, HeadingsAreClassified) {
  EXPECT_EQ(classify_heading("* Giấy tờ phải nộp:"), HeadingRole::submit);
  EXPECT_EQ(classify_heading("Các giấy tờ phải nộp (bản chính), mỗi loại 01 bản, gồm:"),
            HeadingRole::submit);
  EXPECT_EQ(classify_heading("* Giấy tờ phải xuất trình:"), HeadingRole::present);
  EXPECT_EQ(classify_heading("* Lưu ý :"), HeadingRole::notes);
  EXPECT_EQ(classify_heading("a) Thành phần hồ sơ:"), HeadingRole::common);
  EXPECT_EQ(classify_heading("Trường hợp chung"), HeadingRole::common);
  EXPECT_EQ(classify_heading(""), HeadingRole::common);
  EXPECT_EQ(classify_heading("- Trường hợp ủy quyền thực hiện thủ tục:"), HeadingRole::real);
}

TEST(PaperStructure, IfAnyIsACondition) {
  EXPECT_EQ(paper_condition("Danh sách chủ sở hữu hưởng lợi của doanh nghiệp (nếu có)."), "nếu có");
  EXPECT_EQ(paper_condition("Bản sao Giấy chứng nhận đăng ký hộ kinh doanh"), "");
}

}  // namespace
}  // namespace motcua::catalog
