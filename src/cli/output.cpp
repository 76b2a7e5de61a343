#include <boost/json.hpp>
#include <iostream>

#include "cli/command.hpp"

namespace motcua::cli {

int print_json(const boost::json::value& doc) {
  std::cout << boost::json::serialize(doc) << "\n";
  return std::cout.good() ? kExitOk : kExitFailure;
}

int bad_input(const std::string& message) {
  std::cerr << "motcua: " << message << "\n";
  return kExitBadInput;
}

}  // namespace motcua::cli
