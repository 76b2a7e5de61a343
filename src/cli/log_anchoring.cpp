#include "cli/log_anchoring.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "store/audit_log.hpp"
#include "store/open_store.hpp"

namespace motcua::cli {

namespace {

namespace json = boost::json;

struct KeyPair {
  std::string secret;  // crypto_sign_SECRETKEYBYTES raw bytes
  std::string public_hex;
};

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

std::string from_hex(const std::string& hex) {
  std::string out(hex.size() / 2, '\0');
  std::size_t len = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(),
                     hex.size(), nullptr, &len, nullptr) != 0) {
    return {};
  }
  out.resize(len);
  return out;
}

void ensure_sodium() {
  static const bool ready = [] { return sodium_init() >= 0; }();
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

KeyPair key_from_secret(const std::string& secret) {
  const auto* sk = reinterpret_cast<const unsigned char*>(secret.data());
  // libsodium's Ed25519 secret key carries the public key in its second half.
  return KeyPair{secret, to_hex(sk + crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES,
                                crypto_sign_PUBLICKEYBYTES)};
}

// Reads the key; with `create`, makes one when the file does not exist (O_EXCL: two servers
// starting at once do not overwrite each other's key; the loser reads the winner's).
std::optional<KeyPair> load_key(const std::string& path, bool create) {
  ensure_sodium();
  if (create && !std::filesystem::exists(path)) {
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    const std::string text = to_hex(sk, sizeof sk) + "\n";
    sodium_memzero(sk, sizeof sk);
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      const bool written =
          ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
      ::fsync(fd);
      ::close(fd);
      if (!written) throw std::runtime_error("cannot write the anchor key file " + path);
    } else if (errno != EEXIST) {
      throw std::runtime_error("cannot create the anchor key file " + path);
    }
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  // As ssh does with its keys: a key others can read is no proof of anything.
  if ((st.st_mode & 077) != 0) {
    throw std::runtime_error("the anchor key file " + path +
                             " is readable by others; chmod 600 it");
  }
  std::ifstream in(path);
  std::string hex;
  std::getline(in, hex);
  const std::string secret = from_hex(hex);
  if (secret.size() != crypto_sign_SECRETKEYBYTES) {
    throw std::runtime_error("the anchor key file " + path + " does not hold an Ed25519 key");
  }
  return key_from_secret(secret);
}

// The signed text: every field but the signature, one per line, with a version tag.
std::string signed_text(const store::LogAnchor& a) {
  std::string out = "motcua-anchor-v1\n";
  for (const std::string& field :
       {a.at, std::to_string(a.events_seq), a.events_hash, std::to_string(a.events_count),
        std::to_string(a.audit_seq), a.audit_hash, std::to_string(a.audit_count), a.public_key}) {
    out += field;
    out += '\n';
  }
  return out;
}

bool signature_holds(const store::LogAnchor& a) {
  const std::string pk = from_hex(a.public_key);
  const std::string sig = from_hex(a.signature);
  if (pk.size() != crypto_sign_PUBLICKEYBYTES || sig.size() != crypto_sign_BYTES) return false;
  const std::string text = signed_text(a);
  return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.data()),
                                     reinterpret_cast<const unsigned char*>(text.data()),
                                     text.size(),
                                     reinterpret_cast<const unsigned char*>(pk.data())) == 0;
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

json::object anchor_json(const store::LogAnchor& a) {
  return json::object{{"seq", a.seq},
                      {"at", a.at},
                      {"events_seq", a.events_seq},
                      {"events_hash", a.events_hash},
                      {"events_count", a.events_count},
                      {"audit_seq", a.audit_seq},
                      {"audit_hash", a.audit_hash},
                      {"audit_count", a.audit_count},
                      {"public_key", a.public_key},
                      {"signature", a.signature}};
}

