// UTF-8 helpers; see utf8.h. Covered by tests/unit/normalize_text_test.cc.
#include "utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <cstring>

namespace gangmu {

size_t EncodeUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

void AppendUtf8(std::string* out, char32_t c) {
  char bytes[4];
  out->append(bytes, EncodeUtf8(c, bytes));
}

size_t CountChars(std::string_view s) {
  // Every string reaching here went through decode_input, so it is valid UTF-8 and a character
  // is a byte that is no continuation byte. The loop vectorises; counts are on every hot path.
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

static bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

size_t DisplayWidth(std::string_view s, size_t chars) {
  size_t width = 0, len;
  for (size_t i = 0, n = 0; i < s.size() && n < chars; i += len, ++n) {
    width += IsWide(DecodeAt(s, i, &len)) ? 2 : 1;
  }
  return width;
}

size_t PreviousCharStart(std::string_view s, size_t i) {
  if (i == 0) return 0;
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F) || c == 0x3007;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' ||
         c == 0x00A0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F;
}

std::string_view TrimmedView(std::string_view s) {
  size_t begin = 0, len;
  while (begin < s.size() && IsSpace(DecodeAt(s, begin, &len))) begin += len;
  size_t end = s.size();
  while (end > begin) {
    const size_t prev = PreviousCharStart(s, end);
    if (!IsSpace(DecodeAt(s, prev, &len))) break;
    end = prev;
  }
  return s.substr(begin, end - begin);
}

std::string Trim(std::string_view s) { return std::string(TrimmedView(s)); }

namespace {

// Calls visit(begin, end) for each maximal run of s holding no white space.
template <typename Visit>
void ForEachNonSpaceRun(std::string_view s, Visit visit) {
  size_t run = 0;  // Start of the bytes not yet visited.
  size_t scalar_until = 0;  // Bytes before this are looked at one character at a time.
  for (size_t i = 0; i < s.size();) {
#if defined(__SSE2__)
    // Blocks of 16 bytes holding no byte a space can start with go by at once: most of a Han
    // line. U+3000 (E3 80 80) is told from the other E3 characters, CJK punctuation, by the
    // two bytes after it. A block skipped may end inside a character; its continuation bytes
    // are then read one by one below, and no space starts with one.
    if (i >= scalar_until) {
      while (i + 18 <= s.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + 1));
        const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i + 2));
        const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x20)), v);
        const __m128i leads = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))),
                                           _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2))));
        const __m128i ideographic = _mm_and_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE3))),
            _mm_and_si128(_mm_cmpeq_epi8(v1, _mm_set1_epi8(static_cast<char>(0x80))),
                          _mm_cmpeq_epi8(v2, _mm_set1_epi8(static_cast<char>(0x80)))));
        if (_mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(leads, ideographic))) != 0) break;
        i += 16;
      }
      scalar_until = i + 16;
      if (i >= s.size()) break;
    }
#endif
    const unsigned char b = static_cast<unsigned char>(s[i]);
    // A stray continuation byte is a character of its own, so that one cut off its lead
    // cannot swallow the space after it.
    size_t len = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    // Only ASCII, C2 (U+00A0), E2 (U+2000..U+205F) and E3 (U+3000) start a space.
    const bool maybe_space = b < 0x80 || b == 0xC2 || b == 0xE2 || b == 0xE3;
    if (maybe_space && IsSpace(b < 0x80 ? b : DecodeAt(s, i, &len))) {
      if (i > run) visit(run, i);
      run = i + len;
    }
    i += len;
  }
  if (s.size() > run) visit(run, s.size());
}

}  // namespace

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachNonSpaceRun(s, [&](size_t begin, size_t end) { out.append(s, begin, end - begin); });
  return out;
}

bool SameWithoutSpaces(std::string_view a, std::string_view b) {
  // Rare (only where hashes agree): clarity over speed.
  return WithoutSpaces(a) == WithoutSpaces(b);
}

void SpacelessHash::Add(std::string_view s) {
  // The bytes are packed eight to a word and each word mixed in, so the hash of a text does not
  // depend on where its pieces or its runs without spaces begin and end. A multiply per byte
  // (FNV) made this the costliest step of a run: each waited for the one before.
  ForEachNonSpaceRun(s, [&](size_t begin, size_t end) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    size_t i = begin;
    while (i < end) {
      if (filled_ == 0 && end - i >= 8) {
        uint64_t word;
        std::memcpy(&word, b + i, 8);
        Mix(word);
        // Continuation bytes (10xxxxxx) are counted by their top bits, summed by a multiply.
        const uint64_t continuation = (word & (~word << 1) & 0x8080808080808080ull) >> 7;
        chars_ += 8 - ((continuation * 0x0101010101010101ull) >> 56);
        i += 8;
        continue;
      }
      pending_ |= static_cast<uint64_t>(b[i]) << (8 * filled_);
      chars_ += (b[i] & 0xC0) != 0x80;
      ++i;
      if (++filled_ == 8) {
        Mix(pending_);
        pending_ = 0;
        filled_ = 0;
      }
    }
  });
}

uint64_t SpacelessHash::value() const {
  uint64_t h = hash_ ^ pending_ ^ (static_cast<uint64_t>(filled_) << 56);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

void SpacelessHash::Mix(uint64_t word) {
  hash_ = (hash_ ^ word) * 0x9E3779B97F4A7C15ull;
  hash_ ^= hash_ >> 29;
}

char32_t LastChar(std::string_view s) {
  if (s.empty()) return 0;
  size_t len;
  return DecodeAt(s, PreviousCharStart(s, s.size()), &len);
}

bool IsWordChar(char32_t c) {
  return IsHan(c) || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace gangmu
