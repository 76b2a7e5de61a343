// Mapping a request path onto a file under the static root without ever leaving it.
//
// Two independent fences: the request path is refused outright if any decoded segment could move
// (".", "..", an encoded '/' or '\', NUL or another control character, an empty segment), and the
// resolved file must still lie inside the canonical root after every symlink is followed, so a
// link pointing out of the root is refused as well.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::http {

struct StaticPath {
  enum class Verdict {
    ok,
    invalid,  // traversal, bad escape, control character: a 400
    hidden,   // a segment starting with '.' (.git, .env): served as not found
  };
  Verdict verdict = Verdict::invalid;
  std::filesystem::path relative;  // "assets/index-4f3a.js"; empty for "/"
  bool directory = false;          // the path ended with '/'
  std::string last_segment;        // decoded, "" for a directory
};

// From the percent-encoded request path ("/assets/a%20b.js").
StaticPath static_path(std::string_view encoded_path);

// `root` / `relative` with symlinks resolved, if that is a regular file inside `canonical_root`
// (itself canonical); nullopt otherwise.
std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& canonical_root,
                                                    const std::filesystem::path& relative);

}  // namespace motcua::http
