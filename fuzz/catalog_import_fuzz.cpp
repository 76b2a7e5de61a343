// The national catalog import (motcua import-catalog, admin import): a JSON Lines file, plain or
// gzip, in any of the three formats (DVCQG parsed and flat, the ministry's structured one). Plain
// input goes line by line through the importer, as import_catalog_file feeds it; input starting
// with the gzip magic is read through the file reader from an in-memory file.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "codec/catalog_file.hpp"
#include "codec/catalog_import.hpp"
#include "support/fuzz_input.hpp"

using namespace motcua;

namespace {

void import_lines(std::string_view text) {
  codec::CatalogImporter importer;
  std::size_t number = 0;
  while (!text.empty()) {
    const auto [line, rest] = fuzz::split_once(text, "\n");
    (void)importer.add_line(line, ++number);
    text = rest;
  }
  (void)importer.summary().warnings();
}

void import_gzip(std::string_view bytes) {
  const int fd = memfd_create("catalog.jsonl.gz", 0);
  if (fd < 0) return;
  if (write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size())) {
    (void)codec::import_catalog_file("/proc/self/fd/" + std::to_string(fd));
  }
  close(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::as_text(data, size);
  if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) {
    import_gzip(text);
  } else {
    import_lines(text);
  }
  return 0;
}
