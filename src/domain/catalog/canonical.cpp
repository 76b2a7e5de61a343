#include "domain/catalog/canonical.hpp"

namespace motcua::catalog {

namespace {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void field(std::string_view key, std::string_view value) {
    out_.append(key);
    out_.push_back('=');
    for (const char c : value) {
      if (c == '\\') {
        out_.append("\\\\");
      } else if (c == '\n') {
        out_.append("\\n");
      } else if (c == '\r') {
        out_.append("\\r");
      } else {
        out_.push_back(c);
      }
    }
    out_.push_back('\n');
  }
  void field(std::string_view key, std::int64_t value) { field(key, std::to_string(value)); }
  void flag(std::string_view key, bool value) { field(key, value ? "1" : "0"); }

 private:
  std::string& out_;
};

std::string indexed(std::string_view prefix, std::size_t i) {
  return std::string(prefix) + "[" + std::to_string(i) + "]";
}

void write_time(Writer& w, const std::string& key, const TimeTerm& t) {
  w.field(key + ".raw", t.raw);
  w.field(key + ".status", to_string(t.status));
  w.field(key + ".limit", t.limit ? clock::to_string(*t.limit) : std::string());
  w.field(key + ".note", t.note);
}

void write_fee(Writer& w, const std::string& key, const Fee& f) {
  w.field(key + ".raw", f.raw);
  w.field(key + ".status", to_string(f.status));
  w.flag(key + ".foreign_currency", f.foreign_currency);
  w.flag(key + ".unparseable", f.unparseable);
  for (std::size_t i = 0; i < f.amounts.size(); ++i) {
    const FeeAmount& a = f.amounts[i];
    const std::string k = indexed(key + ".amount", i);
    w.field(k + ".kind", to_string(a.kind));
    w.field(k + ".currency", to_string(a.currency));
    w.field(k + ".amount", a.amount);
    w.field(k + ".note", a.note);
  }
}

void write_paper(Writer& w, const std::string& key, const Paper& p) {
  w.field(key + ".name", p.name);
  for (std::size_t i = 0; i < p.form_files.size(); ++i) {
    w.field(indexed(key + ".form", i), p.form_files[i]);
  }
  w.field(key + ".originals", p.originals);
  w.field(key + ".copies", p.copies);
  w.field(key + ".count_raw", p.count_raw);
  w.flag(key + ".mandatory", p.mandatory);
  // Written only when they say something, so the hash of a procedure without them is what it was
  // before they existed (no spurious new version on re-import).
  if (p.kind != PaperKind::submit) w.field(key + ".kind", to_string(p.kind));
  if (!p.condition.empty()) w.field(key + ".condition", p.condition);
}

}  // namespace

std::string canonical_text(const Procedure& p) {
  std::string out = "motcua-procedure/1\n";
  Writer w(out);
  w.field("code", p.code);
  w.field("name", p.name);
  w.field("source", p.source);
  w.field("decision", p.decision);
  std::string levels;
  for (const Level level : p.levels) {
    if (!levels.empty()) levels += ',';
    levels += to_string(level);
  }
  w.field("levels", levels);
  w.field("levels_raw", p.levels_raw);
  w.field("kind", p.kind);
  w.field("field", p.field);
  w.field("applicants", p.applicants);
  w.field("competent_agency", p.competent_agency);
  w.field("implementing_agency", p.implementing_agency);
  w.field("delegated_agency", p.delegated_agency);
  w.field("coordinating_agency", p.coordinating_agency);
  w.field("receiving_address", p.receiving_address);
  w.field("result", p.result);
  w.field("requirements", p.requirements);
  w.field("steps", p.steps);
  w.field("online_service", to_string(p.online_service));
  for (std::size_t i = 0; i < p.channels.size(); ++i) {
    const ChannelTerms& c = p.channels[i];
    const std::string key = indexed("channel", i);
    w.field(key + ".channel", to_string(c.channel));
    w.field(key + ".channel_raw", c.channel_raw);
    write_time(w, key + ".time", c.time);
    write_fee(w, key + ".fee", c.fee);
    w.field(key + ".description", c.description);
  }
  for (std::size_t i = 0; i < p.cases.size(); ++i) {
    const std::string key = indexed("case", i);
    w.field(key + ".name", p.cases[i].name);
    for (std::size_t j = 0; j < p.cases[i].papers.size(); ++j) {
      write_paper(w, indexed(key + ".paper", j), p.cases[i].papers[j]);
    }
  }
  for (std::size_t i = 0; i < p.notes.size(); ++i) w.field(indexed("note", i), p.notes[i]);
  for (std::size_t i = 0; i < p.legal_basis.size(); ++i) {
    const LegalBasis& b = p.legal_basis[i];
    const std::string key = indexed("legal_basis", i);
    w.field(key + ".number", b.number);
    w.field(key + ".title", b.title);
    w.field(key + ".issued", b.issued ? to_iso(*b.issued) : std::string());
    w.field(key + ".issuer", b.issuer);
  }
  w.field("detail_url", p.detail_url);
  return out;
}

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

}  // namespace motcua::catalog
