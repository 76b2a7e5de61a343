#include "app/admin/process_parse_cache.hpp"

#include "app/common/text_keyed_cache.hpp"

namespace motcua::app {

namespace {

// Processes are a few per procedure and agency (a province has tens, versions included).
TextKeyedCache<process::ProcessDefinition>& cache() {
  static TextKeyedCache<process::ProcessDefinition> c(1024);
  return c;
}

}  // namespace

std::shared_ptr<const process::ProcessDefinition> cached_process(const std::string& document,
                                                                 const ProcessParse& parse) {
  return cache().get(document, parse);
}

std::size_t cached_process_count() { return cache().size(); }

}  // namespace motcua::app
