#include "store/data_keys.hpp"

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "store/document_packing.hpp"
#include "store/open_store.hpp"

namespace motcua::store {

namespace {

// enc1: secretbox, bound to nothing (values written before enc2; still read, never written).
// enc2: XChaCha20-Poly1305 with the place the value belongs to as associated data.
constexpr std::string_view kUnboundPrefix = "enc1:";
constexpr std::string_view kBoundPrefix = "enc2:";
constexpr std::string_view kFileHeader = "motcua-data-keys v1";
constexpr std::string_view kSealedFilePrefix = "motcua-sealed-file:";
constexpr std::string_view kBoundFilePrefix = "motcua-sealed-file2:";
// The first byte of a binary sealed value: never 'e', so that a text form "enc1:"/"enc2:" kept in
// a binary column (PostgreSQL's column converted by migration 0064) is told apart. 0x01: the box
// holds the value; 0x02: it holds the value packed (store/document_packing.hpp), and the
// associated data says so too (kPackedContext), so that flipping the byte does not open.
constexpr unsigned char kBinarySealed = 0x01;
constexpr unsigned char kBinaryPacked = 0x02;
constexpr std::string_view kPackedContext = "|packed";
// decrypt() strips either value prefix by the same length.
static_assert(kUnboundPrefix.size() == kBoundPrefix.size());
// crypto_kdf context: eight bytes naming what the subkeys are for.
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "MotCuaPI";
constexpr std::uint64_t kSealSubkey = 1;
constexpr std::uint64_t kHashSubkey = 2;
// The AEAD of enc2 gets its own subkey: one key is never used with two ciphers.
constexpr std::uint64_t kAeadSubkey = 3;
constexpr std::size_t kAeadNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kAeadTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
static_assert(kAeadNonce == crypto_secretbox_NONCEBYTES && kAeadTag == crypto_secretbox_MACBYTES,
              "enc2 values are as long as enc1 values");

using Subkey = std::array<unsigned char, 32>;

// The encryption and hash keys are derived, so a leaked hash key (it is used on every lookup)
// opens no ciphertext.
Subkey derive(const DataKey& key, std::uint64_t which) {
  Subkey out{};
  crypto_kdf_derive_from_key(out.data(), out.size(), which, kKdfContext, key.secret.data());
  return out;
}

std::string to_base64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

std::vector<unsigned char> from_base64(std::string_view text) {
  std::vector<unsigned char> out(text.size());
  std::size_t len = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw DataKeyError("data key: not base64");
  }
  out.resize(len);
  return out;
}

std::string hash_under(const DataKey& key, std::string_view clear) {
  const Subkey hk = derive(key, kHashSubkey);
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(clear.data()), clear.size(), hk.data(),
                     hk.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

// nonce || ciphertext || tag of `clear` under `key`, bound to `context`, written at `out`.
void aead_seal(unsigned char* out, std::string_view clear, std::string_view context,
               const DataKey& key) {
  const Subkey ak = derive(key, kAeadSubkey);
  randombytes_buf(out, kAeadNonce);
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out + kAeadNonce, nullptr, reinterpret_cast<const unsigned char*>(clear.data()), clear.size(),
      reinterpret_cast<const unsigned char*>(context.data()), context.size(), nullptr, out,
      ak.data());
}

// The clear bytes of nonce || ciphertext || tag; false when it does not authenticate under
// `key` and `context` (tampered, or sealed for another place).
bool aead_open(std::string& clear, const unsigned char* box, std::size_t size,
               std::string_view context, const DataKey& key) {
  const Subkey ak = derive(key, kAeadSubkey);
  clear.assign(size - kAeadNonce - kAeadTag, '\0');
  return crypto_aead_xchacha20poly1305_ietf_decrypt(
             reinterpret_cast<unsigned char*>(clear.data()), nullptr, nullptr, box + kAeadNonce,
             size - kAeadNonce, reinterpret_cast<const unsigned char*>(context.data()),
             context.size(), box, ak.data()) == 0;
}

std::mutex installed_mutex;
std::shared_ptr<const DataKeys> installed;
std::atomic<bool> installed_explicitly{false};

void ensure_sodium() {
  if (sodium_init() < 0) throw DataKeyError("libsodium failed to initialise");
}

}  // namespace

