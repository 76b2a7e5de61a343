// Serving the web application (web/dist) for GET and HEAD of every path outside /api.
//
// - Paths are mapped onto the root by static_path.hpp: traversal is a 400, hidden files a 404,
//   and nothing outside the root is ever served, symlinks included.
// - Strong content-hash ETags; If-None-Match answers 304.
// - Cache-Control: hashed build assets under /assets/ ("index-4f3a9c1b.js") are immutable for a
//   year; everything else, index.html first, is "no-cache" (always revalidated) so a new
//   deployment is picked up on the next load.
// - gzip when Accept-Encoding allows it: the build's "file.gz" if present, else compressed once
//   and kept in memory (file_cache.hpp); Vary: Accept-Encoding on every compressible resource.
// - SPA fallback: a path without a file extension that names no file gets index.html, so client
//   side routes such as /ho-so/123 survive a reload. A path with an extension gets a 404.
// - /api and /api/... are never answered from here: they get a 404 problem.
// - A missing root directory is not an error at start-up: every request then gets a 404 problem,
//   and the files are served as soon as the directory appears.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>

#include "http/http_types.hpp"

namespace motcua::http {

struct StaticFilesOptions {
  std::filesystem::path root{};
  std::size_t cache_bytes = 64 * 1024 * 1024;           // memory for contents and gzip variants
  std::size_t max_cached_file_bytes = 8 * 1024 * 1024;  // larger files are read per request
};

class StaticFiles {
 public:
  explicit StaticFiles(StaticFilesOptions options);
  ~StaticFiles();
  StaticFiles(const StaticFiles&) = delete;
  StaticFiles& operator=(const StaticFiles&) = delete;

  // Thread-safe. Any method: GET and HEAD are served (the server drops HEAD's body); others get
  // 405 with Allow: GET, HEAD.
  HttpResponse serve(const HttpRequest& request) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "/assets/index-4f3a9c1b.js" and the like: a Vite content hash (8+ characters of [A-Za-z0-9_-]
// after the last '-' or '.' of the stem) in a file directly or indirectly under /assets/.
bool is_hashed_asset(std::string_view path);

}  // namespace motcua::http
