// A priority group of the hall's queue, as data/templates/queue-priority-groups.json lists it.
#pragma once

#include <string>

namespace motcua::queue {

struct PriorityGroup {
  std::string code;  // stable: stored on tickets
  std::string name_vi;
  std::string name_en;
};

}  // namespace motcua::queue
