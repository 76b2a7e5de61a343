#include "domain/engagement/generic_answer.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <unordered_map>

#include "domain/text/fold.hpp"

namespace motcua::engagement {

namespace {

using DocFrequency = std::unordered_map<std::uint64_t, int>;

// FNV-1a: n-grams are compared by hash, so a bank of thousands of answers stays cheap; a collision
// only merges two rare n-grams, which cannot move a cosine noticeably.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// Letters and digits of the folded text, every other run of characters one space: punctuation
// and line breaks do not make two answers different.
std::string letters_only(std::string_view folded) {
  std::string out;
  out.reserve(folded.size() + 2);
  out.push_back(' ');
  for (const char c : folded) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      out.push_back(c);
    } else if (out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

std::vector<std::uint64_t> word_trigrams(std::string_view folded) {
  const auto words = text::search_tokens(folded);
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    out.push_back(fnv1a(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void count_documents(const AnswerProfile& p, DocFrequency& df) {
  for (const auto& [gram, tf] : p.grams) ++df[gram];
}

double idf(const DocFrequency& df, std::uint64_t gram, std::size_t documents) {
  const auto it = df.find(gram);
  const int n = it == df.end() ? 0 : it->second;
  return std::log((1.0 + static_cast<double>(documents)) / (1.0 + n)) + 1.0;
}

double norm(const AnswerProfile& p, const DocFrequency& df, std::size_t documents) {
  double sum = 0;
  for (const auto& [gram, tf] : p.grams) {
    const double w = tf * idf(df, gram, documents);
    sum += w * w;
  }
  return std::sqrt(sum);
}

double cosine(const AnswerProfile& a, double norm_a, const AnswerProfile& b, double norm_b,
              const DocFrequency& df, std::size_t documents) {
  if (norm_a == 0 || norm_b == 0) return 0;
  double dot = 0;
  auto i = a.grams.begin();
  auto j = b.grams.begin();
  while (i != a.grams.end() && j != b.grams.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      const double w = idf(df, i->first, documents);
      dot += i->second * w * j->second * w;
      ++i;
      ++j;
    }
  }
  return dot / (norm_a * norm_b);
}

// Words of a procedure's name that say nothing about which procedure it is.
bool is_common_word(const std::string& w) {
  static const std::set<std::string> kCommon{
      "thu", "tuc", "cap", "cua", "va",  "cho", "ve",   "doi", "voi", "tai",  "trong", "theo",
      "cac", "tu",  "lan", "dau", "moi", "lai", "hoac", "nam", "so",  "dang", "ky"};
  return w.size() < 2 || kCommon.count(w) > 0;
}

// The "NNN/YYYY" head of a number ("123/2015/nd-cp" -> "123/2015"), or the whole number when it
// has no year ("766/qd-ttg"): answers often write "Nghị định số 123/2015" without the suffix.
std::string number_head(const std::string& number) {
  const auto first = number.find('/');
  const auto second = number.find('/', first + 1);
  return second == std::string::npos ? number : number.substr(0, second);
}

std::vector<const AnswerProfile*> profiles_of(const std::vector<BankAnswer>& bank) {
  std::vector<const AnswerProfile*> out;
  out.reserve(bank.size());
  for (const auto& b : bank) out.push_back(&b.profile);
  return out;
}

}  // namespace

AnswerProfile profile_answer(std::string_view utf8) {
  AnswerProfile p;
  p.folded = text::fold_vietnamese(utf8);
  const std::string s = letters_only(p.folded);
  std::unordered_map<std::uint64_t, double> counts;
  for (std::size_t n = 3; n <= 5; ++n) {
    for (std::size_t i = 0; i + n <= s.size(); ++i) {
      const std::string_view gram(s.data() + i, n);
      // An n-gram of spaces only would tie every pair of texts together.
      if (gram.find_first_not_of(' ') == std::string_view::npos) continue;
      counts[fnv1a(gram) ^ n] += 1.0;
    }
  }
  p.grams.assign(counts.begin(), counts.end());
  std::sort(p.grams.begin(), p.grams.end());
  p.word_trigrams = word_trigrams(p.folded);
  return p;
}

Boilerplate parse_boilerplate(std::string_view text) {
  Boilerplate b;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(start, end - start);
    start = end + 1;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    const auto grams = word_trigrams(text::fold_vietnamese(line));
    b.word_trigrams.insert(b.word_trigrams.end(), grams.begin(), grams.end());
  }
  std::sort(b.word_trigrams.begin(), b.word_trigrams.end());
  b.word_trigrams.erase(std::unique(b.word_trigrams.begin(), b.word_trigrams.end()),
                        b.word_trigrams.end());
  return b;
}

std::vector<std::string> document_numbers(std::string_view folded) {
  // The number of a legal document as it folds: 123/2015/nd-cp, 04/2020/tt-btp, 766/qd-ttg,
  // 60/2014/qh13. A date (28/5/2020) has no letters after its slashes and does not match.
  static const std::regex kNumber(
      "(^|[^0-9a-z])([0-9]{1,5}/([0-9]{4}/)?[a-z]{1,8}[0-9]{0,4}(-[a-z0-9]{1,10}){0,3})");
  std::vector<std::string> out;
  const std::string s(folded);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kNumber); it != std::sregex_iterator();
       ++it) {
    auto number = (*it)[2].str();
    if (std::find(out.begin(), out.end(), number) == out.end()) out.push_back(std::move(number));
  }
  return out;
}

double tfidf_cosine(const AnswerProfile& a, const AnswerProfile& b,
                    const std::vector<const AnswerProfile*>& corpus) {
  DocFrequency df;
  for (const auto* p : corpus) count_documents(*p, df);
  count_documents(a, df);
  count_documents(b, df);
  const std::size_t documents = corpus.size() + 2;
  return cosine(a, norm(a, df, documents), b, norm(b, df, documents), df, documents);
}

double boilerplate_share(const AnswerProfile& answer, const Boilerplate& boilerplate) {
  if (answer.word_trigrams.empty()) return 1.0;  // nothing of substance at all
  std::size_t stock = 0;
  for (const auto g : answer.word_trigrams) {
    stock +=
        std::binary_search(boilerplate.word_trigrams.begin(), boilerplate.word_trigrams.end(), g)
            ? 1
            : 0;
  }
  return static_cast<double>(stock) / static_cast<double>(answer.word_trigrams.size());
}

GenericAnswerVerdict detect_generic_answer(const DetectorInput& in,
                                           const std::vector<BankAnswer>& bank,
                                           const Boilerplate& boilerplate,
                                           const DetectorThresholds& thresholds) {
  GenericAnswerVerdict v;
  const auto answer = profile_answer(in.answer);

  // (a) The bank: only answers to other questions count.
  DocFrequency df;
  for (const auto* p : profiles_of(bank)) count_documents(*p, df);
  count_documents(answer, df);
  const std::size_t documents = bank.size() + 1;
  const double answer_norm = norm(answer, df, documents);
  for (const auto& earlier : bank) {
    if (!in.question_id.empty() && earlier.question_id == in.question_id) continue;
    const double s = cosine(answer, answer_norm, earlier.profile,
                            norm(earlier.profile, df, documents), df, documents);
    if (s > v.bank_similarity) {
      v.bank_similarity = s;
      v.most_similar = earlier.code;
    }
  }
  if (v.bank_similarity >= thresholds.bank_similarity) {
    v.reasons.push_back({"too_similar_to", v.most_similar, v.bank_similarity});
  }

  // (b) Stock phrases.
  v.boilerplate_share = boilerplate_share(answer, boilerplate);
  if (v.boilerplate_share >= thresholds.boilerplate) {
    v.reasons.push_back({"boilerplate", "", v.boilerplate_share});
  }

  // (c) The regulation the question names: a document by its number, else the procedure.
  const auto question_numbers = document_numbers(text::fold_vietnamese(in.question));
  if (!question_numbers.empty()) {
    const bool engaged = std::any_of(
        question_numbers.begin(), question_numbers.end(), [&](const std::string& number) {
          return answer.folded.find(number_head(number)) != std::string::npos;
        });
    if (!engaged) v.reasons.push_back({"does_not_address_regulation", question_numbers[0], 0});
  } else if (!in.procedure.empty()) {
    const auto answer_words = text::search_tokens(answer.folded);
    const std::set<std::string> present(answer_words.begin(), answer_words.end());
    std::size_t words = 0;
    std::size_t found = 0;
    for (const auto& w : text::search_tokens(in.procedure)) {
      if (is_common_word(w)) continue;
      ++words;
      found += present.count(w);
    }
    if (words > 0 &&
        static_cast<double>(found) / static_cast<double>(words) < kProcedureWordsShare) {
      v.reasons.push_back({"does_not_address_regulation", text::fold_vietnamese(in.procedure), 0});
    }
  }
  v.hold = !v.reasons.empty();
  return v;
}

}  // namespace motcua::engagement
