// The demo's dossiers: each one lives a plausible life (online or counter intake, review, perhaps a
// supplement request, a fee, an apology, a withdrawal) through the real use cases, on a simulated
// clock that never passes the present, so recent dossiers are still open, some overdue.
#pragma once

#include <random>

#include "codec/demo_config.hpp"
#include "demo/demo.hpp"

namespace motcua::app::demo {

tl::expected<void, std::string> create_dossiers(store::Store& store,
                                                const calendar::WorkingCalendar& cal,
                                                const codec::DemoConfig& config, Instant now,
                                                const DemoOptions& options, DemoOutcome& out);

}  // namespace motcua::app::demo
