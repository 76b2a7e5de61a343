#include "http/file_cache.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <list>
#include <mutex>
#include <unordered_map>

#include "http/gzip.hpp"

namespace motcua::http {
namespace {

// What tells us a file changed without reading it.
struct Stamp {
  std::uintmax_t size = 0;
  std::filesystem::file_time_type mtime;
  bool operator==(const Stamp&) const = default;
};

std::optional<Stamp> stamp_of(const std::filesystem::path& file) {
  std::error_code ec;
  Stamp s;
  s.size = std::filesystem::file_size(file, ec);
  if (ec) return std::nullopt;
  s.mtime = std::filesystem::last_write_time(file, ec);
  if (ec) return std::nullopt;
  return s;
}

std::shared_ptr<const std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return nullptr;
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return nullptr;
  return std::make_shared<const std::string>(std::move(bytes));
}

// A strong validator from the content itself, so every server process and every deployment of
// the same build agrees on it (modification times do not survive a copy).
std::string content_etag(const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string tag = "\"";
  for (unsigned int i = 0; i < std::min(length, 16u); ++i) {
    tag += kHex[digest[i] >> 4];
    tag += kHex[digest[i] & 0xf];
  }
  return tag + "\"";
}

// The gzip variant is another representation, so it needs its own strong tag.
std::string gzip_etag(const std::string& identity_etag) {
  return identity_etag.substr(0, identity_etag.size() - 1) + "-gz\"";
}

// The gzip variant of `identity`, or nullopt when compressing does not pay.
std::optional<FileVariant> make_gzip(const FileVariant& identity, bool compressible,
                                     const std::optional<std::filesystem::path>& precompressed) {
  if (precompressed) {
    auto bytes = read_file(*precompressed);
    if (!bytes) return std::nullopt;
    return FileVariant{std::move(bytes), gzip_etag(identity.etag)};
  }
  if (!compressible) return std::nullopt;
  auto packed = std::make_shared<const std::string>(gzip_compress(*identity.bytes));
  if (packed->size() >= identity.bytes->size()) return std::nullopt;
  return FileVariant{std::move(packed), gzip_etag(identity.etag)};
}

}  // namespace

struct FileCache::Impl {
  struct Entry {
    Stamp stamp;
    FileVariant identity;
    bool gzip_done = false;           // the gzip variant was worked out (it may be absent)
    std::optional<Stamp> gzip_stamp;  // of the precompressed file it came from, if any
    std::optional<FileVariant> gzip;
    std::list<std::string>::iterator lru;

    std::size_t charge() const { return identity.bytes->size() + (gzip ? gzip->bytes->size() : 0); }
  };

  std::size_t budget = 0;
  std::size_t max_entry = 0;
  mutable std::mutex mutex;
  std::unordered_map<std::string, Entry> entries;
  std::list<std::string> lru;  // most recently used first
  std::size_t used = 0;

  // The gzip variant held in `e` is still right for the precompressed file given now.
  static bool gzip_current(const Entry& e,
                           const std::optional<std::filesystem::path>& precompressed) {
    if (!e.gzip_done) return false;
    if (!precompressed) return !e.gzip_stamp;
    return e.gzip_stamp && e.gzip_stamp == stamp_of(*precompressed);
  }

  void store(const std::string& key, Entry entry) {
    if (auto it = entries.find(key); it != entries.end()) {
      used -= it->second.charge();
      lru.erase(it->second.lru);
      entries.erase(it);
    }
    lru.push_front(key);
    entry.lru = lru.begin();
    used += entry.charge();
    entries.emplace(key, std::move(entry));
    while (used > budget && !lru.empty()) {
      auto victim = entries.find(lru.back());
      used -= victim->second.charge();
      entries.erase(victim);
      lru.pop_back();
    }
  }
};

FileCache::FileCache(std::size_t budget_bytes, std::size_t max_entry_bytes)
    : impl_(std::make_unique<Impl>()) {
  impl_->budget = budget_bytes;
  impl_->max_entry = std::min(max_entry_bytes, budget_bytes);
}

FileCache::~FileCache() = default;

std::optional<CachedFile> FileCache::load(
    const std::filesystem::path& file, bool want_gzip, bool compressible,
    const std::optional<std::filesystem::path>& precompressed) {
  const auto stamp = stamp_of(file);
  if (!stamp) return std::nullopt;
  const std::string key = file.string();

  if (stamp->size > impl_->max_entry) {
    // Too big to keep: read it for this request only, and only serve gzip if a build made it.
    auto bytes = read_file(file);
    if (!bytes) return std::nullopt;
    CachedFile out{FileVariant{bytes, content_etag(*bytes)}, std::nullopt};
    if (want_gzip && precompressed) out.gzip = make_gzip(out.identity, false, precompressed);
    return out;
  }

  Impl::Entry entry;
  {
    const std::lock_guard lock(impl_->mutex);
    auto it = impl_->entries.find(key);
    if (it != impl_->entries.end() && it->second.stamp == *stamp) {
      Impl::Entry& hit = it->second;
      impl_->lru.splice(impl_->lru.begin(), impl_->lru, hit.lru);
      if (!want_gzip) return CachedFile{hit.identity, std::nullopt};
      if (Impl::gzip_current(hit, precompressed)) return CachedFile{hit.identity, hit.gzip};
      entry.stamp = hit.stamp;
      entry.identity = hit.identity;  // only the gzip variant needs work
    }
  }

  // Slow work happens outside the lock; two threads may both do it for one file, harmlessly.
  if (!entry.identity.bytes) {
    entry.stamp = *stamp;
    auto bytes = read_file(file);
    if (!bytes) return std::nullopt;
    entry.identity = FileVariant{bytes, content_etag(*bytes)};
  }
  if (want_gzip) {
    entry.gzip = make_gzip(entry.identity, compressible, precompressed);
    entry.gzip_done = true;
    if (precompressed) entry.gzip_stamp = stamp_of(*precompressed);
  }

  CachedFile out{entry.identity, want_gzip ? entry.gzip : std::nullopt};
  const std::lock_guard lock(impl_->mutex);
  impl_->store(key, std::move(entry));
  return out;
}

std::size_t FileCache::bytes_used() const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->used;
}

}  // namespace motcua::http
