#include "domain/queue/ticket_order.hpp"

#include <algorithm>
#include <cstdio>

namespace motcua::queue {

bool served_before(const WaitingTicket& a, const WaitingTicket& b) {
  if (a.priority != b.priority) return a.priority;
  return a.number < b.number;
}

std::optional<std::size_t> next_ticket(const std::vector<WaitingTicket>& waiting) {
  if (waiting.empty()) return std::nullopt;
  const auto it = std::min_element(waiting.begin(), waiting.end(), served_before);
  return static_cast<std::size_t>(it - waiting.begin());
}

std::string ticket_label(std::int64_t number) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(number));
  return buf;
}

std::string call_text_vi(std::int64_t number, std::int64_t counter_number) {
  return "Mời số " + ticket_label(number) + " đến quầy số " + std::to_string(counter_number);
}

std::string call_text_en(std::int64_t number, std::int64_t counter_number) {
  return "Number " + ticket_label(number) + ", please go to counter " +
         std::to_string(counter_number);
}

}  // namespace motcua::queue
