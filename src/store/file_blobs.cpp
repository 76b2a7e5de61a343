#include "store/file_blobs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/data_keys.hpp"
#include "store/hashing.hpp"
#include "store/sql.hpp"

namespace motcua::store {

namespace fs = std::filesystem;

namespace {

StoreError io_error(const std::string& what, const std::string& path) {
  return StoreError(what + " " + path + ": " + std::strerror(errno));
}

// Owns a file descriptor; closes it on every path out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // Closes now, reporting the error: close() can be where a delayed write error shows up.
  int release_and_close() {
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc;
  }

 private:
  int fd_;
};

void write_all(int fd, std::string_view bytes, const std::string& path) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw io_error("cannot write", path);
    }
    written += static_cast<std::size_t>(n);
  }
}

// Makes the rename itself durable: the new directory entry is only on disk once the folder is.
void sync_folder(const std::string& dir) {
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (fd.get() < 0) throw io_error("cannot open folder", dir);
  if (::fsync(fd.get()) != 0) throw io_error("cannot sync folder", dir);
}

std::string temporary_name(const std::string& sha256) {
  static std::atomic<std::uint64_t> counter{0};
  return "." + sha256 + "." + std::to_string(::getpid()) + "." +
         std::to_string(counter.fetch_add(1)) + ".tmp";
}

}  // namespace

bool is_sha256_hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (const char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

namespace {

// Writes `contents` at `final_path` through a temporary file, flushed and renamed into place.
void write_atomically(const std::string& dir, const std::string& sha256,
                      const std::string& final_path, std::string_view contents) {
  const std::string temp_path = (fs::path(dir) / temporary_name(sha256)).string();
  try {
    Fd fd(::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
    if (fd.get() < 0) throw io_error("cannot create", temp_path);
    write_all(fd.get(), contents, temp_path);
    if (::fsync(fd.get()) != 0) throw io_error("cannot sync", temp_path);
    if (fd.release_and_close() != 0) throw io_error("cannot close", temp_path);
    if (::rename(temp_path.c_str(), final_path.c_str()) != 0) {
      throw io_error("cannot rename into", final_path);
    }
  } catch (...) {
    ::unlink(temp_path.c_str());
    throw;
  }
  sync_folder(dir);
}

std::optional<std::string> read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw StoreError("cannot read " + path.string());
  return bytes;
}

// Whether this process can read the file: stored clear (before sealing) or sealed under a key of
// its key file. A file sealed under a key it lacks (a folder shared with another installation, a
// key file replaced) is written again rather than handed out as if it could be read.
bool opens_with_our_keys(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(96, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (!DataKeys::is_sealed_file(head)) return true;
  const std::string id = DataKeys::key_id_of_file(head);
  for (const auto& k : data_keys().keys())
    if (k.id == id) return true;
  return false;
}

// What a paper is sealed bound to: its name (the SHA-256 of the clear paper). A sealed file moved
// to another name does not open there.
std::string file_context(std::string_view sha256) { return "uploads|" + std::string(sha256); }

}  // namespace

StoredBlob put_blob(const std::string& dir, std::string_view bytes) {
  StoredBlob blob{sha256_hex(bytes), static_cast<std::int64_t>(bytes.size()), false};
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw StoreError("cannot create folder " + dir + ": " + ec.message());
  const std::string final_path = (fs::path(dir) / blob.sha256).string();
  // The paper is sealed under the data key (store/data_keys.hpp): a copy of the folder alone shows
  // no citizen's papers. Same content, same name: the file is written once.
  const std::string sealed = data_keys().encrypt_file(bytes, file_context(blob.sha256));
  struct stat existing {};
  if (::stat(final_path.c_str(), &existing) == 0 &&
      (existing.st_size == static_cast<off_t>(sealed.size()) || existing.st_size == blob.size) &&
      opens_with_our_keys(final_path) &&
      // Touched: the sweep (remove_blob_if_idle) leaves a file used in the last hour alone. If the
      // sweep took it meanwhile, the touch fails and the file is written again.
      ::utimensat(AT_FDCWD, final_path.c_str(), nullptr, 0) == 0) {
    return blob;
  }
  write_atomically(dir, blob.sha256, final_path, sealed);
  blob.created = true;
  return blob;
}

std::optional<std::string> read_blob(const std::string& dir, std::string_view sha256) {
  if (!is_sha256_hex(sha256)) return std::nullopt;
  auto stored = read_whole(fs::path(dir) / std::string(sha256));
  if (!stored) return std::nullopt;
  // A file stored before papers were sealed is read as it is; `motcua rotate-key` seals it.
  if (!DataKeys::is_sealed_file(*stored)) return stored;
  return data_keys().decrypt_file(*stored, file_context(sha256));
}

bool remove_blob_if_idle(const std::string& dir, const std::string& sha256,
                         std::chrono::seconds idle) {
  if (!is_sha256_hex(sha256)) return false;
  const std::string path = (fs::path(dir) / sha256).string();
  const std::string aside = (fs::path(dir) / ("." + sha256 + ".sweep")).string();
  // Moved aside first: an upload of the same content from now on finds no file and writes its
  // own; one that found the file just before has touched it, which the age check below sees.
  if (::rename(path.c_str(), aside.c_str()) != 0) {
    if (errno == ENOENT) return false;
    throw io_error("cannot move aside", path);
  }
  struct stat st {};
  if (::stat(aside.c_str(), &st) != 0) throw io_error("cannot read", aside);
  const auto age =
      std::chrono::system_clock::now() - std::chrono::system_clock::from_time_t(st.st_mtim.tv_sec);
  if (age < idle) {
    // Used lately: back in place, unless an upload wrote the same content there meanwhile.
    if (::link(aside.c_str(), path.c_str()) != 0 && errno != EEXIST) {
      throw io_error("cannot put back", path);
    }
    ::unlink(aside.c_str());
    return false;
  }
  if (::unlink(aside.c_str()) != 0) throw io_error("cannot remove", aside);
  sync_folder(dir);
  return true;
}

std::vector<std::string> list_blobs(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && is_sha256_hex(name)) out.push_back(std::move(name));
  }
  return out;
}