DataKeys::DataKeys(std::vector<DataKey> keys) : keys_(std::move(keys)) {
  if (keys_.empty()) throw DataKeyError("data key file holds no key");
}

DataKey DataKeys::generate() {
  ensure_sodium();
  DataKey key;
  crypto_kdf_keygen(key.secret.data());
  std::array<unsigned char, 4> id{};
  randombytes_buf(id.data(), id.size());
  std::string hex(id.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), id.data(), id.size());
  hex.pop_back();
  key.id = "k" + hex;
  return key;
}

DataKeys DataKeys::read_file(const std::string& path) {
  ensure_sodium();
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw DataKeyError("data key file " + path + " is missing");
  // As the anchor key: a key others can read is no longer a secret kept apart from the database.
  if ((st.st_mode & 077) != 0) {
    throw DataKeyError("data key file " + path + " is readable by others: chmod 600 it");
  }
  std::ifstream in(path);
  if (!in) throw DataKeyError("data key file " + path + " cannot be read");
  std::string line;
  if (!std::getline(in, line) || line != kFileHeader) {
    throw DataKeyError("data key file " + path + " is not a MotCua key file");
  }
  std::vector<DataKey> keys;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    std::string id;
    std::string secret;
    fields >> id >> secret;
    const auto bytes = from_base64(secret);
    if (id.empty() || bytes.size() != 32) {
      throw DataKeyError("data key file " + path + " has a malformed key line");
    }
    DataKey key;
    key.id = id;
    std::copy(bytes.begin(), bytes.end(), key.secret.begin());
    keys.push_back(key);
  }
  return DataKeys(std::move(keys));
}

