// Waiting and service times of the hall's queue, per counter and service.
#include <algorithm>
#include <map>

#include "app/queue/queue.hpp"
#include "app/queue/queue_common.hpp"

namespace motcua::app {

using namespace queue_detail;

namespace {

std::optional<double> average(const std::vector<double>& v) {
  if (v.empty()) return std::nullopt;
  double sum = 0;
  for (const double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

std::optional<double> median(std::vector<double> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

bool valid_day(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  try {
    return is_valid_ymd(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)),
                        std::stoi(s.substr(8, 2)));
  } catch (...) {
    return false;
  }
}

}  // namespace

AppResult<QueueTimesView> queue_times(store::SqlConnection& db, const Actor& actor,
                                      const std::string& unit_id, const std::string& from,
                                      const std::string& to) {
  for (const auto& [name, value] : {std::pair{"from", from}, std::pair{"to", to}}) {
    if (!valid_day(value)) {
      return tl::unexpected(refuse(ErrorKind::invalid_input, "invalid_day",
                                   std::string(name) + ": cần một ngày dạng YYYY-MM-DD.",
                                   std::string(name) + ": a day as YYYY-MM-DD is needed.", name));
    }
  }
  const auto unit = unit_or_404(db, unit_id);
  if (!unit) return tl::unexpected(unit.error());
  if (!serves_unit(db, actor, *unit, std::nullopt)) {
    return tl::unexpected(refuse(ErrorKind::forbidden, "not_unit_official",
                                 "Chỉ cán bộ của đơn vị mới xem được thống kê hàng đợi này.",
                                 "Only the unit's officials see this queue's statistics.",
                                 unit_id));
  }
  struct Times {
    std::int64_t served = 0, no_show = 0;
    std::vector<double> wait, service;
  };
  std::map<std::pair<std::string, std::string>, Times> by_key;  // (counter id, service id)
  for (const auto& t : store::tickets_between(db, {unit_id}, from, to)) {
    if (t.counter_id.empty() || t.called_at_s == 0) continue;  // never called: no times yet
    auto& x = by_key[{t.counter_id, t.service_id}];
    x.wait.push_back(static_cast<double>(t.called_at_s - t.taken_at_s) / 60.0);
    if (t.status == "served") {
      ++x.served;
      x.service.push_back(static_cast<double>(t.finished_at_s - t.called_at_s) / 60.0);
    } else if (t.status == "no_show") {
      ++x.no_show;
    }
  }
  QueueTimesView v{unit_id, from, to, {}};
  for (const auto& [key, x] : by_key) {
    QueueTimesRow row;
    if (const auto c = store::find_queue_counter(db, key.first)) row.counter_number = c->number;
    row.service_id = key.second;
    if (const auto s = store::find_queue_service(db, key.second)) row.service_name = s->name;
    row.served = x.served;
    row.no_show = x.no_show;
    row.average_wait_minutes = average(x.wait);
    row.median_wait_minutes = median(x.wait);
    row.average_service_minutes = average(x.service);
    row.median_service_minutes = median(x.service);
    v.rows.push_back(std::move(row));
  }
  std::sort(v.rows.begin(), v.rows.end(), [](const auto& a, const auto& b) {
    return a.counter_number != b.counter_number ? a.counter_number < b.counter_number
                                                : a.service_name < b.service_name;
  });
  return v;
}

}  // namespace motcua::app
