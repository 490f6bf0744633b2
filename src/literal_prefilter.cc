// See literal_prefilter.h.
#include "literal_prefilter.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "utf8.h"

namespace gangmu {
namespace {

// FilteredRE2 lower-cases its atoms, so the text is compared with ASCII letters lower-cased.
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

bool HasAsciiLetters(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
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
  BuildIndex();
  filter_->AllPotentials(always_present_, &unfiltered_);
  std::sort(unfiltered_.begin(), unfiltered_.end());
}

void LiteralPrefilter::BuildIndex() {
  first_char_bits_.assign(0x10000 / 64, 0);
  by_first_char_.clear();
  atom_has_letters_.assign(atoms_.size(), false);
  auto set_bit = [&](char32_t c) { first_char_bits_[c >> 6] |= uint64_t{1} << (c & 63); };
  for (size_t i = 0; i < atoms_.size(); ++i) {
    const std::string& atom = atoms_[i];
    size_t len;
    const char32_t first = atom.empty() ? 0x110000 : DecodeAt(atom, 0, &len);
    if (first >= 0x10000 || !SearchableByAsciiFolding(atom)) {
      always_present_.push_back(static_cast<int>(i));
      continue;
    }
    set_bit(first);
    if (first >= 'a' && first <= 'z') set_bit(first - 32);
    by_first_char_.emplace_back(first, static_cast<int>(i));
    atom_has_letters_[i] = HasAsciiLetters(atom);
  }
  std::sort(by_first_char_.begin(), by_first_char_.end());
  size_t size = 16;
  while (size < 2 * by_first_char_.size()) size *= 2;
  slots_.assign(size, Slot{});
  slot_mask_ = static_cast<uint32_t>(size - 1);
  for (size_t i = 0; i < by_first_char_.size();) {
    size_t j = i;
    while (j < by_first_char_.size() && by_first_char_[j].first == by_first_char_[i].first) ++j;
    uint32_t h = SlotOf(by_first_char_[i].first);
    while (slots_[h].end != 0) h = (h + 1) & slot_mask_;
    slots_[h] = {by_first_char_[i].first, static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    i = j;
  }
}

void LiteralPrefilter::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  if (!filtered_) {
    for (int i = 0; i < size_; ++i) out->push_back(i);
    return;
  }
  // First pass, without branches on the text: the positions of characters whose bit is set
  // are appended unconditionally and kept by advancing the count only for a set bit. A branch
  // per character would be mispredicted at every common atom character (年, 。, 文).
  thread_local std::vector<uint32_t> hits;
  thread_local std::vector<int> found;
  found.assign(always_present_.begin(), always_present_.end());
  const auto* b = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  if (hits.size() < n + 1) hits.resize(n + 1);
  uint32_t* hit = hits.data();
  size_t count = 0;
  const uint64_t* bits = first_char_bits_.data();
  for (size_t i = 0; i < n;) {
    // The character at i, decoded only far enough to index the bitmap; a byte that starts no
    // character of the Basic Multilingual Plane (a continuation byte after a stray lead, a
    // four-byte lead) is stepped over alone.
    const uint8_t lead = b[i];
    char32_t c;
    size_t len;
    if (lead < 0x80) {
      c = lead, len = 1;
    } else if ((lead & 0xF0) == 0xE0 && i + 2 < n && (b[i + 1] & 0xC0) == 0x80 &&
               (b[i + 2] & 0xC0) == 0x80) {
      c = ((lead & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F), len = 3;
    } else if ((lead & 0xE0) == 0xC0 && i + 1 < n && (b[i + 1] & 0xC0) == 0x80) {
      c = ((lead & 0x1F) << 6) | (b[i + 1] & 0x3F), len = 2;
    } else {
      c = 0, len = 1;  // Bit 0 (NUL) is never set: no atom starts with it.
    }
    hit[count] = static_cast<uint32_t>(i);
    count += (bits[c >> 6] >> (c & 63)) & 1;
    i += len;
  }
  // Second pass: the atoms starting with each character found, compared past that character.
  for (size_t h = 0; h < count; ++h) {
    const size_t i = hit[h];
    const uint8_t lead = b[i];
    const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3;
    const char32_t key =
        lead < 0x80 ? kLower[lead]
        : len == 2  ? ((lead & 0x1F) << 6) | (b[i + 1] & 0x3F)
                    : ((lead & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
    uint32_t s = SlotOf(key);
    while (slots_[s].first != key) s = (s + 1) & slot_mask_;  // Present: its bit is set.
    for (uint32_t k = slots_[s].begin; k < slots_[s].end; ++k) {
      const int index = by_first_char_[k].second;
      const std::string& atom = atoms_[index];
      if (atom.size() > n - i) continue;
      const auto* a = reinterpret_cast<const uint8_t*>(atom.data());
      size_t at = len;
      if (atom_has_letters_[index]) {
        while (at < atom.size() && kLower[b[i + at]] == a[at]) ++at;
      } else {
        while (at < atom.size() && b[i + at] == a[at]) ++at;
      }
      if (at == atom.size()) found.push_back(index);
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
