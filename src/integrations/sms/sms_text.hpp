// The text of one SMS as a handset receives it. An SMS part carries 140 bytes: 160 characters of
// the 7-bit GSM alphabet (3GPP TS 23.038) or 70 UCS-2 characters; a longer message is split into
// parts of 153 or 67, each with a concatenation header (3GPP TS 23.040 §9.2.3.24.1), and a
// gateway bills per part. One accented Vietnamese letter turns the whole message into UCS-2, so
// the adapter sends unaccented text unless the gateway takes Unicode and the accented message is
// short enough (docs/integrations.md, "SMS").
#pragma once

#include <string>
#include <string_view>

namespace motcua::integrations::sms {

enum class SmsEncoding { gsm7, ucs2 };

struct SegmentCount {
  SmsEncoding encoding = SmsEncoding::gsm7;
  int units = 0;     // GSM-7 septets (an extension character such as € { } counts 2) or UTF-16
                     // code units (a character beyond the BMP counts 2)
  int segments = 1;  // parts the message is sent in; an empty message still takes one
};

// True when every character is one the gateways take in GSM-7 mode: printable ASCII except the
// backtick, plus line feed and carriage return. (GSM-7 has a few Latin-1 letters too, but
// Vietnamese carriers' gateways expect plain ASCII outside Unicode mode.)
bool gsm7_sendable(std::string_view utf8);

// Counts a message's parts the way the handset's network splits it: in a multi-part message an
// extension character or a surrogate pair never straddles two parts.
SegmentCount count_segments(std::string_view utf8);

// Vietnamese made GSM-7 sendable: marks removed (đ -> d, Đ -> D), typographic quotes, dashes,
// ellipses and non-breaking spaces replaced by their ASCII forms, anything else outside the set
// becomes '?'.
std::string to_gsm7_text(std::string_view utf8);

enum class SmsCharset {
  gsm7,     // the gateway takes ASCII only: always unaccent
  unicode,  // the gateway takes UCS-2: keep the marks when the message fits in max_unicode_parts
};

struct SmsText {
  std::string text;
  SegmentCount count;
  bool unaccented = false;  // the marks were removed for GSM-7
};

SmsText prepare_sms_text(std::string_view rendered, SmsCharset charset, int max_unicode_parts);

}  // namespace motcua::integrations::sms
