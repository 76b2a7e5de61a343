#include "integrations/mail/mime_message.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "store/hashing.hpp"

namespace motcua::integrations {

namespace {

constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(const std::string& in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += kBase64[(n >> 6) & 63];
    out += kBase64[n & 63];
  }
  if (i < in.size()) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += i + 1 < in.size() ? kBase64[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// Base64 in lines of 76 characters (RFC 2045 6.8).
std::string base64_lines(const std::string& in) {
  const std::string b = base64(in);
  std::string out;
  for (std::size_t i = 0; i < b.size(); i += 76) out += b.substr(i, 76) + "\r\n";
  return out;
}

bool plain_ascii(const std::string& text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  // "=?" would read as the start of an encoded word.
  return text.find("=?") == std::string::npos;
}

// A header value keeps to one line: a CR or LF in a parameter must not start a new header.
std::string one_line(const std::string& text) {
  std::string out;
  for (char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

// The body's text with every line ending CRLF (SMTP's line ending).
std::string crlf(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) out += '\r';
    out += text[i];
  }
  return out;
}

}  // namespace

std::string encode_header_word(const std::string& raw) {
  const std::string text = one_line(raw);
  if (plain_ascii(text)) return text;
  // 39 bytes of text make 52 base64 characters: with "=?UTF-8?B?", "?=" and "Subject: " the first
  // line stays within 76 characters (RFC 2047 2). A word ends before a byte that continues a UTF-8
  // character.
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = std::min(pos + 39, text.size());
    while (end < text.size() && end > pos && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
      --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

std::string message_id_for(const std::string& idempotency_key, const std::string& from_address) {
  const auto at = from_address.rfind('@');
  const std::string domain =
      at == std::string::npos ? "motcua.invalid" : one_line(from_address.substr(at + 1));
  return store::sha256_hex(idempotency_key).substr(0, 32) + ".motcua@" + domain;
}

std::string rfc5322_date(long long unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buffer;
}

std::string build_mime(const MimeMail& mail) {
  // The boundary derives from the Message-ID: unique per notice, and never inside base64 text
  // (it holds characters base64 does not use).
  const std::string boundary = "=_motcua_" + store::sha256_hex(mail.message_id).substr(0, 24);
  std::string out;
  out += "From: " + one_line(mail.from) + "\r\n";
  out += "To: " + one_line(mail.to) + "\r\n";
  out += "Subject: " + encode_header_word(mail.subject) + "\r\n";
  out += "Date: " + one_line(mail.date) + "\r\n";
  out += "Message-ID: <" + one_line(mail.message_id) + ">\r\n";
  if (!mail.list_unsubscribe.empty())
    out += "List-Unsubscribe: <" + one_line(mail.list_unsubscribe) + ">\r\n";
  // Notices are sent by the system, not by a person: auto-responders should stay quiet (RFC 3834).
  out += "Auto-Submitted: auto-generated\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
  out += "\r\n";
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += base64_lines(crlf(mail.text));
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/html; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += base64_lines(crlf(mail.html));
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace motcua::integrations