CrashLeftovers tidy_crash_leftovers(const std::string& dir, std::chrono::seconds idle) {
  CrashLeftovers tidied;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return tidied;
  const auto now = fs::file_time_type::clock::now();
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.empty() || name[0] != '.') continue;
    constexpr std::string_view kAside = ".sweep";
    constexpr std::string_view kTemporary = ".tmp";
    if (name.size() == 1 + 64 + kAside.size() && name.ends_with(kAside) &&
        is_sha256_hex(std::string_view(name).substr(1, 64))) {
      const auto path = fs::path(dir) / name.substr(1, 64);
      // Another upload of the same content may have written the name again: that copy stands.
      if (::link(entry.path().c_str(), path.c_str()) != 0 && errno != EEXIST) {
        throw io_error("cannot put back", path.string());
      }
      if (::unlink(entry.path().c_str()) != 0)
        throw io_error("cannot remove", entry.path().string());
      ++tidied.put_back;
    } else if (name.ends_with(kTemporary) && now - entry.last_write_time() >= idle) {
      if (::unlink(entry.path().c_str()) != 0 && errno != ENOENT) {
        throw io_error("cannot remove", entry.path().string());
      }
      ++tidied.temporaries_removed;
    }
  }
  if (tidied.put_back + tidied.temporaries_removed > 0) sync_folder(dir);
  return tidied;
}

std::int64_t reseal_blobs(const std::string& dir) {
  std::int64_t changed = 0;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  const auto& keys = data_keys();
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || !is_sha256_hex(name)) continue;
    const auto stored = read_whole(entry.path());
    // Done when bound to its name under the current key; an older unbound file is sealed again.
    if (!stored || (DataKeys::is_bound_file(*stored) &&
                    DataKeys::key_id_of_file(*stored) == keys.current_id())) {
      continue;
    }
    const std::string clear = DataKeys::is_sealed_file(*stored)
                                  ? keys.decrypt_file(*stored, file_context(name))
                                  : *stored;
    if (sha256_hex(clear) != name) {
      throw StoreError("upload " + entry.path().string() + " does not match its name");
    }
    write_atomically(dir, name, entry.path().string(),
                     keys.encrypt_file(clear, file_context(name)));
    ++changed;
  }
  return changed;
}

}  // namespace motcua::store
