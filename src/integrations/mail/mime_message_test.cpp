#include "integrations/mail/mime_message.hpp"

#include <gtest/gtest.h>

#include "integrations/mail/mail_templates.hpp"

namespace motcua::integrations {
namespace {

// Decodes base64 (test helper: the inverse of what build_mime writes).
std::string unbase64(const std::string& in) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int bits = 0;
  unsigned value = 0;
  for (char c : in) {
    const auto i = alphabet.find(c);
    if (i == std::string::npos) continue;
    value = (value << 6) | static_cast<unsigned>(i);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// The base64 body of the part with `content_type`.
std::string part(const std::string& mime, const std::string& content_type) {
  const auto header = mime.find("Content-Type: " + content_type);
  if (header == std::string::npos) return {};
  const auto body = mime.find("\r\n\r\n", header) + 4;
  const auto end = mime.find("\r\n--", body);
  return unbase64(mime.substr(body, end - body));
}

// The text of RFC 2047 words, joined.
std::string decode_words(const std::string& header) {
  std::string out;
  std::size_t pos = 0;
  while ((pos = header.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const auto end = header.find("?=", pos + 10);
    out += unbase64(header.substr(pos + 10, end - pos - 10));
    pos = end + 2;
  }
  return out;
}

MimeMail sample() {
  return MimeMail{"motcua@tinh.gov.vn",
                  "an@example.vn",
                  "Đã tiếp nhận hồ sơ 000.00.01.H01-261206-0001 - hẹn trả 18/12/2026",
                  "Kính gửi Nguyễn Văn An,\nMã hồ sơ: 000.00.01.H01-261206-0001\n",
                  "<p>Kính gửi Nguyễn Văn An</p>",
                  "abc.motcua@tinh.gov.vn",
                  "Sun, 06 Dec 2026 09:00:00 +0000",
                  ""};
}

TEST(MimeMessage, TheSubjectIsEncodedWordsThatDecodeToTheUtf8Text) {
  const auto mail = sample();
  const auto encoded = encode_header_word(mail.subject);
  EXPECT_EQ(encoded.rfind("=?UTF-8?B?", 0), 0u);
  EXPECT_EQ(decode_words(encoded), mail.subject);
  // Folded: no line of the header passes 76 characters ("Subject: " + the first word).
  std::size_t start = 0;
  while (start < encoded.size()) {
    auto end = encoded.find("\r\n", start);
    if (end == std::string::npos) end = encoded.size();
    EXPECT_LE(end - start + 9, 78u);
    start = end + 2;
  }
  EXPECT_EQ(encode_header_word("Plain ASCII"), "Plain ASCII");
}

TEST(MimeMessage, AWordNeverSplitsAVietnameseCharacter) {
  // 60 "ệ" (3 bytes each): every encoded word must decode to whole characters.
  std::string text;
  for (int i = 0; i < 60; ++i) text += "ệ";
  const auto encoded = encode_header_word(text);
  std::size_t pos = 0;
  while ((pos = encoded.find("=?UTF-8?B?", pos)) != std::string::npos) {
    const auto end = encoded.find("?=", pos + 10);
    EXPECT_EQ(unbase64(encoded.substr(pos + 10, end - pos - 10)).size() % 3, 0u);
    pos = end + 2;
  }
  EXPECT_EQ(decode_words(encoded), text);
}

TEST(MimeMessage, BothPartsCarryTheTextInUtf8) {
  const auto mail = sample();
  const auto mime = build_mime(mail);
  EXPECT_NE(mime.find("Content-Type: multipart/alternative; boundary="), std::string::npos);
  EXPECT_EQ(part(mime, "text/plain; charset=UTF-8"),
            "Kính gửi Nguyễn Văn An,\r\nMã hồ sơ: 000.00.01.H01-261206-0001\r\n");
  EXPECT_EQ(part(mime, "text/html; charset=UTF-8"), mail.html);
}

TEST(MimeMessage, HeadersNameSenderRecipientDateAndMessageId) {
  auto mail = sample();
  auto mime = build_mime(mail);
  EXPECT_NE(mime.find("From: motcua@tinh.gov.vn\r\n"), std::string::npos);
  EXPECT_NE(mime.find("To: an@example.vn\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Date: Sun, 06 Dec 2026 09:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(mime.find("Message-ID: <abc.motcua@tinh.gov.vn>\r\n"), std::string::npos);
  EXPECT_NE(mime.find("MIME-Version: 1.0\r\n"), std::string::npos);
  // Required notices carry no unsubscribe link; optional ones do.
  EXPECT_EQ(mime.find("List-Unsubscribe"), std::string::npos);
  mail.list_unsubscribe = "https://motcua.example/my#notification-preferences";
  mime = build_mime(mail);
  EXPECT_NE(mime.find("List-Unsubscribe: <https://motcua.example/my#notification-preferences>\r\n"),
            std::string::npos);
}

TEST(MimeMessage, ALineBreakInAFieldCannotAddAHeader) {
  auto mail = sample();
  mail.subject = "Hello\r\nBcc: victim@example.com";
  mail.to = "an@example.vn\r\nBcc: victim@example.com";
  const auto mime = build_mime(mail);
  EXPECT_EQ(mime.find("\r\nBcc:"), std::string::npos);
}

TEST(MimeMessage, TheMessageIdFollowsTheIdempotencyKey) {
  EXPECT_EQ(message_id_for("d_1:3:mail", "a@tinh.gov.vn"),
            message_id_for("d_1:3:mail", "a@tinh.gov.vn"));
  EXPECT_NE(message_id_for("d_1:3:mail", "a@tinh.gov.vn"),
            message_id_for("d_1:4:mail", "a@tinh.gov.vn"));
  EXPECT_NE(message_id_for("d_1:3:mail", "a@tinh.gov.vn").find("@tinh.gov.vn"), std::string::npos);
  EXPECT_EQ(rfc5322_date(0), "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(MailTemplates, EveryKeyOfTheContractHasBothLanguagesInTheDataFile) {
  const auto t = MailTemplates::load(std::string(MOTCUA_SOURCE_DIR) +
                                     "/data/notifications/mail-templates.json");
  for (const char* key : {"dossier_received", "supplement_requested", "fee_due", "apology",
                          "result_ready", "result_returned", "dossier_refused", "official_due_soon",
                          "official_overdue", "official_step_overrun"}) {
    for (const char* lang : {"vi", "en"}) {
      const auto m = t.render(key, lang, {});
      ASSERT_TRUE(m) << key;
      EXPECT_FALSE(m->subject.empty()) << key << " " << lang;
      EXPECT_FALSE(m->text.empty()) << key << " " << lang;
      EXPECT_FALSE(m->html.empty()) << key << " " << lang;
    }
  }
}

TEST(MailTemplates, ParametersAreEscapedInHtmlAndListsBecomeItems) {
  const auto t = MailTemplates::parse(R"({"templates":{"k":{"vi":{
      "subject":"{{dossier_code}}","text":"- {{papers}}","html":"<li>{{papers}}</li>{{name}}"}}}})");
  TemplateParams p;
  p.text["dossier_code"] = "H01-1";
  p.text["name"] = "<script>";
  p.lists["papers"] = {"Tờ khai", "CCCD"};
  const auto m = t.render("k", "en", p, "https://x/my");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->subject, "H01-1");  // English missing: Vietnamese
  EXPECT_EQ(m->text, "- Tờ khai\n- CCCD");
  EXPECT_EQ(m->html, "<li>Tờ khai</li><li>CCCD</li>&lt;script&gt;");
  EXPECT_FALSE(t.render("missing", "vi", p));
}

}  // namespace
}  // namespace motcua::integrations
