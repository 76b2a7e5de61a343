#include "domain/catalog/paper_structure.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "domain/catalog/paper_text.hpp"
#include "domain/catalog/text_scan.hpp"
#include "domain/text/fold.hpp"

namespace motcua::catalog {

namespace {

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view prefix) { return s.starts_with(prefix); });
}

// "a) ", "1) ", "(1.2) ", "b. " in front of a heading: numbering, not words.
std::string_view skip_enumerator(std::string_view folded) {
  std::size_t i = folded.starts_with('(') ? 1 : 0;
  const std::size_t start = i;
  while (i < folded.size() && i - start < 6 &&
         ((folded[i] >= '0' && folded[i] <= '9') || (folded[i] >= 'a' && folded[i] <= 'z') ||
          folded[i] == '.')) {
    ++i;
  }
  if (i == start || i >= folded.size() || (folded[i] != ')' && folded[i] != '.')) return folded;
  ++i;
  while (i < folded.size() && folded[i] == ' ') ++i;
  return folded.substr(i);
}

// The folded heading with bullets, numbering and the closing colon removed.
std::string heading_key(std::string_view heading) {
  std::string folded = text::fold_vietnamese(strip_bullet(heading));
  while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.pop_back();
  return std::string(skip_enumerator(folded));
}

}  // namespace

std::string clean_case_name(std::string_view heading) {
  std::string name = strip_bullet(heading);
  while (!name.empty() && (name.back() == ':' || name.back() == ' ')) name.pop_back();
  return name;
}

namespace {

std::string trim_clause(std::string_view s) {
  s = scan::trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ';' || s.back() == ',' || s.back() == ':')) {
    s.remove_suffix(1);
  }
  return std::string(scan::trim(s));
}

// The clause starting at `from`: up to " thì " or " phải " (the consequence), or the end of the
// sentence.
std::string clause_from(std::string_view name, std::size_t from) {
  std::string_view rest = name.substr(from);
  std::size_t end = rest.size();
  for (const std::string_view stop :
       {std::string_view(" thì "), std::string_view("; "), std::string_view(". "),
        std::string_view(", thì"), std::string_view(" phải ")}) {
    end = std::min(end, rest.find(stop));
  }
  return trim_clause(rest.substr(0, end));
}

struct Case {
  std::string name;
  std::vector<Paper> papers;
};

}  // namespace

std::string strip_bullet(std::string_view text) {
  std::string cleaned = text::clean_text(text);
  std::string_view s = cleaned;
  // A bullet is one or two of "-+*•" followed by a space, or glued to the text ("-Tờ khai").
  while (true) {
    std::size_t n = 0;
    while (n < s.size() && (s[n] == '-' || s[n] == '+' || s[n] == '*')) ++n;
    for (const std::string_view dot : {std::string_view("•"), std::string_view("–")}) {
      if (n == 0 && s.starts_with(dot)) n = dot.size();
    }
    if (n == 0 || n > 3) break;
    s.remove_prefix(n);
    s = scan::trim(s);
  }
  return std::string(s);
}

HeadingRole classify_heading(std::string_view heading) {
  const std::string key = heading_key(heading);
  if (key.empty() || key == "truong hop chung" ||
      starts_with_any(key, {"thanh phan ho so", "bao gom", "ho so gom", "ho so bao gom"})) {
    return HeadingRole::common;
  }
  if (starts_with_any(key, {"giay to phai nop", "cac giay to phai nop"})) {
    return HeadingRole::submit;
  }
  if (starts_with_any(key, {"giay to phai xuat trinh", "cac giay to phai xuat trinh"})) {
    return HeadingRole::present;
  }
  if (starts_with_any(key, {"luu y", "ghi chu"})) return HeadingRole::notes;
  return HeadingRole::real;
}

bool is_explanatory_row(const Paper& paper) {
  if (paper.originals + paper.copies > 0) return false;
  std::string key = text::fold_vietnamese(strip_bullet(paper.name));
  if (key.empty()) return false;
  if (key.back() == ':') return true;  // "Đối với giấy tờ gửi kèm ...:" introduces what follows
  if (key.starts_with("truong hop ") && key.find(" thi ") != std::string::npos) return true;
  return starts_with_any(key, {"co quan ", "nguoi tiep nhan", "nguoi yeu cau", "nguoi co yeu cau",
                               "nguoi di ", "doi voi ", "viec ", "luu y", "ghi chu"});
}

