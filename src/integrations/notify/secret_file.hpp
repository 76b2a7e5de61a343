// Secrets of the partner connections (SMS gateway secret, Zalo access token) live in files the
// operator protects, never on the command line (visible in `ps`) or in the repository. The file is
// read at every attempt, so a rotated secret or a refreshed token is taken without a restart.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace motcua::integrations {

// The file's content without surrounding white space (an editor's final newline); nullopt when it
// cannot be read or is empty.
std::optional<std::string> read_secret_file(const std::filesystem::path& file);

// A whole text file (data files), or nullopt when it cannot be read.
std::optional<std::string> read_text_file(const std::filesystem::path& file);

}  // namespace motcua::integrations
