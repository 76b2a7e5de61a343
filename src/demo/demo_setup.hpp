// The static part of the demo: agencies, one-stop units, catalog, local terms, processes, people.
#pragma once

#include "codec/demo_config.hpp"
#include "demo/demo.hpp"
#include "domain/process/process.hpp"

namespace motcua::app::demo {

tl::expected<void, std::string> set_up_agencies(store::Store& store,
                                                const codec::DemoConfig& config,
                                                const std::filesystem::path& data_dir,
                                                DemoOutcome& out);
tl::expected<void, std::string> set_up_catalog(store::Store& store, const codec::DemoConfig& config,
                                               const DemoOptions& options, const std::string& today,
                                               DemoOutcome& out);
tl::expected<void, std::string> set_up_people(store::Store& store, const codec::DemoConfig& config,
                                              DemoOutcome& out);

}  // namespace motcua::app::demo
