// Parsed process definitions, keyed by their stored JSON text (app/common/text_keyed_cache.hpp):
// a stored process version never changes (a save adds a version), and an entry keyed by the text
// can never be stale. Every dossier command and every dossier view read the dossier's process;
// parsing its JSON each time was a quarter of a command's work on the writer thread
// (docs/performance.md, "CPU per state change").
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "domain/process/process.hpp"

namespace motcua::app {

using ProcessParse = std::function<process::ProcessDefinition(const std::string& document)>;

// The definition parsed from `document`: from the cache, else by `parse` (whose exception, for an
// unreadable document, passes through and caches nothing). Thread-safe: the writer and the
// readers share the cache.
std::shared_ptr<const process::ProcessDefinition> cached_process(const std::string& document,
                                                                 const ProcessParse& parse);

// How many documents the cache holds now (tests).
std::size_t cached_process_count();

}  // namespace motcua::app
