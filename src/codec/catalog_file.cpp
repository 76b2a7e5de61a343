#include "codec/catalog_file.hpp"

#include <zlib.h>

#include <utility>

namespace motcua::codec {

namespace {
constexpr std::size_t kChunk = 1 << 16;
constexpr std::size_t kMaxLine = std::size_t{64} << 20;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
}  // namespace

tl::expected<CatalogFileReader, std::string> CatalogFileReader::open(
    const std::filesystem::path& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return tl::unexpected("cannot open " + path.string());
  return CatalogFileReader(file, path.string());
}

CatalogFileReader::CatalogFileReader(gzFile_s* file, std::string name)
    : file_(file), name_(std::move(name)) {}

CatalogFileReader::CatalogFileReader(CatalogFileReader&& other) noexcept
    : file_(std::exchange(other.file_, nullptr)),
      name_(std::move(other.name_)),
      buffer_(std::move(other.buffer_)),
      start_(other.start_),
      line_(other.line_),
      end_(other.end_),
      error_(std::move(other.error_)) {}

CatalogFileReader& CatalogFileReader::operator=(CatalogFileReader&& other) noexcept {
  if (this != &other) {
    if (file_ != nullptr) gzclose(file_);
    file_ = std::exchange(other.file_, nullptr);
    name_ = std::move(other.name_);
    buffer_ = std::move(other.buffer_);
    start_ = other.start_;
    line_ = other.line_;
    end_ = other.end_;
    error_ = std::move(other.error_);
  }
  return *this;
}

CatalogFileReader::~CatalogFileReader() {
  if (file_ != nullptr) gzclose(file_);
}

bool CatalogFileReader::fill() {
  if (end_ || file_ == nullptr) return false;
  buffer_.erase(0, start_);
  start_ = 0;
  const std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + kChunk);
  const int n = gzread(file_, buffer_.data() + old_size, static_cast<unsigned>(kChunk));
  if (n < 0) {
    int code = Z_OK;
    error_ = name_ + ": " + gzerror(file_, &code);
    buffer_.resize(old_size);
    end_ = true;
    return false;
  }
  buffer_.resize(old_size + static_cast<std::size_t>(n));
  if (n == 0) {
    // gzread returns 0 both at a clean end and at a truncated gzip stream; only gzerror tells.
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    if (code != Z_OK && code != Z_STREAM_END) error_ = name_ + ": " + message;
    end_ = true;
    return false;
  }
  return true;
}

tl::expected<std::optional<CatalogLine>, std::string> CatalogFileReader::next() {
  std::size_t newline = buffer_.find('\n', start_);
  while (newline == std::string::npos) {
    if (buffer_.size() - start_ > kMaxLine) {
      return tl::unexpected(name_ + ": line " + std::to_string(line_ + 1) + " exceeds 64 MiB");
    }
    const std::size_t searched = buffer_.size() - start_;
    if (!fill()) break;
    newline = buffer_.find('\n', searched);  // start_ is 0 after fill()
  }
  if (!error_.empty()) return tl::unexpected(error_);
  if (newline == std::string::npos && start_ == buffer_.size()) return std::nullopt;
  const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
  CatalogLine line{++line_, buffer_.substr(start_, end - start_)};
  start_ = newline == std::string::npos ? buffer_.size() : newline + 1;
  if (!line.text.empty() && line.text.back() == '\r') line.text.pop_back();
  if (line.number == 1 && line.text.compare(0, kByteOrderMark.size(), kByteOrderMark) == 0) {
    line.text.erase(0, kByteOrderMark.size());
  }
  return line;
}

tl::expected<std::vector<CatalogLine>, std::string> read_catalog_file(
    const std::filesystem::path& path) {
  auto reader = CatalogFileReader::open(path);
  if (!reader) return tl::unexpected(reader.error());
  std::vector<CatalogLine> lines;
  while (true) {
    auto line = reader->next();
    if (!line) return tl::unexpected(line.error());
    if (!*line) return lines;
    lines.push_back(std::move(**line));
  }
}

tl::expected<ImportSummary, std::string> import_catalog_file(
    const std::filesystem::path& path,
    const std::function<void(const CatalogLineResult&)>& on_line) {
  auto reader = CatalogFileReader::open(path);
  if (!reader) return tl::unexpected(reader.error());
  CatalogImporter importer;
  while (true) {
    auto line = reader->next();
    if (!line) return tl::unexpected(line.error());
    if (!*line) return importer.summary();
    const auto result = importer.add_line((*line)->text, (*line)->number);
    if (result && on_line) on_line(*result);
  }
}

}  // namespace motcua::codec
