#include "domain/text/fuzzy.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "domain/text/fold.hpp"
#include "domain/text/utf8.hpp"

namespace motcua::text {

int edit_distance_bounded(std::string_view a, std::string_view b, int max_distance) {
  if (max_distance < 0) return a == b ? 0 : 1 + max_distance;
  return edit_distance_bounded(std::u32string_view(to_code_points(a)),
                               std::u32string_view(to_code_points(b)), max_distance);
}

int edit_distance_bounded(std::u32string_view x, std::u32string_view y, int max_distance) {
  if (max_distance < 0) return x == y ? 0 : 1 + max_distance;
  const auto limit = static_cast<std::size_t>(max_distance);
  const std::size_t n = x.size();
  const std::size_t m = y.size();
  const std::size_t length_gap = n > m ? n - m : m - n;
  if (length_gap > limit) return max_distance + 1;

  // One row of the DP table at a time; cells further than `limit` from the diagonal can never be
  // within the bound, so they are left at "too far" and skipped. Words are short: the two rows
  // live on the stack unless a word is long.
  const std::size_t too_far = limit + 1;
  constexpr std::size_t kOnStack = 48;
  std::array<std::size_t, kOnStack> previous_stack{}, current_stack{};
  std::vector<std::size_t> previous_heap, current_heap;
  std::size_t* previous = previous_stack.data();
  std::size_t* current = current_stack.data();
  if (m + 1 > kOnStack) {
    previous_heap.resize(m + 1);
    current_heap.resize(m + 1);
    previous = previous_heap.data();
    current = current_heap.data();
  }
  std::fill(previous, previous + m + 1, too_far);
  std::fill(current, current + m + 1, too_far);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t from = i > limit ? i - limit : 1;
    const std::size_t to = std::min(m, i + limit);
    current[0] = i <= limit ? i : too_far;
    current[from - 1] = from == 1 ? current[0] : too_far;  // left edge of the band
    if (to < m) current[to + 1] = too_far;                 // right edge, read by the next row
    std::size_t row_best = current[0];
    for (std::size_t j = from; j <= to; ++j) {
      const std::size_t substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      const std::size_t remove = previous[j] + 1;
      const std::size_t insert = current[j - 1] + 1;
      current[j] = std::min({substitute, remove, insert, too_far});
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return max_distance + 1;
    std::swap(previous, current);
  }
  return static_cast<int>(std::min(previous[m], too_far));
}

int typo_budget(std::size_t code_points) {
  if (code_points <= 3) return 0;
  if (code_points <= 7) return 1;
  return 2;
}

namespace {
// Vietnamese writes i and y interchangeably after some consonants (kí / ký, lí / lý), so they
// never count as a typo.
bool equal_up_to_i_y(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const bool same =
        a[k] == b[k] || ((a[k] == 'i' || a[k] == 'y') && (b[k] == 'i' || b[k] == 'y'));
    if (!same) return false;
  }
  return true;
}
}  // namespace

bool fuzzy_word_match(const std::string& token, std::u32string_view token_points,
                      const std::string& word, std::u32string_view word_points, bool last) {
  if (equal_up_to_i_y(word, token)) return true;
  if (last && word.size() > token.size() && word.compare(0, token.size(), token) == 0) return true;
  const int budget = typo_budget(token_points.size());
  return budget > 0 && edit_distance_bounded(token_points, word_points, budget) <= budget;
}

bool fuzzy_match(std::string_view query, std::string_view text) {
  const std::vector<std::string> wanted = search_tokens(query);
  const std::vector<std::string> words = search_tokens(text);
  if (wanted.empty()) return true;
  std::vector<std::u32string> word_points;
  word_points.reserve(words.size());
  for (const auto& word : words) word_points.push_back(to_code_points(word));
  for (std::size_t q = 0; q < wanted.size(); ++q) {
    const std::u32string token_points = to_code_points(wanted[q]);
    const bool last = q + 1 == wanted.size();
    bool found = false;
    for (std::size_t w = 0; w < words.size() && !found; ++w)
      found = fuzzy_word_match(wanted[q], token_points, words[w], word_points[w], last);
    if (!found) return false;
  }
  return true;
}

}  // namespace motcua::text
