// Public tracking answers kept as rendered, per dossier and version (docs/performance.md
// "Tracking lookups"). A lookup reads the code's row (id, version, secret) in every case; only
// when that version's answer is not kept does it read the history and render the view. Every
// change bumps the version, so a kept answer is never older than the database: no invalidation,
// and it holds on every server of a multi-server deployment alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "http/http_types.hpp"

namespace motcua::api {

class TrackingAnswers {
 public:
  // At most `capacity` dossiers' answers (~1.5 KB each): 4,096 by default, about 6 MB.
  explicit TrackingAnswers(std::size_t capacity = 4096) : capacity_(capacity) {}

  // The answer kept for this dossier at this version and UTC offset, or null.
  std::shared_ptr<const http::HttpResponse> find(const std::string& dossier_id,
                                                 std::int64_t version, int utc_offset) const;
  // Keeps `answer` (a 200), replacing any older version's. When full, one other dossier's
  // answer is dropped: a lookup of it reads the database again, nothing more.
  void keep(const std::string& dossier_id, std::int64_t version, int utc_offset,
            http::HttpResponse answer);

  std::size_t size() const;

 private:
  struct Entry {
    std::int64_t version = 0;
    int utc_offset = 0;
    std::shared_ptr<const http::HttpResponse> answer;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace motcua::api
