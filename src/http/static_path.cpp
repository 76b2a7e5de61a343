#include "http/static_path.hpp"

#include <algorithm>
#include <system_error>

#include "http/request_target.hpp"

namespace motcua::http {
namespace {

bool unsafe_segment(std::string_view s) {
  if (s == "." || s == "..") return true;
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return c == '/' || c == '\\' || u < 0x20 || u == 0x7f;
  });
}

}  // namespace

StaticPath static_path(std::string_view encoded_path) {
  StaticPath out;
  const auto segments = decode_segments(encoded_path);
  if (!segments) return out;  // invalid

  for (std::size_t i = 0; i < segments->size(); ++i) {
    const std::string& segment = (*segments)[i];
    const bool last = i + 1 == segments->size();
    if (segment.empty()) {
      if (!last) return out;  // "//": no file system meaning we want to guess at
      out.directory = true;
      continue;
    }
    if (unsafe_segment(segment)) return out;
    if (segment.front() == '.') {
      out.verdict = StaticPath::Verdict::hidden;
      return out;
    }
    out.relative /= segment;
    if (last) out.last_segment = segment;
  }
  out.verdict = StaticPath::Verdict::ok;
  return out;
}

std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& canonical_root,
                                                    const std::filesystem::path& relative) {
  std::error_code ec;
  const auto resolved = std::filesystem::canonical(canonical_root / relative, ec);
  if (ec) return std::nullopt;
  // Inside means the root's components are a prefix of the resolved path's components.
  const auto [root_end, _] =
      std::mismatch(canonical_root.begin(), canonical_root.end(), resolved.begin(), resolved.end());
  if (root_end != canonical_root.end()) return std::nullopt;
  if (!std::filesystem::is_regular_file(resolved, ec) || ec) return std::nullopt;
  return resolved;
}

}  // namespace motcua::http
