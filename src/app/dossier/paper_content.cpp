#include "app/dossier/paper_content.hpp"

#include <array>
#include <cctype>
#include <cstdint>

#include "domain/text/fold.hpp"

namespace motcua::app {

namespace {

struct Signature {
  std::string_view media_type;
  std::string_view magic;
};

// The first bytes of each accepted format: "%PDF-" (ISO 32000-1 7.5.2), the JPEG start-of-image
// marker followed by the first marker's FF, and the eight-byte PNG signature (RFC 2083 3.1).
constexpr std::array kSignatures = {
    Signature{kPdf, std::string_view("%PDF-", 5)},
    Signature{kJpeg, std::string_view("\xFF\xD8\xFF", 3)},
    Signature{kPng, std::string_view("\x89PNG\r\n\x1A\n", 8)},
};

bool is_bidi_control(std::string_view s, std::size_t i) {
  // U+200E/F, U+202A-U+202E and U+2066-U+2069 reorder text on screen: "gpj.exe" can be made to
  // read "exe.jpg". Encoded as E2 80 8E-8F, E2 80 AA-AE, E2 81 A6-A9.
  if (i + 2 >= s.size() || static_cast<unsigned char>(s[i]) != 0xE2) return false;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  return (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) ||
         (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
}

std::string_view extension_of(std::string_view media_type) {
  if (media_type == kPdf) return ".pdf";
  if (media_type == kJpeg) return ".jpg";
  if (media_type == kPng) return ".png";
  return "";
}

bool ascii_iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// Extensions a reader's computer opens as that type.
bool extension_fits(std::string_view ext, std::string_view media_type) {
  if (media_type == kPdf) return ascii_iequals(ext, ".pdf");
  if (media_type == kJpeg) {
    return ascii_iequals(ext, ".jpg") || ascii_iequals(ext, ".jpeg") || ascii_iequals(ext, ".jpe");
  }
  if (media_type == kPng) return ascii_iequals(ext, ".png");
  return false;
}

std::uint32_t big_endian32(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

std::string_view without_trailing(std::string_view bytes, std::string_view junk) {
  while (!bytes.empty() && junk.find(bytes.back()) != std::string_view::npos)
    bytes.remove_suffix(1);
  return bytes;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// ISO 32000-1 7.5.5: the file ends with "startxref", the byte offset of the last cross-reference
// section, and "%%EOF". The offset must point inside the file at a cross-reference table ("xref")
// or, for a cross-reference stream (7.5.8), at an object header "N G obj".
bool whole_pdf(std::string_view bytes) {
  // Writers may leave line ends, spaces or NULs after the marker.
  std::string_view body = without_trailing(bytes, std::string_view("\r\n \t\0", 5));
  if (!body.ends_with("%%EOF")) return false;
  body.remove_suffix(5);
  body = without_trailing(body, "\r\n \t");
  std::size_t digits = 0;
  while (digits < body.size() && digits < 19 && is_digit(body[body.size() - 1 - digits])) ++digits;
  if (digits == 0) return false;
  std::uint64_t offset = 0;
  for (const char c : body.substr(body.size() - digits))
    offset = offset * 10 + static_cast<std::uint64_t>(c - '0');
  body.remove_suffix(digits);
  body = without_trailing(body, "\r\n \t");
  if (!body.ends_with("startxref") || offset >= bytes.size()) return false;
  const std::string_view at = bytes.substr(offset, 32);
  if (at.starts_with("xref")) return true;
  // "12 0 obj": digits, a space, digits, a space, "obj".
  std::size_t i = 0;
  for (int part = 0; part < 2; ++part) {
    const std::size_t start = i;
    while (i < at.size() && is_digit(at[i])) ++i;
    if (i == start || i >= at.size() || at[i] != ' ') return false;
    ++i;
  }
  return at.substr(i).starts_with("obj");
}

bool whole_jpeg(std::string_view bytes) {
  // Some cameras pad after the end-of-image marker with zeros.
  const std::string_view body = without_trailing(bytes, std::string_view("\0", 1));
  return body.size() >= 4 && body.ends_with("\xFF\xD9");
}

bool whole_png(std::string_view bytes) {
  std::size_t at = 8;  // after the signature
  bool first = true;
  while (at + 12 <= bytes.size()) {
    const std::uint32_t length = big_endian32(bytes, at);
    if (length > 0x7FFFFFFFu || length > bytes.size() - at - 12) return false;
    const std::string_view type = bytes.substr(at + 4, 4);
    if (first && type != "IHDR") return false;
    first = false;
    at += 12 + length;
    if (type == "IEND") return at == bytes.size();
  }
  return false;
}

bool is_rfc8187_attr_char(unsigned char c) {
  if (std::isalnum(c) != 0 && c < 0x80) return true;
  for (const char allowed : std::string_view("!#$&+-.^_`|~")) {
    if (c == static_cast<unsigned char>(allowed)) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string_view> sniff_paper_type(std::string_view bytes) {
  for (const auto& s : kSignatures) {
    if (bytes.substr(0, s.magic.size()) == s.magic) return s.media_type;
  }
  return std::nullopt;
}

std::string media_type_of(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  std::string_view type = content_type.substr(0, semicolon);
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  std::string out(type);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool whole_file_is(std::string_view media_type, std::string_view bytes) {
  if (sniff_paper_type(bytes) != media_type) return false;
  if (media_type == kPdf) return whole_pdf(bytes);
  if (media_type == kJpeg) return whole_jpeg(bytes);
  if (media_type == kPng) return whole_png(bytes);
  return false;
}

AppResult<std::string> check_paper_bytes(std::string_view declared_content_type,
                                         std::string_view bytes) {
  const auto unsupported = [](const std::string& detail) {
    return tl::unexpected(
        AppError{ErrorKind::unsupported_media_type, "unsupported_media_type",
                 "Chỉ nhận tệp PDF, JPEG hoặc PNG, đúng với loại tệp đã khai báo.",
                 "Only PDF, JPEG or PNG files are accepted, matching the declared type.", detail});
  };
  if (bytes.empty()) {
    return tl::unexpected(AppError{ErrorKind::invalid_input,
                                   "empty_file",
                                   "Tệp tải lên không có nội dung.",
                                   "The uploaded file is empty.",
                                   {}});
  }
  const std::string declared = media_type_of(declared_content_type);
  if (extension_of(declared).empty()) {
    return unsupported("Content-Type '" + declared +
                       "' is not application/pdf, image/jpeg or image/png");
  }
  const auto actual = sniff_paper_type(bytes);
  if (!actual || *actual != declared) {
    return unsupported("the content does not start as " + declared + " does");
  }
  if (!whole_file_is(declared, bytes)) {
    return unsupported("the content starts as " + declared + " but is not a whole " + declared +
                       " file (its end is missing or something else follows)");
  }
  return declared;
}

std::string clean_file_name(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  const std::string composed = text::clean_text(name);
  std::string out;
  for (std::size_t i = 0; i < composed.size(); ++i) {
    const auto c = static_cast<unsigned char>(composed[i]);
    if (is_bidi_control(composed, i)) {
      i += 2;
      continue;
    }
    if (c < 0x20 || c == 0x7F || c == '"' || c == ';' || c == '\\') continue;
    out.push_back(static_cast<char>(c));
  }
  constexpr std::size_t kMaxBytes = 150;
  if (out.size() > kMaxBytes) {
    std::size_t cut = kMaxBytes;
    // Back off to the start of a UTF-8 sequence: continuation bytes are 10xxxxxx.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  return out;
}

std::string name_for_type(std::string_view file_name, std::string_view media_type) {
  if (file_name.empty()) return {};
  const auto dot = file_name.rfind('.');
  if (dot != std::string_view::npos && dot > 0 &&
      extension_fits(file_name.substr(dot), media_type)) {
    return std::string(file_name);
  }
  // Drop a foreign extension (".hta", ".exe", ".html"): what follows the last dot, if short and
  // plain, as an extension is; then add the type's own.
  std::string_view base = file_name;
  if (dot != std::string_view::npos && dot > 0 && file_name.size() - dot <= 10 &&
      file_name.substr(dot + 1).find(' ') == std::string_view::npos) {
    base = file_name.substr(0, dot);
  }
  const auto inner = base.rfind('.');
  if (inner != std::string_view::npos && inner > 0 &&
      extension_fits(base.substr(inner), media_type)) {
    return std::string(base);
  }
  return std::string(base) + std::string(extension_of(media_type));
}

std::string download_name(std::string_view file_name, std::string_view media_type) {
  if (!file_name.empty()) return name_for_type(file_name, media_type);
  return "giay-to" + std::string(extension_of(media_type));
}

std::string attachment_disposition(std::string_view file_name) {
  std::string fallback;
  for (const char ch : text::fold_vietnamese(file_name)) {
    const auto c = static_cast<unsigned char>(ch);
    fallback.push_back(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? ch : '_');
  }
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char ch : file_name) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_rfc8187_attr_char(c)) {
      encoded.push_back(ch);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace motcua::app
