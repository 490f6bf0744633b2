// Small UTF-8 helpers shared by the stages. Invalid sequences decode as U+FFFD, one byte at a
// time, so that no loop over text can stall.
#ifndef GANGMU_UTF8_H_
#define GANGMU_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gangmu {

// Decodes the code point at s[i], stores its byte length in *len (>= 1). Invalid or truncated
// sequences decode as U+FFFD of length 1. Inline: every stage calls it per character.
inline char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  *len = 1;
  if (c < 0x80) return c;
  int need;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    cp = c & 0x07;
  } else {
    return 0xFFFD;
  }
  if (i + need >= s.size()) return 0xFFFD;  // Truncated at the end.
  for (int k = 1; k <= need; ++k) {
    const unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong forms and surrogates are invalid.
  if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0xFFFD;
  }
  *len = need + 1;
  return cp;
}

void AppendUtf8(std::string* out, char32_t c);
// Writes c's UTF-8 encoding to out[0..3] and returns its length.
size_t EncodeUtf8(char32_t c, char* out);
// Number of code points, counted as lead bytes: exact for valid UTF-8, an estimate otherwise.
size_t CountChars(std::string_view s);
// Terminal cells taken by the first `chars` code points of s (CJK and full-width take two).
size_t DisplayWidth(std::string_view s, size_t chars);
// Byte offset of the code point before byte offset i (0 when i is 0).
size_t PreviousCharStart(std::string_view s, size_t i);
// The last character of s (0 when empty).
char32_t LastChar(std::string_view s);
// A Han character, an ASCII letter or a digit.
bool IsWordChar(char32_t c);
bool IsHan(char32_t c);
// Whitespace including the ideographic space and no-break space.
bool IsSpace(char32_t c);
// Strips ASCII and Unicode white space at both ends.
std::string Trim(std::string_view s);
// The part of s without leading and trailing spaces, without copying.
std::string_view TrimmedView(std::string_view s);
// s with every white space character removed: for comparing lines that differ only in spacing.
std::string WithoutSpaces(std::string_view s);

// What WithoutSpaces(a) == WithoutSpaces(b) says, without building either.
bool SameWithoutSpaces(std::string_view a, std::string_view b);

// A 64-bit hash of the text without its white space, fed piece by piece: equal for texts that
// WithoutSpaces makes equal, so repeated lines and articles are found without a copy of each.
// `chars` counts the characters hashed.
class SpacelessHash {
 public:
  void Add(std::string_view s);
  uint64_t value() const;
  size_t chars() const { return chars_; }

 private:
  void Mix(uint64_t word);

  uint64_t hash_ = 0x243F6A8885A308D3ull;
  uint64_t pending_ = 0;  // Bytes not yet mixed in, the first in the lowest byte.
  unsigned filled_ = 0;   // How many.
  size_t chars_ = 0;
};

}  // namespace gangmu

#endif  // GANGMU_UTF8_H_
