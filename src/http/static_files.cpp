#include "http/static_files.hpp"

#include <algorithm>
#include <array>
#include <system_error>

#include "http/content_type.hpp"
#include "http/file_cache.hpp"
#include "http/http_errors.hpp"
#include "http/negotiation.hpp"
#include "http/static_path.hpp"

namespace motcua::http {
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";
constexpr std::size_t kViteHashLength = 8;

bool is_api_path(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

bool is_hash_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

}  // namespace

bool is_hashed_asset(std::string_view path) {
  if (!path.starts_with("/assets/")) return false;
  std::string_view name = path.substr(path.rfind('/') + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view stem = name.substr(0, dot);
  if (stem.size() <= kViteHashLength) return false;
  const char separator = stem[stem.size() - kViteHashLength - 1];
  if (separator != '-' && separator != '.') return false;
  const std::string_view hash = stem.substr(stem.size() - kViteHashLength);
  return std::all_of(hash.begin(), hash.end(), is_hash_char);
}

struct StaticFiles::Impl {
  StaticFilesOptions options;
  mutable FileCache cache;

  explicit Impl(StaticFilesOptions o)
      : options(std::move(o)), cache(options.cache_bytes, options.max_cached_file_bytes) {}

  // Canonical root, looked up on each request: the build may create or replace the directory
  // while the server runs.
  std::optional<std::filesystem::path> root() const {
    std::error_code ec;
    auto canonical = std::filesystem::canonical(options.root, ec);
    if (ec || !std::filesystem::is_directory(canonical, ec)) return std::nullopt;
    return canonical;
  }

  HttpResponse send_file(const HttpRequest& req, const std::filesystem::path& root,
                         const std::filesystem::path& relative,
                         const std::filesystem::path& file) const {
    const std::string name = relative.filename().string();
    const std::string_view type = content_type_for(name);
    const bool compressible = is_compressible(type);
    const bool want_gzip = accepts_encoding(req.header("Accept-Encoding"), "gzip");

    std::optional<std::filesystem::path> precompressed;
    if (want_gzip) {
      auto sibling = relative;
      sibling += ".gz";
      precompressed = resolve_inside(root, sibling);
    }
    const auto loaded = cache.load(file, want_gzip, compressible, precompressed);
    if (!loaded) return errors::not_found(req.path);

    const bool gzip = want_gzip && loaded->gzip.has_value();
    const FileVariant& variant = gzip ? *loaded->gzip : loaded->identity;

    HttpResponse res;
    res.set_header("ETag", variant.etag);
    res.set_header("Cache-Control", is_hashed_asset(req.path) ? kImmutable : kRevalidate);
    // Whether gzip was chosen depends on Accept-Encoding for every resource that has a variant.
    if (compressible || precompressed) res.set_header("Vary", "Accept-Encoding");

    if (if_none_match_matches(req.header("If-None-Match"), variant.etag)) {
      res.status = 304;
      return res;
    }
    res.status = 200;
    res.set_header("Content-Type", type);
    if (gzip) res.set_header("Content-Encoding", "gzip");
    res.body = *variant.bytes;
    return res;
  }
};

StaticFiles::StaticFiles(StaticFilesOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

StaticFiles::~StaticFiles() = default;

HttpResponse StaticFiles::serve(const HttpRequest& req) const {
  if (is_api_path(req.path)) return errors::not_found(req.path);
  if (req.method != Method::get && req.method != Method::head) {
    static constexpr std::array kAllowed = {Method::get, Method::head};
    return errors::method_not_allowed(req.path, kAllowed);
  }

  const StaticPath path = static_path(req.path);
  if (path.verdict == StaticPath::Verdict::invalid) return errors::invalid_path(req.path);
  if (path.verdict == StaticPath::Verdict::hidden) return errors::not_found(req.path);

  const auto root = impl_->root();
  if (!root) return errors::not_found(req.path);

  std::filesystem::path relative = path.relative;
  std::optional<std::filesystem::path> file;
  if (!path.directory) file = resolve_inside(*root, relative);
  // The SPA fallback: client-side routes have no extension; a missing "x.js" stays a 404.
  if (!file && path.last_segment.find('.') == std::string::npos) {
    relative = "index.html";
    file = resolve_inside(*root, relative);
  }
  if (!file) return errors::not_found(req.path);
  return impl_->send_file(req, *root, relative, *file);
}

}  // namespace motcua::http