void DataKeys::write_temporary(const std::string& temporary) const {
  std::filesystem::remove(temporary);
  {
    // Created 0600 before any secret is written into it.
    const mode_t old_mask = ::umask(077);
    std::ofstream out(temporary, std::ios::trunc);
    ::umask(old_mask);
    if (!out) throw DataKeyError("data key file " + temporary + " cannot be written");
    out << kFileHeader << "\n";
    for (const auto& k : keys_) out << k.id << " " << to_base64(k.secret.data(), 32) << "\n";
    out.flush();
    if (!out) throw DataKeyError("data key file " + temporary + " cannot be written");
  }
  std::filesystem::permissions(
      temporary, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

void DataKeys::write_file(const std::string& path) const {
  const std::string temporary = path + ".new";
  write_temporary(temporary);
  std::filesystem::rename(temporary, path);
}

bool DataKeys::write_file_if_absent(const std::string& path) const {
  const std::string temporary = path + ".new." + std::to_string(::getpid());
  write_temporary(temporary);
  // link() never replaces: of two processes creating the same key file, exactly one wins.
  const int linked = ::link(temporary.c_str(), path.c_str());
  const int error = errno;
  std::filesystem::remove(temporary);
  if (linked == 0) return true;
  if (error == EEXIST) return false;
  throw DataKeyError("data key file " + path + " cannot be written");
}

const DataKey* DataKeys::find(std::string_view id) const {
  for (const auto& k : keys_) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

std::string DataKeys::encrypt(std::string_view clear, std::string_view context) const {
  if (clear.empty()) return {};
  const DataKey& key = keys_.front();
  std::vector<unsigned char> box(kAeadNonce + clear.size() + kAeadTag);
  aead_seal(box.data(), clear, context, key);
  return std::string(kBoundPrefix) + key.id + ":" + to_base64(box.data(), box.size());
}

std::string DataKeys::encrypt_unbound(std::string_view clear) const {
  if (clear.empty()) return {};
  const DataKey& key = keys_.front();
  const Subkey sk = derive(key, kSealSubkey);
  std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                 clear.size());
  randombytes_buf(box.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(box.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(clear.data()), clear.size(),
                        box.data(), sk.data());
  return std::string(kUnboundPrefix) + key.id + ":" + to_base64(box.data(), box.size());
}

std::string DataKeys::encrypt_file(std::string_view clear, std::string_view context) const {
  const DataKey& key = keys_.front();
  const std::string head = std::string(kBoundFilePrefix) + key.id + ":";
  std::string out(head.size() + kAeadNonce + clear.size() + kAeadTag, '\0');
  std::copy(head.begin(), head.end(), out.begin());
  aead_seal(reinterpret_cast<unsigned char*>(out.data() + head.size()), clear, context, key);
  return out;
}

std::string DataKeys::encrypt_file_unbound(std::string_view clear) const {
  const DataKey& key = keys_.front();
  const Subkey sk = derive(key, kSealSubkey);
  const std::string head = std::string(kSealedFilePrefix) + key.id + ":";
  std::string out(
      head.size() + crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + clear.size(), '\0');
  std::copy(head.begin(), head.end(), out.begin());
  auto* nonce = reinterpret_cast<unsigned char*>(out.data() + head.size());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(clear.data()), clear.size(), nonce,
                        sk.data());
  return out;
}

namespace {

// The head of a binary value under the key `id`: format byte, id length, id.
std::string binary_head(std::string_view id, unsigned char format = kBinarySealed) {
  if (id.empty() || id.size() > 255) throw DataKeyError("data key: key id unfit for binary form");
  std::string head;
  head.reserve(2 + id.size());
  head += static_cast<char>(format);
  head += static_cast<char>(static_cast<unsigned char>(id.size()));
  head.append(id);
  return head;
}

}  // namespace

std::string DataKeys::encrypt_binary(std::string_view clear, std::string_view context,
                                     bool pack_as_document) const {
  if (clear.empty()) return {};
  const DataKey& key = keys_.front();
  // Packed only when that is smaller: the format byte says which.
  const auto packed = pack_as_document ? pack_document(clear) : std::nullopt;
  std::string ad(context);
  if (packed) {
    clear = *packed;
    ad.append(kPackedContext);
  }
  std::string out = binary_head(key.id, packed ? kBinaryPacked : kBinarySealed);
  const std::size_t head = out.size();
  out.resize(head + kAeadNonce + clear.size() + kAeadTag);
  aead_seal(reinterpret_cast<unsigned char*>(out.data() + head), clear, ad, key);
  return out;
}

std::string DataKeys::binary_key_head() const { return binary_head(keys_.front().id).substr(1); }

bool DataKeys::is_binary(std::string_view stored) {
  return stored.size() >= 2 &&
         (static_cast<unsigned char>(stored[0]) == kBinarySealed ||
          static_cast<unsigned char>(stored[0]) == kBinaryPacked) &&
         stored.size() >= std::size_t{2} + static_cast<unsigned char>(stored[1]);
}

std::string DataKeys::key_id_of_binary(std::string_view sealed) {
  if (!is_binary(sealed)) return {};
  return std::string(sealed.substr(2, static_cast<unsigned char>(sealed[1])));
}

std::string DataKeys::decrypt_binary(std::string_view sealed, std::string_view context) const {
  if (sealed.empty()) return {};
  if (!is_binary(sealed)) throw DataKeyError("personal data: not a binary sealed value");
  const std::string id = key_id_of_binary(sealed);
  const DataKey* key = find(id);
  if (key == nullptr) {
    throw DataKeyError("personal data sealed under key " + id + ", which is not in the key file");
  }
  const bool packed = static_cast<unsigned char>(sealed[0]) == kBinaryPacked;
  sealed.remove_prefix(2 + id.size());
  if (sealed.size() < kAeadNonce + kAeadTag) {
    throw DataKeyError("personal data: ciphertext too short");
  }
  std::string ad(context);
  if (packed) ad.append(kPackedContext);
  std::string clear;
  if (!aead_open(clear, reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size(), ad,
                 *key)) {
    throw DataKeyError(
        "personal data: ciphertext does not authenticate for this row (tampered, or copied from "
        "another row?)");
  }
  return packed ? unpack_document(clear) : clear;
}

std::string DataKeys::binary_of_bound_text(std::string_view sealed) {
  if (!sealed.starts_with(kBoundPrefix)) return {};
  sealed.remove_prefix(kBoundPrefix.size());
  const auto colon = sealed.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 255) return {};
  std::vector<unsigned char> box;
  try {
    box = from_base64(sealed.substr(colon + 1));
  } catch (const DataKeyError&) {
    return {};
  }
  if (box.size() < kAeadNonce + kAeadTag) return {};
  std::string out = binary_head(sealed.substr(0, colon));
  out.append(reinterpret_cast<const char*>(box.data()), box.size());
  return out;
}

bool DataKeys::is_sealed_file(std::string_view stored) {
  return stored.starts_with(kSealedFilePrefix) || stored.starts_with(kBoundFilePrefix);
}

bool DataKeys::is_bound_file(std::string_view stored) {
  return stored.starts_with(kBoundFilePrefix);
}

std::string DataKeys::key_id_of_file(std::string_view stored) {
  if (stored.starts_with(kBoundFilePrefix)) {
    stored.remove_prefix(kBoundFilePrefix.size());
  } else if (stored.starts_with(kSealedFilePrefix)) {
    stored.remove_prefix(kSealedFilePrefix.size());
  } else {
    return {};
  }
  const auto colon = stored.find(':');
  // A key id is short ("k" and eight hex digits); anything longer is not a header.
  if (colon == std::string_view::npos || colon > 64) return {};
  return std::string(stored.substr(0, colon));
}

std::string DataKeys::decrypt_file(std::string_view sealed, std::string_view context) const {
  const std::string id = key_id_of_file(sealed);
  if (id.empty()) throw DataKeyError("sealed file: no header");
  const DataKey* key = find(id);
  if (key == nullptr) {
    throw DataKeyError("file sealed under key " + id + ", which is not in the key file");
  }
  const bool bound = is_bound_file(sealed);
  sealed.remove_prefix((bound ? kBoundFilePrefix : kSealedFilePrefix).size() + id.size() + 1);
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    throw DataKeyError("sealed file: too short");
  }
  const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string clear;
  if (bound) {
    if (!aead_open(clear, nonce, sealed.size(), context, *key)) {
      throw DataKeyError("sealed file: does not authenticate (tampered, or another file's?)");
    }
    return clear;
  }
  // A file sealed before files were bound to their name: it opens anywhere.
  const Subkey sk = derive(*key, kSealSubkey);
  clear.assign(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(
          reinterpret_cast<unsigned char*>(clear.data()), nonce + crypto_secretbox_NONCEBYTES,
          sealed.size() - crypto_secretbox_NONCEBYTES, nonce, sk.data()) != 0) {
    throw DataKeyError("sealed file: does not authenticate (tampered?)");
  }
  return clear;
}

