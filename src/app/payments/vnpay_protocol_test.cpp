#include "app/payments/vnpay_protocol.hpp"

#include <gtest/gtest.h>

namespace motcua::app::payments {
namespace {

// A pay request as MotCua builds it. The expected hash data and signature were computed
// independently with Python's urllib.parse.quote_plus and hmac/hashlib (sha512) over the sorted
// parameters, as VNPAY's PHP sample does with urlencode and hash_hmac('sha512').
VnpParams sample() {
  return {{"vnp_Amount", "15000000"},
          {"vnp_Command", "pay"},
          {"vnp_CreateDate", "20261206100000"},
          {"vnp_CurrCode", "VND"},
          {"vnp_IpAddr", "127.0.0.1"},
          {"vnp_Locale", "vn"},
          {"vnp_OrderInfo", "Lệ phí hồ sơ 000.00.01.H42-261206-0001"},
          {"vnp_OrderType", "other"},
          {"vnp_ReturnUrl", "https://dvc.example.vn/payments/return"},
          {"vnp_TmnCode", "MOTCUA01"},
          {"vnp_TxnRef", "P20261206ABC"},
          {"vnp_Version", "2.1.0"}};
}

constexpr const char* kSecret = "SECRETKEY123";
constexpr const char* kHashData =
    "vnp_Amount=15000000&vnp_Command=pay&vnp_CreateDate=20261206100000&vnp_CurrCode=VND&"
    "vnp_IpAddr=127.0.0.1&vnp_Locale=vn&vnp_OrderInfo=L%E1%BB%87+ph%C3%AD+h%E1%BB%93+s%C6%A1+"
    "000.00.01.H42-261206-0001&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdvc.example.vn%"
    "2Fpayments%2Freturn&vnp_TmnCode=MOTCUA01&vnp_TxnRef=P20261206ABC&vnp_Version=2.1.0";
constexpr const char* kSignature =
    "97557c8d0f6cb26b29b2b4079c8a65c4bbf18cff368b4cee24695b927b21a845db1a59acf7973b14f8c8a1669f7"
    "5871530e5d4adfe495b5dfd6fe14ebb031cea";

TEST(VnpayProtocol, HashDataIsSortedAndFormEncoded) {
  EXPECT_EQ(vnpay_hash_data(sample()), kHashData);
}

TEST(VnpayProtocol, SignatureMatchesAnIndependentHmacSha512) {
  EXPECT_EQ(hmac_sha512_hex(kSecret, kHashData), kSignature);
  EXPECT_EQ(vnpay_signed_query(sample(), kSecret),
            std::string(kHashData) + "&vnp_SecureHash=" + kSignature);
}

TEST(VnpayProtocol, VerifiesASignedMessageAndRefusesAnyChange) {
  auto params = sample();
  params["vnp_SecureHash"] = kSignature;
  params["vnp_SecureHashType"] = "HmacSHA512";  // never part of the signed data
  EXPECT_TRUE(vnpay_signature_valid(params, kSecret));
  auto upper = params;
  for (auto& c : upper["vnp_SecureHash"]) c = static_cast<char>(std::toupper(c));
  EXPECT_TRUE(vnpay_signature_valid(upper, kSecret));
  auto changed = params;
  changed["vnp_Amount"] = "15000100";
  EXPECT_FALSE(vnpay_signature_valid(changed, kSecret));
  EXPECT_FALSE(vnpay_signature_valid(params, "another secret"));
  EXPECT_FALSE(vnpay_signature_valid(params, ""));
  params.erase("vnp_SecureHash");
  EXPECT_FALSE(vnpay_signature_valid(params, kSecret));
}

TEST(VnpayProtocol, AmountIsVndTimesOneHundredInIntegers) {
  EXPECT_EQ(vnpay_amount(150000), "15000000");
  EXPECT_EQ(vnpay_amount(100'000'000'000), "10000000000000");
  EXPECT_EQ(vnd_of_vnpay_amount("15000000"), 150000);
  EXPECT_EQ(vnd_of_vnpay_amount("15000050"), -1);  // half a dong
  EXPECT_EQ(vnd_of_vnpay_amount("1.5e7"), -1);
  EXPECT_EQ(vnd_of_vnpay_amount(""), -1);
}

TEST(VnpayProtocol, DatesAreVietnameseTimeWhateverTheServerZone) {
  // 2026-12-06T17:30:05Z is 2026-12-07 00:30:05 in Vietnam (UTC+7): the date rolls over.
  const Instant t{date_from_ymd(2026, 12, 6).days * kSecondsPerDay + 17 * 3600 + 30 * 60 + 5};
  EXPECT_EQ(vnpay_time(t), "20261207003005");
}

TEST(VnpayProtocol, FormEncodingIsPhpUrlencode) { EXPECT_EQ(form_encode("a b~c*"), "a+b%7Ec%2A"); }

}  // namespace
}  // namespace motcua::app::payments