std::string paper_condition(std::string_view name) {
  const std::string stripped = strip_bullet(name);
  if (!is_optional_paper(stripped)) return {};
  if (text::fold_vietnamese(stripped).starts_with("truong hop ")) return clause_from(stripped, 0);
  for (const std::string_view marker :
       {std::string_view("trường hợp "), std::string_view("Trường hợp ")}) {
    const std::size_t at = stripped.find(marker);
    if (at != std::string::npos) return clause_from(stripped, at);
  }
  if (text::fold_vietnamese(stripped).find("neu co") != std::string::npos) return "nếu có";
  return stripped;  // written in a form we cannot cut: the whole name says when
}

void structure_papers(Procedure& p) {
  std::vector<Case> cases;  // cases[0] is the common list
  cases.push_back({});
  std::optional<std::string> common_heading;
  auto case_index = [&](const std::string& name) {
    for (std::size_t i = 1; i < cases.size(); ++i) {
      if (cases[i].name == name) return i;
    }
    cases.push_back({name, {}});
    return cases.size() - 1;
  };
  std::size_t current = 0;  // kind headings belong to the situation they follow
  for (CaseVariant& group : p.cases) {
    const HeadingRole role = classify_heading(group.name);
    if (role == HeadingRole::notes) {
      for (const Paper& paper : group.papers) {
        const std::string note = strip_bullet(paper.name);
        if (!note.empty()) p.notes.push_back(note);
      }
      continue;
    }
    if (role == HeadingRole::common) {
      current = 0;
      const std::string name = clean_case_name(group.name);
      if (!common_heading && !name.empty()) common_heading = name;
    } else if (role == HeadingRole::real) {
      current = case_index(clean_case_name(group.name));
    }
    for (Paper& paper : group.papers) {
      if (is_explanatory_row(paper)) {
        p.notes.push_back(strip_bullet(paper.name));
        continue;
      }
      paper.name = strip_bullet(paper.name);
      if (role == HeadingRole::submit) paper.kind = PaperKind::submit;
      if (role == HeadingRole::present) paper.kind = PaperKind::present;
      if (paper.condition.empty()) paper.condition = paper_condition(paper.name);
      if (!paper.condition.empty()) paper.mandatory = false;
      cases[current].papers.push_back(std::move(paper));
    }
  }
  p.cases.clear();
  // A heading whose rows were all advice is no situation to choose.
  const bool has_real =
      std::any_of(cases.begin() + 1, cases.end(), [](const Case& c) { return !c.papers.empty(); });
  if (!cases[0].papers.empty()) {
    if (has_real) cases[0].name = common_heading.value_or(std::string(kCommonCaseName));
    p.cases.push_back({std::move(cases[0].name), std::move(cases[0].papers)});
  }
  for (std::size_t i = 1; i < cases.size(); ++i) {
    if (!cases[i].papers.empty()) {
      p.cases.push_back({std::move(cases[i].name), std::move(cases[i].papers)});
    } else {
      p.notes.push_back(std::move(cases[i].name));  // a heading with no paper: its text is kept
    }
  }
  // One list is no alternative: the applicant has nothing to choose, so the case has no name. A
  // situation its heading stated is kept among the notes, so the text is not lost.
  if (p.cases.size() == 1 && !p.cases[0].name.empty()) {
    if (classify_heading(p.cases[0].name) == HeadingRole::real) {
      p.notes.insert(p.notes.begin(), p.cases[0].name);
    }
    p.cases[0].name.clear();
  }
  // Notes are kept once each: a stored document passed through again must not repeat them.
  std::vector<std::string> notes;
  for (std::string& note : p.notes) {
    if (std::find(notes.begin(), notes.end(), note) == notes.end())
      notes.push_back(std::move(note));
  }
  p.notes = std::move(notes);
}

}  // namespace motcua::catalog
