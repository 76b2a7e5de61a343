// Application forms packed before sealing (issue 17): they round-trip, the published dictionary
// never changes (stored values depend on it), unknown dictionaries and broken streams are refused,
// and a value that does not shrink is not packed.
#include "store/document_packing.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "store/data_keys.hpp"

namespace motcua::store {
namespace {

constexpr const char* kForm =
    R"({"applicant":{"name":"Nguyễn Văn Tải"},"procedure_name":"Thủ tục đăng ký khai sinh",)"
    R"("terms":{"limit":"1 working-days","rule":"civil-code","channel":"counter","process":)"
    R"({"id":"1.001193@commune-14329","version":1}},"return_channel":"counter"})";

TEST(DocumentPacking, AFormPacksToAFractionAndComesBackTheSame) {
  const auto packed = pack_document(kForm);
  ASSERT_TRUE(packed.has_value());
  EXPECT_EQ(static_cast<unsigned char>((*packed)[0]), kDocumentDictionary);
  // 252 bytes to about 45: the dictionary holds the keys and the usual values.
  EXPECT_LT(packed->size() * 4, std::string_view(kForm).size()) << packed->size();
  EXPECT_EQ(unpack_document(*packed), kForm);
  // A large form (a long list of papers) too.
  std::string large = R"({"papers":[)";
  for (int i = 0; i < 2000; ++i) {
    large += R"({"id":"p)" + std::to_string(i) + R"(","file_name":"giay-to.pdf"},)";
  }
  large += "{}]}";
  const auto large_packed = pack_document(large);
  ASSERT_TRUE(large_packed.has_value());
  EXPECT_EQ(unpack_document(*large_packed), large);
}

// Dictionary 1 is part of the stored format: changing a byte of it would make every form packed
// with it unreadable. A new dictionary is a new file and version byte.
TEST(DocumentPacking, PublishedDictionaryOneNeverChanges) {
  const auto dictionary = document_dictionary(1);
  EXPECT_EQ(dictionary.size(), 983u);
  EXPECT_EQ(crc32(0, reinterpret_cast<const Bytef*>(dictionary.data()),
                  static_cast<uInt>(dictionary.size())),
            1314069380u);
  EXPECT_TRUE(document_dictionary(0).empty());
  EXPECT_TRUE(document_dictionary(2).empty());
}

TEST(DocumentPacking, UnknownDictionaryOrBrokenStreamIsRefused) {
  auto packed = *pack_document(kForm);
  auto other = packed;
  other[0] = 9;
  EXPECT_THROW(unpack_document(other), DataKeyError);
  EXPECT_THROW(unpack_document(packed.substr(0, packed.size() / 2)), DataKeyError);
  EXPECT_THROW(unpack_document(""), DataKeyError);
}

TEST(DocumentPacking, AValueThatDoesNotShrinkIsNotPacked) {
  EXPECT_FALSE(pack_document("x").has_value());
  EXPECT_FALSE(pack_document("").has_value());
}

}  // namespace
}  // namespace motcua::store
