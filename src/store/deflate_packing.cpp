#include "store/deflate_packing.hpp"

#include <zlib.h>

namespace motcua::store {

namespace {

// Raw deflate: no zlib header nor Adler-32 (two and four bytes a value); a sealed value's AEAD tag
// or an event's chained hash already guards the bytes. Inflating takes the largest window, which
// reads a stream made with any smaller one.
constexpr int kRawWindow = -15;

// The smallest window that still holds the dictionary and the whole value, and a hash table sized
// to it. zlib's default (32 KB window, 64 Ki hash heads) allocates ~400 KB and clears 128 KB for
// every value; most values here are a few hundred bytes, so that was most of the writer's packing
// time. Nothing is lost: every match the large window could find lies within the small one.
struct DeflateShape {
  int window_bits;
  int mem_level;
};

DeflateShape shape_for(std::size_t span) {
  int bits = 9;  // raw deflate's smallest window
  while (bits < 15 && (std::size_t{1} << bits) < span) ++bits;
  return {bits, bits - 6};  // 2^(mem_level + 7) hash heads: twice the window's positions
}
// A form is a few kilobytes at most, a payload less; a stream inflating beyond this is not one.
constexpr std::size_t kMaxClear = 16 * 1024 * 1024;

}  // namespace

std::optional<std::string> deflate_with_dictionary(std::string_view clear, unsigned char version,
                                                   std::string_view dictionary, PackWhen when) {
  z_stream z{};
  const DeflateShape shape = shape_for(dictionary.size() + clear.size());
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -shape.window_bits, shape.mem_level,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()),
                       static_cast<uInt>(dictionary.size()));
  std::string out(1 + deflateBound(&z, static_cast<uLong>(clear.size())), '\0');
  out[0] = static_cast<char>(version);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(clear.data()));
  z.avail_in = static_cast<uInt>(clear.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data() + 1);
  z.avail_out = static_cast<uInt>(out.size() - 1);
  const int status = deflate(&z, Z_FINISH);
  const std::size_t size = 1 + z.total_out;
  deflateEnd(&z);
  if (status != Z_STREAM_END) return std::nullopt;
  if (when == PackWhen::smaller && size >= clear.size()) return std::nullopt;
  out.resize(size);
  return out;
}

std::optional<std::string> inflate_with_dictionary(std::string_view stream,
                                                   std::string_view dictionary) {
  z_stream z{};
  if (inflateInit2(&z, kRawWindow) != Z_OK) return std::nullopt;
  // A raw stream takes its dictionary before the first byte.
  inflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary.data()),
                       static_cast<uInt>(dictionary.size()));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stream.data()));
  z.avail_in = static_cast<uInt>(stream.size());
  std::string out;
  int status = Z_OK;
  while (status == Z_OK) {
    const std::size_t done = out.size();
    // Small values are the rule: a first buffer of a few times the stream, then doubling.
    out.resize(done == 0 ? 256 + 8 * stream.size() : 2 * done);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + done);
    z.avail_out = static_cast<uInt>(out.size() - done);
    status = inflate(&z, Z_FINISH);
    if (status == Z_BUF_ERROR && z.avail_out == 0) status = Z_OK;  // only room was missing
    out.resize(z.total_out);
    if (out.size() > kMaxClear) status = Z_DATA_ERROR;
  }
  inflateEnd(&z);
  if (status != Z_STREAM_END || z.avail_in != 0) return std::nullopt;
  return out;
}

}  // namespace motcua::store
