// UTF-8 helpers; see utf8.h. Covered by tests/unit/normalize_text_test.cc.
#include "utf8.h"

namespace gangmu {

char32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
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

void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t CountChars(std::string_view s) {
  size_t n = 0, len;
  for (size_t i = 0; i < s.size(); i += len, ++n) DecodeAt(s, i, &len);
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

std::string Trim(std::string_view s) {
  size_t begin = 0, len;
  while (begin < s.size() && IsSpace(DecodeAt(s, begin, &len))) begin += len;
  size_t end = s.size();
  while (end > begin) {
    const size_t prev = PreviousCharStart(s, end);
    if (!IsSpace(DecodeAt(s, prev, &len))) break;
    end = prev;
  }
  return std::string(s.substr(begin, end - begin));
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  size_t len;
  for (size_t i = 0; i < s.size(); i += len) {
    const char32_t c = DecodeAt(s, i, &len);
    if (!IsSpace(c)) out.append(s.substr(i, len));
  }
  return out;
}

}  // namespace gangmu
