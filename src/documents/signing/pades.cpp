#include "documents/signing/pades.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>
#include <regex>
#include <vector>

namespace motcua::documents::signing {

namespace {

// Room for the DER signature: the signer certificate and a chain of two or three CA certificates
// fit in well under this; the rest is zero padding, as PDF readers expect.
constexpr std::size_t kSignatureCapacity = 16384;
// "/ByteRange [0 a b c]" is written with this many characters per number, then filled in.
constexpr std::size_t kRangeWidth = 10;

[[noreturn]] void unsupported(const std::string& why) {
  throw SigningError("the PDF cannot be signed: " + why);
}

struct ObjectRef {
  long number = 0;
  long generation = 0;
};

std::optional<ObjectRef> find_ref(const std::string& dict, const std::string& key) {
  const std::regex pattern(key + R"(\s+(\d+)\s+(\d+)\s+R)");
  std::smatch m;
  if (!std::regex_search(dict, m, pattern)) return std::nullopt;
  return ObjectRef{std::stol(m[1]), std::stol(m[2])};
}

// The trailer of the last xref section and where that section starts.
struct Trailer {
  std::string dict;
  std::size_t xref_offset = 0;
};

Trailer last_trailer(std::string_view pdf) {
  const auto start = pdf.rfind("startxref");
  if (start == std::string_view::npos) unsupported("no startxref");
  std::size_t offset = 0;
  const char* p = pdf.data() + start + 9;
  while (p < pdf.data() + pdf.size() && (*p == ' ' || *p == '\r' || *p == '\n')) ++p;
  if (std::from_chars(p, pdf.data() + pdf.size(), offset).ec != std::errc())
    unsupported("unreadable startxref");
  if (offset >= pdf.size() || pdf.substr(offset, 4) != "xref")
    unsupported("it uses a cross-reference stream; only xref tables can be updated here");
  const auto trailer = pdf.find("trailer", offset);
  if (trailer == std::string_view::npos || trailer > start) unsupported("no trailer");
  return {std::string(pdf.substr(trailer + 7, start - trailer - 7)), offset};
}

// Object offsets from one xref table and those it points back to (/Prev); the newest wins.
std::map<long, std::size_t> read_xref(std::string_view pdf, std::size_t offset,
                                      const std::string& trailer_dict) {
  std::map<long, std::size_t> objects;
  std::vector<std::size_t> sections{offset};
  std::string dict = trailer_dict;
  for (int guard = 0; guard < 64; ++guard) {
    const auto prev =
        std::regex_search(dict, std::regex(R"(/Prev\s+\d+)"))
            ? std::optional<std::size_t>(std::stoul(dict.substr(dict.find("/Prev") + 5)))
            : std::nullopt;
    if (!prev) break;
    if (*prev >= pdf.size() || pdf.substr(*prev, 4) != "xref")
      unsupported("a previous cross-reference section is not an xref table");
    sections.push_back(*prev);
    const auto t = pdf.find("trailer", *prev);
    const auto s = pdf.find("startxref", *prev);
    if (t == std::string_view::npos || s == std::string_view::npos || s < t)
      unsupported("a previous section has no trailer");
    dict = std::string(pdf.substr(t + 7, s - t - 7));
  }
  // Oldest first, so that newer sections overwrite.
  for (auto it = sections.rbegin(); it != sections.rend(); ++it) {
    std::size_t pos = *it + 4;
    const auto end = pdf.find("trailer", pos);
    std::string text(pdf.substr(pos, end - pos));
    std::size_t i = 0;
    auto next_number = [&](unsigned long& out) {
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      const auto r = std::from_chars(text.data() + i, text.data() + text.size(), out);
      if (r.ec != std::errc()) return false;
      i = static_cast<std::size_t>(r.ptr - text.data());
      return true;
    };
    unsigned long first = 0;
    unsigned long count = 0;
    while (next_number(first) && next_number(count)) {
      for (unsigned long k = 0; k < count; ++k) {
        unsigned long where = 0;
        unsigned long generation = 0;
        if (!next_number(where) || !next_number(generation)) unsupported("damaged xref table");
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        const char kind = i < text.size() ? text[i++] : 'f';
        if (kind == 'n')
          objects[static_cast<long>(first + k)] = where;
        else
          objects.erase(static_cast<long>(first + k));
      }
    }
  }
  return objects;
}

// The dictionary "<< ... >>" of object `ref`, balanced over nested dictionaries and strings.
std::string object_dict(std::string_view pdf, const std::map<long, std::size_t>& objects,
                        const ObjectRef& ref) {
  const auto found = objects.find(ref.number);
  if (found == objects.end()) unsupported("object " + std::to_string(ref.number) + " is missing");
  const auto open = pdf.find("<<", found->second);
  const auto header_end = pdf.find("obj", found->second);
  if (open == std::string_view::npos || header_end == std::string_view::npos || header_end > open)
    unsupported("object " + std::to_string(ref.number) + " is not a dictionary");
  int depth = 0;
  for (std::size_t i = open; i + 1 < pdf.size(); ++i) {
    const char c = pdf[i];
    if (c == '%') {  // a comment (cairo writes "% 1" after a page's /Type): up to the line end
      while (i + 1 < pdf.size() && pdf[i + 1] != '\n' && pdf[i + 1] != '\r') ++i;
    } else if (c == '(') {  // a literal string: skip it, with its escapes and nested parentheses
      int parens = 1;
      for (++i; i < pdf.size() && parens > 0; ++i) {
        if (pdf[i] == '\\')
          ++i;
        else if (pdf[i] == '(')
          ++parens;
        else if (pdf[i] == ')')
          --parens;
      }
      --i;
    } else if (c == '<' && pdf[i + 1] == '<') {
      ++depth;
      ++i;
    } else if (c == '>' && pdf[i + 1] == '>') {
      --depth;
      ++i;
      if (depth == 0) return std::string(pdf.substr(open, i + 1 - open));
    }
  }
  unsupported("object " + std::to_string(ref.number) + " does not end");
}

// The first page: down the page tree through the first kid each time.
ObjectRef first_page(std::string_view pdf, const std::map<long, std::size_t>& objects,
                     const std::string& catalog) {
  auto node = find_ref(catalog, "/Pages");
  if (!node) unsupported("the catalog has no /Pages");
  for (int depth = 0; depth < 32; ++depth) {
    const std::string dict = object_dict(pdf, objects, *node);
    if (!std::regex_search(dict, std::regex(R"(/Type\s*/Pages\b)"))) return *node;
    std::smatch m;
    if (!std::regex_search(dict, m, std::regex(R"(/Kids\s*\[\s*(\d+)\s+(\d+)\s+R)")))
      unsupported("a page tree node has no kids");
    node = ObjectRef{std::stol(m[1]), std::stol(m[2])};
  }
  unsupported("the page tree is too deep");
}

// "text" as a PDF text string: UTF-16BE with its byte-order mark, in hexadecimal, so that any
// Vietnamese letter survives.
std::string text_string(std::string_view utf8) {
  std::string out = "<FEFF";
  char hex[8];
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    char32_t cp = 0;
    int extra = 0;
    if (c < 0x80) {
      cp = c;
    } else if ((c >> 5) == 6) {
      cp = c & 0x1f;
      extra = 1;
    } else if ((c >> 4) == 14) {
      cp = c & 0x0f;
      extra = 2;
    } else {
      cp = c & 0x07;
      extra = 3;
    }
    ++i;
    for (int k = 0; k < extra && i < utf8.size(); ++k, ++i)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i]) & 0x3f);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(0xD800 + (cp >> 10)));
      out += hex;
      cp = 0xDC00 + (cp & 0x3ff);
    }
    std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(cp));
    out += hex;
  }
  return out + ">";
}

