// Small UTF-8 helpers shared by the stages. Invalid sequences decode as U+FFFD, one byte at a
// time, so that no loop over text can stall.
#ifndef GANGMU_UTF8_H_
#define GANGMU_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace gangmu {

// Decodes the code point at s[i], stores its byte length in *len (>= 1).
char32_t DecodeAt(std::string_view s, size_t i, size_t* len);
void AppendUtf8(std::string* out, char32_t c);
// Number of code points.
size_t CountChars(std::string_view s);
// Terminal cells taken by the first `chars` code points of s (CJK and full-width take two).
size_t DisplayWidth(std::string_view s, size_t chars);
// Byte offset of the code point before byte offset i (0 when i is 0).
size_t PreviousCharStart(std::string_view s, size_t i);
bool IsHan(char32_t c);
// Whitespace including the ideographic space and no-break space.
bool IsSpace(char32_t c);
// Strips ASCII and Unicode white space at both ends.
std::string Trim(std::string_view s);
// s with every white space character removed: for comparing lines that differ only in spacing.
std::string WithoutSpaces(std::string_view s);

}  // namespace gangmu

#endif  // GANGMU_UTF8_H_
