#include "codec/dossier_document.hpp"

#include <gtest/gtest.h>

#include "codec/dossier_document_json.hpp"

namespace motcua::codec {
namespace {

DossierDocument with_process() {
  DossierDocument d;
  d.applicant.name = "Đỗ Thị Cúc";
  d.procedure_name = "Đăng ký khai sinh";
  d.terms.limit = {3, clock::LimitUnit::working_days};
  d.terms.process =
      clock::ProcessTerms{"khai-sinh-xa",
                          2,
                          {{"review", "Thẩm định hồ sơ", {3, clock::LimitUnit::working_hours}},
                           {"decide", "Phê duyệt", {2, clock::LimitUnit::working_hours}}}};
  return d;
}

// A new document names its process version only: the steps are the version's (issue 17).
TEST(DossierDocumentTest, AProcessIsStoredAsItsVersion) {
  const std::string text = dossier_document_to_text(with_process());
  EXPECT_NE(text.find(R"("process":{"id":"khai-sinh-xa","version":2})"), std::string::npos) << text;
  EXPECT_EQ(text.find("steps"), std::string::npos) << text;
  EXPECT_EQ(text.find("Thẩm định"), std::string::npos) << text;

  const auto read = dossier_document_from_text(text);
  ASSERT_TRUE(read);
  ASSERT_TRUE(read->terms.process);
  EXPECT_EQ(read->terms.process->id, "khai-sinh-xa");
  EXPECT_EQ(read->terms.process->version, 2);
  EXPECT_TRUE(read->terms.process->steps.empty());
  EXPECT_FALSE(read->process_steps_stored);
}

// A document stored before keeps its steps: read as before, and written back with them.
TEST(DossierDocumentTest, ADocumentWithItsStepsKeepsThem) {
  const std::string old_text =
      R"({"applicant":{"name":"A"},"procedure_name":"P","terms":{"limit":"3 working-days",)"
      R"("rule":"standard","channel":"counter","process":{"id":"khai-sinh-xa","version":2,)"
      R"("steps":[{"id":"review","name":"Thẩm định hồ sơ","budget":"3 hours"}]}},)"
      R"("return_channel":"online"})";
  auto read = dossier_document_from_text(old_text);
  ASSERT_TRUE(read);
  EXPECT_TRUE(read->process_steps_stored);
  ASSERT_TRUE(read->terms.process);
  ASSERT_EQ(read->terms.process->steps.size(), 1u);
  EXPECT_EQ(read->terms.process->steps[0].name, "Thẩm định hồ sơ");

  const auto again = dossier_document_from_text(dossier_document_to_text(*read));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->process_steps_stored);
  ASSERT_TRUE(again->terms.process);
  ASSERT_EQ(again->terms.process->steps.size(), 1u);
  EXPECT_EQ(again->terms.process->steps[0].budget,
            (clock::TimeLimit{3, clock::LimitUnit::working_hours}));
}

// The API's view of the terms lists the steps, whatever the stored form.
TEST(DossierDocumentTest, TheViewOfTheTermsListsTheSteps) {
  const auto json = clock_terms_to_json(with_process().terms);
  const auto& process = json.at("process").as_object();
  EXPECT_EQ(process.at("steps").as_array().size(), 2u);
}

}  // namespace
}  // namespace motcua::codec
