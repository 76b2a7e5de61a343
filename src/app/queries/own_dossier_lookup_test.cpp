// The lookup of one's own dossiers reads the ID number and phone as people type them, and refuses
// a malformed one naming its field before anything is counted or searched.
#include "app/queries/own_dossier_lookup.hpp"

#include <gtest/gtest.h>

namespace motcua::app {
namespace {

TEST(OwnDossierLookup, ReadsNumbersAsPeopleTypeThem) {
  const auto read = read_own_dossier_lookup({" 001 090 000 777 ", "+84 912.345.678"});
  ASSERT_TRUE(read) << read.error().detail;
  EXPECT_EQ(read->id_number, "001090000777");
  EXPECT_EQ(read->phone, "0912345678");
  EXPECT_EQ(normalize_phone("0912-345-678"), "0912345678");
  EXPECT_EQ(normalize_phone("84912345678"), "0912345678");
  EXPECT_EQ(normalize_phone("024 3825 1234"), "02438251234");  // a Hà Nội landline, 11 digits
}

TEST(OwnDossierLookup, RefusesAMalformedIdNumberNamingTheField) {
  for (const char* id : {"", "00109000077", "0010900007770", "00109000077a"}) {
    const auto read = read_own_dossier_lookup({id, "0912345678"});
    ASSERT_FALSE(read) << id;
    EXPECT_EQ(read.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(read.error().code, "invalid_id_number");
    EXPECT_NE(read.error().message_vi.find("id_number"), std::string::npos);
    EXPECT_NE(read.error().message_en.find("id_number"), std::string::npos);
  }
}

TEST(OwnDossierLookup, RefusesAMalformedPhoneNamingTheField) {
  for (const char* phone : {"", "912345678", "0912ab5678", "1912345678", "+1 912 345 6789"}) {
    const auto read = read_own_dossier_lookup({"001090000777", phone});
    ASSERT_FALSE(read) << phone;
    EXPECT_EQ(read.error().code, "invalid_phone");
    EXPECT_NE(read.error().message_vi.find("phone"), std::string::npos);
  }
}

}  // namespace
}  // namespace motcua::app