// D:YYYYMMDDHHmmSSZ, in UTC.
std::string pdf_date(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "D:%Y%m%d%H%M%SZ", &utc);
  return buffer;
}

// `dict` with `entry` added before its closing ">>".
std::string with_entry(const std::string& dict, const std::string& entry) {
  return dict.substr(0, dict.size() - 2) + " " + entry + " >>";
}

}  // namespace

bool looks_signed(std::string_view pdf) {
  return pdf.find("/Type /Sig") != std::string_view::npos &&
         pdf.find("/ByteRange") != std::string_view::npos;
}

std::string sign_pdf(std::string_view pdf, const Signer& signer, const SignatureDetails& details) {
  const Trailer trailer = last_trailer(pdf);
  const auto objects = read_xref(pdf, trailer.xref_offset, trailer.dict);
  const auto root = find_ref(trailer.dict, "/Root");
  if (!root) unsupported("the trailer has no /Root");
  const auto info = find_ref(trailer.dict, "/Info");
  std::smatch size_match;
  if (!std::regex_search(trailer.dict, size_match, std::regex(R"(/Size\s+(\d+))")))
    unsupported("the trailer has no /Size");
  const long size = std::stol(size_match[1]);

  const std::string catalog = object_dict(pdf, objects, *root);
  if (catalog.find("/AcroForm") != std::string::npos)
    unsupported("it already has a form (/AcroForm)");
  const ObjectRef page = first_page(pdf, objects, catalog);
  std::string page_dict = object_dict(pdf, objects, page);

  const long sig = size;
  const long widget = size + 1;
  const long form = size + 2;
  const auto ref = [](long n) { return std::to_string(n) + " 0 R"; };

  // The widget goes into the first page's annotations: an invisible signature (zero rectangle),
  // printed and locked (/F 132).
  const auto annots = page_dict.find("/Annots");
  if (annots == std::string::npos) {
    page_dict = with_entry(page_dict, "/Annots [" + ref(widget) + "]");
  } else {
    const auto bracket = page_dict.find_first_not_of(" \r\n\t", annots + 7);
    if (bracket == std::string::npos || page_dict[bracket] != '[')
      unsupported("the first page's /Annots is not a plain array");
    page_dict.insert(bracket + 1, ref(widget) + " ");
  }

  std::string out(pdf);
  if (!out.ends_with("\n")) out += "\n";
  std::map<long, std::pair<std::size_t, long>> written;  // number -> (offset, generation)
  const auto write = [&](long number, long generation, const std::string& body) {
    written[number] = {out.size(), generation};
    out +=
        std::to_string(number) + " " + std::to_string(generation) + " obj\n" + body + "\nendobj\n";
  };

  // The signature dictionary: /ByteRange and /Contents are placeholders filled in below.
  const std::string range_placeholder(kRangeWidth * 3 + 2, ' ');
  std::string sig_dict = "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached";
  sig_dict += " /ByteRange [0 " + range_placeholder + "]";
  sig_dict += " /Contents <" + std::string(kSignatureCapacity * 2, '0') + ">";
  sig_dict += " /M (" + pdf_date(details.at) + ")";
  sig_dict += " /Name " + text_string(signer.common_name());
  if (!details.reason.empty()) sig_dict += " /Reason " + text_string(details.reason);
  if (!details.location.empty()) sig_dict += " /Location " + text_string(details.location);
  sig_dict += " >>";
  write(sig, 0, sig_dict);
  write(widget, 0,
        "<< /Type /Annot /Subtype /Widget /FT /Sig /Rect [0 0 0 0] /F 132 /T " +
            text_string("Signature" + std::to_string(sig)) + " /V " + ref(sig) + " /P " +
            std::to_string(page.number) + " " + std::to_string(page.generation) + " R >>");
  // SigFlags 3: the document has signatures, and is to be changed only by appending.
  write(form, 0, "<< /Fields [" + ref(widget) + "] /SigFlags 3 >>");
  write(root->number, root->generation, with_entry(catalog, "/AcroForm " + ref(form)));
  write(page.number, page.generation, page_dict);

  // The xref section of the update: one subsection per run of consecutive numbers.
  const std::size_t xref_at = out.size();
  out += "xref\n";
  for (auto it = written.begin(); it != written.end();) {
    auto run_end = it;
    long count = 0;
    while (run_end != written.end() && run_end->first == it->first + count) {
      ++run_end;
      ++count;
    }
    out += std::to_string(it->first) + " " + std::to_string(count) + "\n";
    for (; it != run_end; ++it) {
      char entry[32];
      std::snprintf(entry, sizeof entry, "%010zu %05ld n \n", it->second.first, it->second.second);
      out += entry;
    }
  }
  out += "trailer\n<< /Size " + std::to_string(form + 1) + " /Root " +
         std::to_string(root->number) + " " + std::to_string(root->generation) + " R";
  if (info)
    out += " /Info " + std::to_string(info->number) + " " + std::to_string(info->generation) + " R";
  out += " /Prev " + std::to_string(trailer.xref_offset) + " >>\nstartxref\n" +
         std::to_string(xref_at) + "\n%%EOF\n";

  // Fill in the byte ranges: everything but the hexadecimal string of /Contents, brackets
  // included in the signed part.
  const std::size_t sig_at = written[sig].first;
  const std::size_t contents_open = out.find("/Contents <", sig_at) + 10;
  const std::size_t contents_end = contents_open + kSignatureCapacity * 2 + 2;
  const std::size_t range_at = out.find("/ByteRange [0 ", sig_at) + 14;
  char ranges[64];
  std::snprintf(ranges, sizeof ranges, "%zu %zu %zu", contents_open, contents_end,
                out.size() - contents_end);
  out.replace(range_at, std::char_traits<char>::length(ranges), ranges);

  std::string signed_bytes = out.substr(0, contents_open);
  signed_bytes.append(out, contents_end, std::string::npos);
  const std::string cms = signer.sign_detached(signed_bytes, details.at);
  if (cms.size() > kSignatureCapacity)
    throw SigningError("the signature (" + std::to_string(cms.size()) +
                       " bytes) does not fit the space reserved for it");
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (std::size_t i = 0; i < cms.size(); ++i) {
    const auto b = static_cast<unsigned char>(cms[i]);
    out[contents_open + 1 + 2 * i] = kHex[b >> 4];
    out[contents_open + 2 + 2 * i] = kHex[b & 0xf];
  }
  return out;
}

}  // namespace motcua::documents::signing