std::optional<store::LogAnchor> anchor_from_json(const std::string& line) {
  try {
    const auto o = json::parse(line).as_object();
    const auto text = [&](const char* k) { return std::string(o.at(k).as_string()); };
    const auto num = [&](const char* k) { return o.at(k).to_number<std::int64_t>(); };
    return store::LogAnchor{num("seq"),          text("at"),          num("events_seq"),
                            text("events_hash"), num("events_count"), num("audit_seq"),
                            text("audit_hash"),  num("audit_count"),  text("public_key"),
                            text("signature")};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void append_line(const std::string& path, const std::string& line) {
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0) throw std::runtime_error("cannot open the anchors file " + path);
  const std::string text = line + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::fsync(fd);
  ::close(fd);
  if (!written) throw std::runtime_error("cannot write the anchors file " + path);
}

// What one log lost against one anchor, or empty.
std::string cut_of(const char* log, std::int64_t anchored_seq, const std::string& anchored_hash,
                   std::int64_t anchored_count, const std::optional<std::string>& hash_now,
                   const store::LogHead& head) {
  if (anchored_seq > 0 && !hash_now) {
    return std::string(log) + " row " + std::to_string(anchored_seq) +
           " (an anchored head) is gone: the log now ends at row " + std::to_string(head.seq) +
           ", " + std::to_string(anchored_seq - head.seq) + " or more rows were cut";
  }
  if (anchored_seq > 0 && *hash_now != anchored_hash) {
    return std::string(log) + " row " + std::to_string(anchored_seq) +
           " differs from the anchored head";
  }
  if (head.count < anchored_count) {
    return std::string(log) + " holds " + std::to_string(head.count) + " rows, the anchor " +
           std::to_string(anchored_count) + ": " + std::to_string(anchored_count - head.count) +
           " rows were removed";
  }
  return {};
}

}  // namespace

AnchorPaths anchor_paths(const std::string& resolved_db, const std::string& key_override,
                         const std::string& anchors_override) {
  const bool postgres = store::engine_of(resolved_db) == store::Engine::postgres;
  const std::string base = postgres ? std::string("var/motcua") : resolved_db;
  return AnchorPaths{key_override.empty() ? base + ".anchor-key" : key_override,
                     anchors_override.empty() ? base + ".anchors.jsonl" : anchors_override};
}

store::LogAnchor write_anchor(store::Store& store, const AnchorPaths& paths) {
  const auto key = load_key(paths.key_file, true);
  store::LogAnchor anchor;
  store.write([&](store::SqlConnection& db) {
    const auto events = store::event_log_head(db);
    const auto audit = store::audit_log_head(db);
    anchor.at = utc_now();
    anchor.events_seq = events.seq;
    anchor.events_hash = events.hash;
    anchor.events_count = events.count;
    anchor.audit_seq = audit.seq;
    anchor.audit_hash = audit.hash;
    anchor.audit_count = audit.count;
    anchor.public_key = key->public_hex;
    const std::string text = signed_text(anchor);
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(text.data()),
                         text.size(), reinterpret_cast<const unsigned char*>(key->secret.data()));
    anchor.signature = to_hex(sig, sizeof sig);
    anchor.seq = store::append_anchor(db, anchor);
  });
  append_line(paths.anchors_file, json::serialize(anchor_json(anchor)));
  return anchor;
}

AnchorCheck verify_anchors(store::Store& store, const AnchorPaths& paths) {
  AnchorCheck check;
  const auto key = load_key(paths.key_file, false);
  // The file's anchors and the table's, one entry per signature: either copy alone still counts.
  std::map<std::string, store::LogAnchor> anchors;
  std::map<std::string, bool> in_table;
  std::ifstream in(paths.anchors_file);
  std::string line;
  std::int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    const auto a = anchor_from_json(line);
    if (!a) {
      check.problems.push_back("anchors file line " + std::to_string(line_no) + " is unreadable");
      continue;
    }
    anchors[a->signature] = *a;
  }
  std::vector<store::LogAnchor> table;
  store.read([&](store::SqlConnection& db) { table = store::stored_anchors(db); });
  for (const auto& a : table) {
    in_table[a.signature] = true;
    anchors.emplace(a.signature, a);
  }
  for (const auto& [signature, a] : anchors) {
    ++check.anchors_checked;
    const std::string name = "anchor " + std::to_string(a.seq) + " of " + a.at;
    if (!signature_holds(a)) {
      check.problems.push_back(name + ": the signature does not hold");
      continue;
    }
    if (key && a.public_key != key->public_hex) {
      check.problems.push_back(name + ": signed by another key than this instance's");
      continue;
    }
    if (!in_table.contains(signature)) {
      check.problems.push_back(name + ": missing from the database table log_anchors");
    }
    std::string events_cut;
    std::string audit_cut;
    store.read([&](store::SqlConnection& db) {
      events_cut = cut_of("event log", a.events_seq, a.events_hash, a.events_count,
                          store::event_hash_at(db, a.events_seq), store::event_log_head(db));
      audit_cut = cut_of("audit log", a.audit_seq, a.audit_hash, a.audit_count,
                         store::audit_hash_at(db, a.audit_seq), store::audit_log_head(db));
    });
    if (!events_cut.empty()) check.problems.push_back(name + ": " + events_cut);
    if (!audit_cut.empty()) check.problems.push_back(name + ": " + audit_cut);
  }
  return check;
}

}  // namespace motcua::cli
