// The names of the clock's enums as they appear in JSON input and output.
#include "domain/clock/legal_clock.hpp"
#include "domain/common/enum_names.hpp"

namespace motcua::clock {

namespace {

constexpr detail::NameTable<Channel, 3> kChannels{{
    {Channel::counter, "counter"},
    {Channel::online, "online"},
    {Channel::post, "post"},
}};

constexpr detail::NameTable<ClockEventType, 9> kEventTypes{{
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

constexpr detail::NameTable<ClockFlag, 5> kFlags{{
    {ClockFlag::transfer_late, "transfer_late"},
    {ClockFlag::supplement_request_late, "supplement_request_late"},
    {ClockFlag::second_supplement, "second_supplement"},
    {ClockFlag::apology_late, "apology_late"},
    {ClockFlag::extension_rejected, "extension_rejected"},
}};

constexpr detail::NameTable<StepResult, 3> kStepResults{{
    {StepResult::early, "early"},
    {StepResult::on_time, "on_time"},
    {StepResult::late, "late"},
}};

constexpr detail::NameTable<PauseReason, 2> kPauseReasons{{
    {PauseReason::supplement, "supplement"},
    {PauseReason::payment, "payment"},
}};

}  // namespace

std::string_view to_string(Channel c) { return detail::name_in(kChannels, c); }
std::optional<Channel> parse_channel(std::string_view text) {
  return detail::value_in(kChannels, text);
}
std::string_view to_string(ClockEventType t) { return detail::name_in(kEventTypes, t); }
std::optional<ClockEventType> parse_clock_event_type(std::string_view text) {
  return detail::value_in(kEventTypes, text);
}
std::string_view to_string(ClockFlag f) { return detail::name_in(kFlags, f); }
std::string_view to_string(StepResult r) { return detail::name_in(kStepResults, r); }
std::string_view to_string(PauseReason r) { return detail::name_in(kPauseReasons, r); }

}  // namespace motcua::clock
