// A partner emulator (tools/emulators/<name>.py, on tools/emulators/partner.py) on loopback for the
// integration tests: the integrations' own test launcher (integrations/testing/python_emulator.hpp)
// named by emulator and optionally held to a port (a partner coming back where it was).
// Its /_control and /_received go over libcurl, not the test client, so they bypass the OpenAPI
// contract check (their answers are not MotCua's).
#pragma once

#include <string>

#include "integrations/testing/python_emulator.hpp"

namespace motcua::testing {

class PartnerProcess : public integrations::testing::PythonEmulator {
 public:
  // port 0: any free port. A later --port wins over the launcher's "--port 0".
  explicit PartnerProcess(const std::string& name, int port = 0)
      : PythonEmulator(MOTCUA_SOURCE_DIR, "tools/emulators/" + name + ".py",
                       {"--port", std::to_string(port)}) {}

  int port() const { return std::stoi(url().substr(url().rfind(':') + 1)); }
};

}  // namespace motcua::testing
