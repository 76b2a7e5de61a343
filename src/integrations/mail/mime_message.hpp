// The MIME text of one outgoing mail (RFC 5322 headers, RFC 2045/2046 bodies, RFC 2047 subject):
// multipart/alternative with a plain text and an HTML part, both UTF-8 and base64, so Vietnamese
// text survives any relay. Pure: the SMTP adapter fills it and libcurl uploads the result.
#pragma once

#include <string>

namespace motcua::integrations {

struct MimeMail {
  std::string from;              // bare address: noreply@motcua.example
  std::string to;                // bare address
  std::string subject;           // UTF-8
  std::string text;              // UTF-8 plain text
  std::string html;              // UTF-8 HTML (already escaped where it holds parameters)
  std::string message_id;        // without angle brackets: <local>@<domain>
  std::string date;              // RFC 5322 date, e.g. "Sun, 06 Dec 2026 16:00:00 +0000"
  std::string list_unsubscribe;  // a URL or mailto:; empty for notices the law requires
};

// "=?UTF-8?B?...?=" words (folded so no header line passes 76 characters, never splitting a UTF-8
// character); plain ASCII text without specials is returned as it is.
std::string encode_header_word(const std::string& text);
// The message as uploaded over SMTP, lines ending in CRLF.
std::string build_mime(const MimeMail& mail);
// A deterministic Message-ID local part for an outbox idempotency key: a repeat of the same
// notice carries the same Message-ID, so a mailbox (or a person) can tell it is the same mail.
std::string message_id_for(const std::string& idempotency_key, const std::string& from_address);
// The RFC 5322 date of a Unix time, in UTC.
std::string rfc5322_date(long long unix_seconds);

}  // namespace motcua::integrations
