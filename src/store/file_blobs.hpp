// Content-addressed files for uploaded papers (giấy tờ đính kèm). Each file in the folder is named
// by the SHA-256 of its bytes (64 lowercase hex digits), so identical uploads share one file and a
// name always stands for the same content; rows in the database refer to files by that name.
//
// The file holds the paper sealed under the data key (store/data_keys.hpp, "motcua-sealed-file:"
// header); files from before sealing are clear and read as they are.
//
// A file is written to a temporary name in the same folder, flushed to disk (fsync), renamed into
// place and the folder flushed: after a crash the final name holds the whole file or nothing,
// never part of it. Temporary files a crash leaves behind start with '.' and end in ".tmp".
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::store {

struct StoredBlob {
  std::string sha256;  // the file's name in the folder
  std::int64_t size = 0;
  bool created = false;  // false: a file with this content was already there
};

// Stores `bytes` under `dir` (created if missing). Throws StoreError on any I/O failure, after
// removing its temporary file.
StoredBlob put_blob(const std::string& dir, std::string_view bytes);

// The bytes stored under `sha256`, or nullopt when there is no such file. A name that is not 64
// lowercase hex digits is refused (nullopt), so a caller can never be steered out of the folder.
std::optional<std::string> read_blob(const std::string& dir, std::string_view sha256);

bool is_sha256_hex(std::string_view text);

// Removes the file `sha256` of `dir` unless it was written or found by an upload within `idle`
// (put_blob touches a file it finds). The caller has checked that no row names it
// (store/blob_references.hpp); the age check covers an upload whose row is not committed yet.
// Returns whether it removed the file.
bool remove_blob_if_idle(const std::string& dir, const std::string& sha256,
                         std::chrono::seconds idle);

// The content names (64 hex digits) of every file in `dir`; none when it does not exist.
std::vector<std::string> list_blobs(const std::string& dir);

// What a crash left in `dir`: a file moved aside by remove_blob_if_idle and not yet removed or put
// back is put back (the row naming it may have committed; the next sweep decides again), and a
// temporary file of put_blob older than `idle` is removed. Returns how many of each.
struct CrashLeftovers {
  std::int64_t put_back = 0;
  std::int64_t temporaries_removed = 0;
};
CrashLeftovers tidy_crash_leftovers(const std::string& dir, std::chrono::seconds idle);

// Seals every file of `dir` that is clear or under a key other than the current one (rotate-key);
// returns how many it rewrote. A file whose clear bytes do not match its name stops it
// (StoreError): it is reported, never re-sealed as something else.
std::int64_t reseal_blobs(const std::string& dir);

}  // namespace motcua::store