std::string DataKeys::key_id_of(std::string_view sealed) {
  if (sealed.starts_with(kBoundPrefix)) {
    sealed.remove_prefix(kBoundPrefix.size());
  } else if (sealed.starts_with(kUnboundPrefix)) {
    sealed.remove_prefix(kUnboundPrefix.size());
  } else {
    return {};
  }
  return std::string(sealed.substr(0, sealed.find(':')));
}

bool DataKeys::is_bound(std::string_view sealed) { return sealed.starts_with(kBoundPrefix); }

std::string DataKeys::decrypt(std::string_view sealed, std::string_view context) const {
  if (sealed.empty()) return {};
  const bool bound = sealed.starts_with(kBoundPrefix);
  if (!bound && !sealed.starts_with(kUnboundPrefix)) {
    throw DataKeyError("personal data: not a sealed value");
  }
  sealed.remove_prefix(kBoundPrefix.size());
  const auto colon = sealed.find(':');
  if (colon == std::string_view::npos) throw DataKeyError("personal data: no key id");
  const DataKey* key = find(sealed.substr(0, colon));
  if (key == nullptr) {
    throw DataKeyError("personal data sealed under key " + std::string(sealed.substr(0, colon)) +
                       ", which is not in the key file");
  }
  const auto box = from_base64(sealed.substr(colon + 1));
  if (box.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    throw DataKeyError("personal data: ciphertext too short");
  }
  std::string clear;
  if (bound) {
    // The context is not named in the message: it holds the row's key, and the message may be
    // logged.
    if (!aead_open(clear, box.data(), box.size(), context, *key)) {
      throw DataKeyError(
          "personal data: ciphertext does not authenticate for this row (tampered, or copied "
          "from another row?)");
    }
    return clear;
  }
  // enc1, written before values were bound to their row: opens wherever it is.
  const Subkey sk = derive(*key, kSealSubkey);
  clear.assign(box.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(
          reinterpret_cast<unsigned char*>(clear.data()), box.data() + crypto_secretbox_NONCEBYTES,
          box.size() - crypto_secretbox_NONCEBYTES, box.data(), sk.data()) != 0) {
    throw DataKeyError("personal data: ciphertext does not authenticate (tampered?)");
  }
  return clear;
}

