// The order in which a counter serves the hall's queue: people of a priority group (the elderly,
// people with disabilities, pregnant women...; the groups are data, not code) before everyone
// else, and within each of the two, the order of arrival, which is the order of the day's numbers.
// Decree 61/2018 as amended by Decree 107/2021 (priority at the one-stop counter); docs/rules.md
// section "Counter queue".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::queue {

struct WaitingTicket {
  std::int64_t number = 0;  // the day's number at the unit, in the order taken
  bool priority = false;    // the holder belongs to a priority group
};

// True when `a` is called before `b`.
bool served_before(const WaitingTicket& a, const WaitingTicket& b);

// The index of the ticket to call next, nullopt when none waits.
std::optional<std::size_t> next_ticket(const std::vector<WaitingTicket>& waiting);

// "0123": four digits, as printed on the ticket and shown on the display (more when needed).
std::string ticket_label(std::int64_t number);

// What the hall display shows and a screen reader or speech synthesis reads out:
// "Mời số 0123 đến quầy số 2".
std::string call_text_vi(std::int64_t number, std::int64_t counter_number);
std::string call_text_en(std::int64_t number, std::int64_t counter_number);

}  // namespace motcua::queue
