// Event payloads packed (issue 17, migration 0067): the usual payloads round-trip at a fraction
// of their size, the published dictionary never changes (stored rows depend on it), unknown
// dictionaries and broken streams are refused, a payload that does not shrink stays clear, and
// every stored form reads back as the clear payload.
#include "store/event_payload_packing.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "store/deflate_packing.hpp"
#include "store/document_packing.hpp"

namespace motcua::store {
namespace {

// Payloads as the REST workload and the demo province write them.
const char* const kPayloads[] = {
    R"({"channel":"counter"})",
    R"({"dossier_code":"000.14.29.H42-261207-0001","due":"2026-12-09T17:00:00+07:00"})",
    R"({"official_id":"u-chuyenvien.hoalu","step":"tham-dinh"})",
    R"({"official_id":"u-lanhdao.hoalu","step":"phe-duyet"})",
    R"({"note":"Đủ điều kiện"})",
    R"({"channel":"counter","receiver_name":"Nguyễn Văn Tải"})",
    R"({"channel":"online","dossier_code":"000.00.00.H42-261127-0001"})",
    R"({"amount":50000,"reference":"BL-0b6920b1"})",
};

TEST(EventPayloadPacking, UsualPayloadsPackToAFractionAndComeBackTheSame) {
  std::size_t clear = 0, packed = 0;
  for (const char* payload : kPayloads) {
    const auto p = pack_event_payload(payload);
    ASSERT_TRUE(p.has_value()) << payload;
    EXPECT_EQ(static_cast<unsigned char>((*p)[0]), kEventPayloadDictionary);
    EXPECT_EQ(unpack_event_payload(*p), payload);
    clear += std::string_view(payload).size();
    packed += p->size();
  }
  // 402 bytes to about 110: the dictionary holds the keys, steps, code prefixes and times.
  EXPECT_LT(packed * 3, clear) << packed << " of " << clear;
  // A large payload (a long list of missing papers) too.
  std::string large = R"({"missing_items":[)";
  for (int i = 0; i < 3000; ++i) large += R"("Giấy tờ số )" + std::to_string(i) + R"(",)";
  large += R"(""]})";
  const auto large_packed = pack_event_payload(large);
  ASSERT_TRUE(large_packed.has_value());
  EXPECT_EQ(unpack_event_payload(*large_packed), large);
}

// Dictionary 2 is part of the stored format: changing a byte of it would make every payload packed
// with it unreadable. A new dictionary is a new file and version byte.
TEST(EventPayloadPacking, PublishedDictionaryTwoNeverChanges) {
  const auto dictionary = event_payload_dictionary(2);
  EXPECT_EQ(dictionary.size(), 1159u);
  EXPECT_EQ(crc32(0, reinterpret_cast<const Bytef*>(dictionary.data()),
                  static_cast<uInt>(dictionary.size())),
            15165638u);
  EXPECT_TRUE(event_payload_dictionary(0).empty());
  // Version bytes are not shared between kinds of packed values.
  EXPECT_TRUE(event_payload_dictionary(kDocumentDictionary).empty());
  EXPECT_TRUE(document_dictionary(kEventPayloadDictionary).empty());
}

TEST(EventPayloadPacking, UnknownDictionaryOrBrokenStreamIsRefused) {
  const auto packed = *pack_event_payload(kPayloads[1]);
  auto other = packed;
  other[0] = 1;  // the forms' dictionary: not a payload's
  EXPECT_THROW(unpack_event_payload(other), StoreError);
  EXPECT_THROW(unpack_event_payload(packed.substr(0, packed.size() / 2)), StoreError);
  EXPECT_THROW(unpack_event_payload(""), StoreError);
  EXPECT_THROW(event_payload_text(Bytes{other}), StoreError);
}

TEST(EventPayloadPacking, APayloadThatDoesNotShrinkStaysClear) {
  EXPECT_FALSE(pack_event_payload("{}").has_value());
  EXPECT_FALSE(pack_event_payload("").has_value());
  EXPECT_EQ(stored_event_payload(Dialect::sqlite, "{}"), SqlValue{std::string("{}")});
  // PostgreSQL's column is bytea: the clear text's bytes.
  EXPECT_EQ(stored_event_payload(Dialect::postgres, "{}"), SqlValue{Bytes{"{}"}});
  EXPECT_EQ(stored_event_payload(Dialect::postgres, ""), SqlValue{Bytes{""}});
}

// Every stored form reads back as the clear payload: TEXT (rows before 0067, and short ones),
// clear bytes (PostgreSQL), packed bytes, and null.
TEST(EventPayloadPacking, EveryStoredFormReadsBackClear) {
  for (const Dialect d : {Dialect::sqlite, Dialect::postgres}) {
    for (const std::string& payload : {std::string(kPayloads[1]), std::string("{}"),
                                       std::string(R"({"n":"\""})"), std::string()}) {
      auto stored = stored_event_payload(d, payload);
      EXPECT_EQ(event_payload_text(std::move(stored)), payload);
    }
    const auto usual = stored_event_payload(d, kPayloads[2]);
    ASSERT_TRUE(std::holds_alternative<Bytes>(usual));
    EXPECT_LT(std::get<Bytes>(usual).data.size(), std::string_view(kPayloads[2]).size() / 3);
  }
  EXPECT_EQ(event_payload_text(SqlValue{std::string(kPayloads[0])}), kPayloads[0]);
  EXPECT_EQ(event_payload_text(SqlValue{Bytes{kPayloads[0]}}), kPayloads[0]);
  EXPECT_EQ(event_payload_text(SqlValue{nullptr}), "");
}

// A clear value starting with a byte that marks packed values (none is written: JSON never starts
// so) is packed whatever its size, so that it is never read as a packed one.
TEST(EventPayloadPacking, AClearValueThatLooksPackedIsPackedAnyway) {
  const std::string odd("\x02{}", 3);
  const auto stored = stored_event_payload(Dialect::postgres, odd);
  ASSERT_TRUE(std::holds_alternative<Bytes>(stored));
  EXPECT_EQ(static_cast<unsigned char>(std::get<Bytes>(stored).data[0]), kEventPayloadDictionary);
  EXPECT_EQ(event_payload_text(SqlValue{stored}), odd);
  EXPECT_EQ(event_payload_text(stored_event_payload(Dialect::sqlite, odd)), odd);
}

// The shared packing: PackWhen::always packs what does not shrink; a stream inflates only with its
// own dictionary.
TEST(DeflatePacking, AlwaysPacksAndNeedsItsDictionary) {
  EXPECT_FALSE(deflate_with_dictionary("x", 7, "abc").has_value());
  const auto packed = deflate_with_dictionary("x", 7, "abc", PackWhen::always);
  ASSERT_TRUE(packed.has_value());
  EXPECT_EQ((*packed)[0], 7);
  EXPECT_EQ(inflate_with_dictionary(packed->substr(1), "abc"), "x");
  const auto usual = deflate_with_dictionary(kPayloads[3], 7, event_payload_dictionary(2));
  ASSERT_TRUE(usual.has_value());
  EXPECT_NE(inflate_with_dictionary(usual->substr(1), document_dictionary(1)),
            std::optional<std::string>(kPayloads[3]));
}

}  // namespace
}  // namespace motcua::store