std::string DataKeys::lookup_hash(std::string_view clear) const {
  if (clear.empty()) return {};
  return hash_under(keys_.front(), clear);
}

std::vector<std::string> DataKeys::lookup_hashes(std::string_view clear) const {
  std::vector<std::string> out;
  if (clear.empty()) return out;
  for (const auto& k : keys_) out.push_back(hash_under(k, clear));
  return out;
}

void install_data_keys(std::shared_ptr<const DataKeys> keys) {
  const std::lock_guard lock(installed_mutex);
  installed = std::move(keys);
}

std::shared_ptr<const DataKeys> data_keys_shared() {
  const std::lock_guard lock(installed_mutex);
  if (!installed) installed = std::make_shared<const DataKeys>(std::vector{DataKeys::generate()});
  return installed;
}

const DataKeys& data_keys() {
  // The installed ring lives until the next install, which only start-up and rotate-key do.
  return *data_keys_shared();
}

namespace {

// A key made for a database whose key file does not exist yet: written only once the database has
// opened and shown no value sealed under another key (persist_new_data_key), so a command run on a
// copy without its key file leaves no stray key beside it.
std::mutex pending_mutex;
std::string pending_path;

void load_or_create(const std::string& path) {
  if (std::filesystem::exists(path)) {
    install_data_keys(std::make_shared<const DataKeys>(DataKeys::read_file(path)));
    const std::lock_guard lock(pending_mutex);
    pending_path.clear();
    return;
  }
  install_data_keys(std::make_shared<const DataKeys>(std::vector{DataKeys::generate()}));
  const std::lock_guard lock(pending_mutex);
  pending_path = path;
}

}  // namespace

void load_or_create_data_keys(const std::string& path) {
  load_or_create(path);
  installed_explicitly = true;
}

void use_default_data_keys_for(const std::string& db) {
  if (installed_explicitly) return;
  if (is_in_memory(db)) {
    // Nothing outlives an in-memory database: its key is the process's and is never written.
    const std::lock_guard lock(pending_mutex);
    pending_path.clear();
    return;
  }
  load_or_create(default_data_key_path(db));
}

bool persist_new_data_key() {
  std::string path;
  {
    const std::lock_guard lock(pending_mutex);
    path.swap(pending_path);
  }
  if (path.empty()) return false;
  const std::filesystem::path file = path;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  if (data_keys().write_file_if_absent(path)) return false;
  // Another process (a second server starting on the same database) wrote its key first: this
  // process has sealed nothing yet, so it takes that key rather than keep one nobody else has.
  install_data_keys(std::make_shared<const DataKeys>(DataKeys::read_file(path)));
  return true;
}

std::string default_data_key_path(const std::string& db) {
  if (db.find("://") != std::string::npos) return "var/motcua.data-key";
  return db + ".data-key";
}

}  // namespace motcua::store
