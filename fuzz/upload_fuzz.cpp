// An uploaded paper (POST /api/v1/dossiers/{id}/papers, api/paper_routes.cpp): the raw body with
// its Content-Type and X-File-Name headers. The input is "<content type>\n<file name>\n<bytes>":
// the type is checked against the bytes, the (percent-encoded) name cleaned, and the download
// name and Content-Disposition built from what would be stored.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "app/dossier/paper_content.hpp"
#include "http/http_types.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::as_text(data, size);
  const auto [content_type, after_type] = fuzz::split_once(text, "\n");
  const auto [raw_name, bytes] = fuzz::split_once(after_type, "\n");

  (void)app::sniff_paper_type(bytes);
  (void)app::media_type_of(content_type);
  const auto media_type = app::check_paper_bytes(content_type, bytes);

  // As api/paper_routes.cpp reads X-File-Name: percent-decoded when that works, else as sent.
  const auto decoded = http::percent_decode(raw_name);
  const std::string name = app::clean_file_name(decoded ? *decoded : std::string(raw_name));
  if (name.size() > 150 || name.find_first_of("/\\\";\r\n") != std::string::npos) {
    std::fprintf(stderr, "clean_file_name left a forbidden name: %s\n", name.c_str());
    std::abort();
  }
  if (media_type) {
    const auto download = app::download_name(name, *media_type);
    const auto disposition = app::attachment_disposition(download);
    // The value goes into a response header as it is: it must be one.
    if (!http::valid_header("Content-Disposition", disposition)) {
      std::fprintf(stderr, "attachment_disposition is not a header value: %s\n",
                   disposition.c_str());
      std::abort();
    }
  }
  return 0;
}
