// See literal_prefilter.h.
#include "literal_prefilter.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <deque>
#include <map>

#include "utf8.h"

namespace gangmu {
namespace {

// FilteredRE2 lower-cases its atoms, so the text is searched with ASCII letters lower-cased.
constexpr std::array<uint8_t, 256> kLower = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = static_cast<uint8_t>(b >= 'A' && b <= 'Z' ? b + 32 : b);
  return t;
}();

// An atom holding a letter outside ASCII that has an upper case (é, д) may stand for text the
// ASCII folding does not lower-case; such an atom is taken as present everywhere.
bool SearchableByAsciiFolding(const std::string& atom) {
  size_t len;
  for (size_t i = 0; i < atom.size(); i += len) {
    const char32_t c = DecodeAt(atom, i, &len);
    if (c >= 0x80 && static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))) != c) return false;
  }
  return true;
}

}  // namespace

void LiteralPrefilter::Build(const std::vector<const RE2*>& patterns, int min_atom_bytes) {
  size_ = static_cast<int>(patterns.size());
  filtered_ = false;
  filter_ = std::make_unique<re2::FilteredRE2>(min_atom_bytes);
  atoms_.clear();
  always_present_.clear();
  unfiltered_.clear();
  for (const RE2* pattern : patterns) {
    int id;
    if (filter_->Add(pattern->pattern(), pattern->options(), &id) != RE2::NoError) {
      return;  // Compiled alone before, so this does not happen; all stay candidates.
    }
  }
  if (size_ == 0) return;
  filter_->Compile(&atoms_);
  filtered_ = true;
  for (size_t i = 0; i < atoms_.size(); ++i) {
    if (!SearchableByAsciiFolding(atoms_[i])) always_present_.push_back(static_cast<int>(i));
  }
  filter_->AllPotentials(always_present_, &unfiltered_);
  std::sort(unfiltered_.begin(), unfiltered_.end());
  BuildAutomaton();
}

void LiteralPrefilter::BuildAutomaton() {
  // Byte classes: one per byte that occurs in an atom, class 0 for the rest.
  byte_class_.fill(0);
  classes_ = 1;
  for (const auto& atom : atoms_) {
    for (const char ch : atom) {
      const uint8_t b = kLower[static_cast<uint8_t>(ch)];
      if (byte_class_[b] == 0) byte_class_[b] = static_cast<uint8_t>(classes_++);
    }
  }
  for (int b = 0; b < 256; ++b) byte_class_[b] = byte_class_[kLower[b]];

  // The trie of atoms.
  std::vector<std::map<int, uint32_t>> trie(1);
  std::vector<std::vector<int>> ending(1);
  for (size_t a = 0; a < atoms_.size(); ++a) {
    uint32_t state = 0;
    for (const char ch : atoms_[a]) {
      const int cls = byte_class_[static_cast<uint8_t>(ch)];
      auto it = trie[state].find(cls);
      if (it == trie[state].end()) {
        it = trie[state].emplace(cls, static_cast<uint32_t>(trie.size())).first;
        trie.emplace_back();
        ending.emplace_back();
      }
      state = it->second;
    }
    ending[state].push_back(static_cast<int>(a));
  }

  // Breadth first: each state's transitions and outputs from its failure state's.
  const size_t states = trie.size();
  next_.assign(states * classes_, 0);
  std::vector<uint32_t> fail(states, 0);
  std::vector<std::vector<int>> out = ending;
  std::deque<uint32_t> queue;
  for (const auto& [cls, child] : trie[0]) {
    next_[cls] = child;
    queue.push_back(child);
  }
  while (!queue.empty()) {
    const uint32_t s = queue.front();
    queue.pop_front();
    const std::vector<int>& inherited = out[fail[s]];
    out[s].insert(out[s].end(), inherited.begin(), inherited.end());
    for (int cls = 0; cls < classes_; ++cls) {
      auto it = trie[s].find(cls);
      if (it == trie[s].end()) {
        next_[s * classes_ + cls] = next_[fail[s] * classes_ + cls];
      } else {
        fail[it->second] = next_[fail[s] * classes_ + cls];
        next_[s * classes_ + cls] = it->second;
        queue.push_back(it->second);
      }
    }
  }
  output_begin_.assign(states + 1, 0);
  outputs_.clear();
  for (size_t s = 0; s < states; ++s) {
    output_begin_[s] = static_cast<uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), out[s].begin(), out[s].end());
  }
  output_begin_[states] = static_cast<uint32_t>(outputs_.size());
  // Store each target as its row offset, flagged when atoms end there.
  for (uint32_t& target : next_) {
    target = (target * classes_) << 1 | (out[target].empty() ? 0 : 1);
  }
}

void LiteralPrefilter::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  if (!filtered_) {
    for (int i = 0; i < size_; ++i) out->push_back(i);
    return;
  }
  thread_local std::vector<int> found;
  found.assign(always_present_.begin(), always_present_.end());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const uint32_t* next = next_.data();
  const uint8_t* byte_class = byte_class_.data();
  uint32_t state = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    state = next[(state >> 1) + byte_class[bytes[i]]];
    if (state & 1) {
      const uint32_t s = (state >> 1) / classes_;
      found.insert(found.end(), outputs_.begin() + output_begin_[s],
                   outputs_.begin() + output_begin_[s + 1]);
    }
  }
  if (found.size() == always_present_.size()) {
    *out = unfiltered_;
    return;
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  filter_->AllPotentials(found, out);
  std::sort(out->begin(), out->end());
}

}  // namespace gangmu
