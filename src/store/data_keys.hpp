// The data key that encrypts personal data at rest (ID numbers, phones, addresses): kept in a file
// outside the database, so a copy of the database alone (a backup, a stolen disk image) reveals no
// citizen's ID number. Only src/store calls this: app and domain see clear values.
//
// A key file holds one or more keys, each with an id; the first is the current key, the others are
// older keys kept while `motcua rotate-key` re-encrypts. Ciphertexts carry the key id
// ("enc1:<id>:<base64 nonce||secretbox>"), so a value written under any key in the file is read.
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

  const std::string& current_id() const { return keys_.front().id; }
  const std::vector<DataKey>& keys() const { return keys_; }

  // "" stays "" (an absent value is not a secret and keeps the columns' defaults meaning "none").
  std::string encrypt(std::string_view clear) const;
  // Throws DataKeyError for a value that does not open; "" gives "".
  std::string decrypt(std::string_view sealed) const;
  // The key id a sealed value was written under ("" for "").
  static std::string key_id_of(std::string_view sealed);

  // The keyed hash under the current key (lowercase hex), "" for "".
  std::string lookup_hash(std::string_view clear) const;
  // The hash under every key in the file, current first: a lookup during a rotation finds rows
  // not yet re-hashed.
  std::vector<std::string> lookup_hashes(std::string_view clear) const;

 private:
  const DataKey* find(std::string_view id) const;
  std::vector<DataKey> keys_;
};

// The process's data keys: set once at start-up by the CLI (cli/db_option) before the store opens.
// Without one (unit tests), an ephemeral random key is made on first use.
void install_data_keys(std::shared_ptr<const DataKeys> keys);
const DataKeys& data_keys();
std::shared_ptr<const DataKeys> data_keys_shared();

// Reads `path`, or creates it with one new key (mode 0600) when it does not exist; installs it.
// The CLI calls it with the key file it was given: from then on the process keeps that key.
void load_or_create_data_keys(const std::string& path);

// Called by open_store: unless a key file was installed explicitly (above), the keys of `db`'s
// default key file are loaded (created if missing). A test that seeds a database in its own process
// and then serves it with `motcua serve --db` so uses the same key as the server.
void use_default_data_keys_for(const std::string& db);

// The default key file for a database: beside a SQLite file ("var/motcua.db" ->
// "var/motcua.db.data-key"), as the anchor key is; for PostgreSQL "var/motcua.data-key" under the
// working folder.
std::string default_data_key_path(const std::string& db);

}  // namespace motcua::store
