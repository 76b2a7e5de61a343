// The names of the clock's enums as they appear in JSON input and output.
#include <array>
#include <utility>

#include "domain/clock/legal_clock.hpp"

namespace motcua::clock {

namespace {

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "unknown";
}

template <typename E, std::size_t N>
std::optional<E> parse_name(const std::array<std::pair<E, std::string_view>, N>& names,
                            std::string_view text) {
  for (const auto& [v, name] : names) {
    if (name == text) return v;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<Channel, std::string_view>, 3> kChannels{{
    {Channel::counter, "counter"},
    {Channel::online, "online"},
    {Channel::post, "post"},
}};

constexpr std::array<std::pair<ClockEventType, std::string_view>, 9> kEventTypes{{
    {ClockEventType::received, "received"},
    {ClockEventType::transferred, "transferred"},
    {ClockEventType::supplement_requested, "supplement_requested"},
    {ClockEventType::supplement_completed, "supplement_completed"},
    {ClockEventType::payment_requested, "payment_requested"},
    {ClockEventType::payment_completed, "payment_completed"},
    {ClockEventType::apology, "apology"},
    {ClockEventType::step_started, "step_started"},
    {ClockEventType::finished, "finished"},
}};

constexpr std::array<std::pair<ClockFlag, std::string_view>, 5> kFlags{{
    {ClockFlag::transfer_late, "transfer_late"},
    {ClockFlag::supplement_request_late, "supplement_request_late"},
    {ClockFlag::second_supplement, "second_supplement"},
    {ClockFlag::apology_late, "apology_late"},
    {ClockFlag::extension_rejected, "extension_rejected"},
}};

constexpr std::array<std::pair<StepResult, std::string_view>, 3> kStepResults{{
    {StepResult::early, "early"},
    {StepResult::on_time, "on_time"},
    {StepResult::late, "late"},
}};

constexpr std::array<std::pair<PauseReason, std::string_view>, 2> kPauseReasons{{
    {PauseReason::supplement, "supplement"},
    {PauseReason::payment, "payment"},
}};

}  // namespace

std::string_view to_string(Channel c) { return name_of(kChannels, c); }
std::optional<Channel> parse_channel(std::string_view text) { return parse_name(kChannels, text); }
std::string_view to_string(ClockEventType t) { return name_of(kEventTypes, t); }
std::optional<ClockEventType> parse_clock_event_type(std::string_view text) {
  return parse_name(kEventTypes, text);
}
std::string_view to_string(ClockFlag f) { return name_of(kFlags, f); }
std::string_view to_string(StepResult r) { return name_of(kStepResults, r); }
std::string_view to_string(PauseReason r) { return name_of(kPauseReasons, r); }

}  // namespace motcua::clock
