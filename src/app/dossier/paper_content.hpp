// What an uploaded paper (giấy tờ đính kèm) may contain and how its names are made safe. Only PDF,
// JPEG and PNG are taken: the formats scanned papers come in, and ones no browser executes. The
// type is read from the first bytes (the "magic number"), and must agree with the Content-Type the
// client declared, so a renamed executable or an HTML page is refused rather than stored and later
// served under a harmless-looking type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/common/app_error.hpp"

namespace motcua::app {

inline constexpr std::string_view kPdf = "application/pdf";
inline constexpr std::string_view kJpeg = "image/jpeg";
inline constexpr std::string_view kPng = "image/png";

// The media type the bytes start like (one of the three above), if any.
std::optional<std::string_view> sniff_paper_type(std::string_view bytes);

// "Image/PNG; charset=x" -> "image/png": the media type of a Content-Type value, lower case,
// without parameters or surrounding spaces.
std::string media_type_of(std::string_view content_type);

// The whole file is the format its first bytes claim (issue 18 point 5): a PDF ends with its
// "%%EOF" marker after a "startxref" (ISO 32000-1 7.5.5), a JPEG ends with its end-of-image marker
// (FF D9), a PNG is a chain of chunks from IHDR to IEND whose lengths fit the file (RFC 2083 3.2).
// A file that merely starts like one (an HTML application behind "%PDF-") fails.
bool whole_file_is(std::string_view media_type, std::string_view bytes);

// Checks the bytes against the declared Content-Type and returns the media type to store.
// Empty bytes: invalid_input empty_file. A type other than the three, or bytes that are not
// wholly of the declared type: unsupported_media_type.
AppResult<std::string> check_paper_bytes(std::string_view declared_content_type,
                                         std::string_view bytes);

// A file name fit to store and to show: the last path component only, no control characters,
// quotes, backslashes or semicolons, Vietnamese composed (NFC), at most 150 bytes (cut on a
// character boundary). Empty when nothing usable is left.
std::string clean_file_name(std::string_view name);

// A name whose extension follows the verified type: "CCCD-mat-truoc.pdf.hta" stored as a PDF
// becomes "CCCD-mat-truoc.pdf", "scan" becomes "scan.pdf", "anh.JPEG" stays; empty stays empty.
std::string name_for_type(std::string_view file_name, std::string_view media_type);

// The file name to offer for download: `file_name` with the extension of its type (names stored
// before that rule included), or "giay-to" with the extension of the type when it is empty.
std::string download_name(std::string_view file_name, std::string_view media_type);

// The Content-Disposition value for a download: attachment, an ASCII fallback name (accents
// removed) and the UTF-8 name in RFC 8187 form, e.g.
//   attachment; filename="giay khai sinh.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf
std::string attachment_disposition(std::string_view file_name);

}  // namespace motcua::app
