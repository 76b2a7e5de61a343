#include "api/tracking_answers.hpp"

namespace motcua::api {

std::shared_ptr<const http::HttpResponse> TrackingAnswers::find(const std::string& dossier_id,
                                                                std::int64_t version,
                                                                int utc_offset) const {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(dossier_id);
  if (it == entries_.end() || it->second.version != version || it->second.utc_offset != utc_offset)
    return nullptr;
  return it->second.answer;
}

void TrackingAnswers::keep(const std::string& dossier_id, std::int64_t version, int utc_offset,
                           http::HttpResponse answer) {
  auto kept = std::make_shared<const http::HttpResponse>(std::move(answer));
  const std::lock_guard lock(mutex_);
  if (capacity_ == 0) return;
  auto it = entries_.find(dossier_id);
  if (it == entries_.end()) {
    // The bucket order is as good as random for dossier ids: no bookkeeping per lookup.
    if (entries_.size() >= capacity_) entries_.erase(entries_.begin());
    entries_.emplace(dossier_id, Entry{version, utc_offset, std::move(kept)});
    return;
  }
  // Only ever forward: a slower reader that rendered an older version does not replace a newer.
  if (it->second.version <= version) it->second = Entry{version, utc_offset, std::move(kept)};
}

std::size_t TrackingAnswers::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace motcua::api
