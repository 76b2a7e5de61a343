// Static file contents, their entity tags and gzip variants, kept in memory within a byte budget.
//
// Web assets are small and asked for again and again, so each file is read, hashed and (if worth
// it) compressed once, then served from memory until its size or modification time changes. The
// least recently used entries are dropped when the budget is exceeded; a file larger than the
// per-entry limit is read for each request and never compressed on the fly.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace motcua::http {

struct FileVariant {
  std::shared_ptr<const std::string> bytes;
  std::string etag;  // strong and quoted: "\"<sha256 prefix>\"" or "\"<...>-gz\""
};

struct CachedFile {
  FileVariant identity;
  std::optional<FileVariant> gzip;  // only when asked for and available
};

class FileCache {
 public:
  FileCache(std::size_t budget_bytes, std::size_t max_entry_bytes);
  ~FileCache();
  FileCache(const FileCache&) = delete;
  FileCache& operator=(const FileCache&) = delete;

  // The file's bytes (nullopt if it cannot be read). With `want_gzip`, also a gzip variant: the
  // `precompressed` file if given (a build's "x.js.gz" beside "x.js"), else the file compressed
  // here when `compressible` and the result is smaller. Thread-safe.
  std::optional<CachedFile> load(const std::filesystem::path& file, bool want_gzip,
                                 bool compressible,
                                 const std::optional<std::filesystem::path>& precompressed);

  std::size_t bytes_used() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::http
