// The checklist of papers handed over at the counter (originals and copies), kept in the audit log
// entry of the counter intake as {"papers": [{name, originals, copies}]}.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace motcua::codec {

struct ReceivedPaper {
  std::string name;
  std::int64_t originals = 0;
  std::int64_t copies = 0;
};

std::string received_papers_to_text(const std::vector<ReceivedPaper>& papers);
// nullopt when the text is not such a record.
std::optional<std::vector<ReceivedPaper>> received_papers_from_text(const std::string& text);

}  // namespace motcua::codec
