// The data key that encrypts personal data at rest (ID numbers, phones, addresses): kept in a file
// outside the database, so a copy of the database alone (a backup, a stolen disk image) reveals no
// citizen's ID number. Only src/store calls this: app and domain see clear values.
//
// A key file holds one or more keys, each with an id; the first is the current key, the others are
// older keys kept while `motcua rotate-key` re-encrypts. Ciphertexts carry the key id
// ("enc2:<id>:<base64 nonce||XChaCha20-Poly1305 box>"), so a value written under any key in the
// file is read. An enc2 value is bound to the place it was written for (the context: table, column
// and the row's stable key, as associated data): copied to another row, it does not open. Values
// of the older format "enc1:<id>:<base64 nonce||secretbox>" (bound to nothing) are still read;
// `motcua rotate-key` turns them into enc2.
// A large value kept in a binary column (a dossier's application form, migration 0064) has a
// binary sealed form instead: the same key, nonce, box and associated data as enc2, without the
// text prefix and the base64 (a third smaller); see encrypt_binary.
// Searchable values are also kept as a keyed hash (BLAKE2b, crypto_generichash) under a key derived
// from the data key, never the encryption key itself.
#pragma once

#include <array>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::store {

// A ciphertext that does not open: tampered, truncated, or written under a key not in the file.
class DataKeyError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct DataKey {
  std::string id;
  std::array<unsigned char, 32> secret{};
};

class DataKeys {
 public:
  explicit DataKeys(std::vector<DataKey> keys);  // first = current; at least one

  // A fresh random key with a fresh id.
  static DataKey generate();
  // Reads a key file (throws DataKeyError when missing or malformed).
  static DataKeys read_file(const std::string& path);
  // Writes the file with mode 0600 (atomically: a temporary file renamed over it).
  void write_file(const std::string& path) const;
  // Creates the file (mode 0600) only if none exists; false when one did (left untouched).
  bool write_file_if_absent(const std::string& path) const;

  const std::string& current_id() const { return keys_.front().id; }
  const std::vector<DataKey>& keys() const { return keys_; }

  // enc2 under the current key, bound to `context` (store/personal_data.hpp seal_context names
  // the place). "" stays "" (an absent value is not a secret and keeps the columns' defaults
  // meaning "none").
  std::string encrypt(std::string_view clear, std::string_view context) const;
  // The old enc1 format, bound to nothing. Nothing in the product writes it any more: tests use it
  // to make values as they were stored before enc2.
  std::string encrypt_unbound(std::string_view clear) const;
  // Opens enc2 only with the context it was sealed with, and enc1 (no context) as before. Throws
  // DataKeyError for a value that does not open (tampered, another key, or an enc2 value of
  // another row); "" gives "".
  std::string decrypt(std::string_view sealed, std::string_view context) const;
  // The key id a sealed value was written under ("" for "").
  static std::string key_id_of(std::string_view sealed);
  // Whether a sealed value is enc2 (bound to its row).
  static bool is_bound(std::string_view sealed);

  // The binary sealed form, for a value stored as bytes (BLOB / bytea): one format byte, one byte
  // giving the key id's length, the key id, then nonce || the XChaCha20-Poly1305 box. Format 0x01:
  // the box holds `clear` with `context` as associated data (as enc2). Format 0x02, with
  // `pack_as_document` when packing makes it smaller: the box holds `clear` packed
  // (store/document_packing.hpp: deflate with the dictionary of application forms) with
  // `context` + "|packed" as associated data. "" stays "".
  std::string encrypt_binary(std::string_view clear, std::string_view context,
                             bool pack_as_document = false) const;
  // Opens a binary sealed value (either format) only with its context; throws DataKeyError
  // otherwise. "" gives "".
  std::string decrypt_binary(std::string_view sealed, std::string_view context) const;
  // The key id of a binary sealed value ("" when it is not one).
  static std::string key_id_of_binary(std::string_view sealed);
  // Whether `stored` is a binary sealed value (not a text form kept in a binary column).
  static bool is_binary(std::string_view stored);
  // The binary form of an enc2 text value: the same key id, nonce and box, so no key is needed
  // and it opens with the same context. Empty for anything else (enc1 is another cipher).
  static std::string binary_of_bound_text(std::string_view sealed);
  // What follows the format byte in a binary value sealed under the current key: the length byte
  // and the key id (rotate-key finds the values not yet under the current key by it).
  std::string binary_key_head() const;

  // A whole file (an uploaded paper) sealed under the current key and bound to `context` (its
  // name): "motcua-sealed-file2:<key id>:" then the nonce and the AEAD box as raw bytes (no
  // base64: papers are megabytes).
  std::string encrypt_file(std::string_view clear, std::string_view context) const;
  // The old "motcua-sealed-file:<key id>:" secretbox format, bound to nothing (tests only).
  std::string encrypt_file_unbound(std::string_view clear) const;
  // The clear bytes of a sealed file (either format); throws DataKeyError when it does not open,
  // a bound file also when `context` is not the one it was sealed with.
  std::string decrypt_file(std::string_view sealed, std::string_view context) const;
  static bool is_sealed_file(std::string_view stored);
  static bool is_bound_file(std::string_view stored);
  // The key id a sealed file was written under ("" for a file stored clear).
  static std::string key_id_of_file(std::string_view stored);

  // The keyed hash under the current key (lowercase hex), "" for "".
  std::string lookup_hash(std::string_view clear) const;
  // The hash under every key in the file, current first: a lookup during a rotation finds rows
  // not yet re-hashed.
  std::vector<std::string> lookup_hashes(std::string_view clear) const;

 private:
  const DataKey* find(std::string_view id) const;
  // Writes the keys to `temporary` with mode 0600 (replacing any file there).
  void write_temporary(const std::string& temporary) const;
  std::vector<DataKey> keys_;
};

// The process's data keys: set once at start-up by the CLI (cli/db_option) before the store opens.
// Without one (unit tests), an ephemeral random key is made on first use.
void install_data_keys(std::shared_ptr<const DataKeys> keys);
const DataKeys& data_keys();
std::shared_ptr<const DataKeys> data_keys_shared();

// Reads `path`, or makes a new key for it when it does not exist; installs it. The CLI calls it
// with the key file it was given: from then on the process keeps that key. A new key is written
// (mode 0600) only by persist_new_data_key, once the database has opened.
void load_or_create_data_keys(const std::string& path);

// Called by open_store: unless a key file was installed explicitly (above), the keys of `db`'s
// default key file are loaded (a new key made if it is missing). A test that seeds a database in
// its own process and then serves it with `motcua serve --db` so uses the same key as the server.
// An in-memory database keeps the process's key, never written anywhere.
void use_default_data_keys_for(const std::string& db);

// Called by open_store once the database opened and holds no value under a key the process lacks:
// writes the new key made above, if any, to its file. Returns true when another process had
// written that file first and its key was taken instead (the caller checks the database again).
bool persist_new_data_key();

// The default key file for a database: beside a SQLite file ("var/motcua.db" ->
// "var/motcua.db.data-key"), as the anchor key is; for PostgreSQL "var/motcua.data-key" under the
// working folder.
std::string default_data_key_path(const std::string& db);

}  // namespace motcua::store
