#include "store/file_blobs.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

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

StoredBlob put_blob(const std::string& dir, std::string_view bytes) {
  StoredBlob blob{sha256_hex(bytes), static_cast<std::int64_t>(bytes.size()), false};
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw StoreError("cannot create folder " + dir + ": " + ec.message());
  const std::string final_path = (fs::path(dir) / blob.sha256).string();
  struct stat existing {};
  if (::stat(final_path.c_str(), &existing) == 0 && existing.st_size == blob.size) return blob;

  const std::string temp_path = (fs::path(dir) / temporary_name(blob.sha256)).string();
  try {
    Fd fd(::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640));
    if (fd.get() < 0) throw io_error("cannot create", temp_path);
    write_all(fd.get(), bytes, temp_path);
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
  blob.created = true;
  return blob;
}

std::optional<std::string> read_blob(const std::string& dir, std::string_view sha256) {
  if (!is_sha256_hex(sha256)) return std::nullopt;
  const auto path = fs::path(dir) / std::string(sha256);
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw StoreError("cannot read " + path.string());
  return bytes;
}

}  // namespace motcua::store
