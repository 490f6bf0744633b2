// Stage 1: bytes -> UTF-8 lines; see decode_input.h.
#include "decode_input.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "diagnostic.h"
#include "utf8.h"

namespace gangmu {
namespace {

// Counts bytes that are not valid UTF-8, and valid multi-byte characters into *valid; stops
// early once `limit` invalid bytes are passed. *invisible tells whether a control character or
// a zero-width one (what normalize_text removes) occurs, so that pages without any (most) spare
// normalize_text a look at every line.
size_t InvalidUtf8Bytes(std::string_view bytes, size_t limit, size_t* valid, bool* invisible) {
  size_t invalid = 0, len;
  *valid = 0;
  bool seen = false;
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  for (size_t i = 0; i < n && invalid <= limit; i += len) {
    if (b[i] < 0x80) {
      len = 1;
      seen |= (b[i] < 0x20 && b[i] != '\t' && b[i] != '\n' && b[i] != '\r') || b[i] == 0x7F;
      continue;
    }
    // Well-formed three-byte characters (CJK) are most of a Chinese page.
    if ((b[i] & 0xF0) == 0xE0 && i + 2 < n && (b[i + 1] & 0xC0) == 0x80 &&
        (b[i + 2] & 0xC0) == 0x80 && (b[i] != 0xE0 || b[i + 1] >= 0xA0) &&
        (b[i] != 0xED || b[i + 1] < 0xA0)) {
      len = 3;
      ++*valid;
      // U+200B..U+200D, U+2060, U+FEFF.
      seen |= (b[i] == 0xE2 && ((b[i + 1] == 0x80 && b[i + 2] >= 0x8B && b[i + 2] <= 0x8D) ||
                                (b[i + 1] == 0x81 && b[i + 2] == 0xA0))) ||
              (b[i] == 0xEF && b[i + 1] == 0xBB && b[i + 2] == 0xBF);
      continue;
    }
    const char32_t c = DecodeAt(bytes, i, &len);
    seen |= c == 0x00AD;
    if (c == 0xFFFD && !(len == 3 && bytes.substr(i, 3) == "\xEF\xBF\xBD")) {
      ++invalid;
    } else {
      ++*valid;
    }
  }
  *invisible = seen;
  return invalid;
}

// Text has few control characters besides tab, CR, LF and form feed; binary has many, NULs
// among them. A few strays (a NUL from a bad conversion) leave a page text: they are dropped
// with a warning by normalize_text.
bool LooksBinary(std::string_view bytes) {
  const size_t sample = std::min<size_t>(bytes.size(), 1 << 16);
  size_t control = 0, nul = 0, i = 0;
#if defined(__SSE2__)
  // 16 bytes a step (GCC left the scalar loop below unvectorised, and it was 40% of this
  // stage): a byte is a control character when min(byte, 0x1F) is the byte.
  const __m128i top = _mm_set1_epi8(0x1F), zero = _mm_setzero_si128();
  const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                ff = _mm_set1_epi8('\f'), esc = _mm_set1_epi8(0x1B);
  for (; i + 16 <= sample; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + i));
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, top), v);
    const int low_mask = _mm_movemask_epi8(low);
    if (low_mask == 0) continue;
    const __m128i allowed =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, ff)),
                                  _mm_cmpeq_epi8(v, esc)));
    control += __builtin_popcount(low_mask & ~_mm_movemask_epi8(allowed));
    nul += __builtin_popcount(_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)));
  }
#endif
  for (; i < sample; ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    nul += c == 0;
    control += (c < 0x20) & (c != '\t') & (c != '\n') & (c != '\r') & (c != '\f') & (c != 0x1B);
  }
  return (nul >= 2 && nul * 100 > sample) || control * 100 > sample + 800;
}

std::string ToUtf8(std::string_view display_name, std::string_view bytes,
                   const std::string& encoding, size_t* replaced) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(encoding.c_str(), &status),
                                                          &ucnv_close);
  if (U_FAILURE(status)) {
    throw Error({{std::string(display_name), 0, 0, "unknown encoding '" + encoding + "'", ""}});
  }
  std::u16string utf16(bytes.size() + 1, u'\0');
  status = U_ZERO_ERROR;
  const int32_t n = ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()),
                                  bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    utf16.assign(n + 1, u'\0');
    status = U_ZERO_ERROR;
    ucnv_toUChars(conv.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                  static_cast<int32_t>(bytes.size()), &status);
  }
  if (U_FAILURE(status)) {
    throw Error({{std::string(display_name), 0, 0,
                  "cannot convert from " + encoding + ": " + u_errorName(status), ""}});
  }
  utf16.resize(n);
  std::string out;
  out.reserve(n * 3 / 2);
  *replaced = 0;
  for (size_t i = 0; i < utf16.size(); ++i) {
    char32_t c = utf16[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < utf16.size() && utf16[i + 1] >= 0xDC00 &&
        utf16[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (utf16[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    if (c == 0xFFFD || c == 0x1A) ++*replaced;  // ICU's substitution characters.
    AppendUtf8(&out, c);
  }
  return out;
}

std::string DetectEncoding(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                       &ucsdet_close);
  if (U_FAILURE(status)) return "GB18030";
  // The detector reads a prefix; 64 KiB is plenty to tell the encodings we meet apart.
  const int32_t sample = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(detector.get(), bytes.data(), sample, &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "GB18030";
  const std::string name = ucsdet_getName(match, &status);
  // ICU names GBK text "GB18030" and Big5 "Big5". Its other guesses for bytes that are not
  // UTF-8 (Latin, Arabic EBCDIC, ...) are mistakes of short Chinese samples on the pages we
  // read: GB18030 is the likelier reading.
  static const char* const kKept[] = {"GB18030", "Big5", "UTF-8", "UTF-16LE", "UTF-16BE",
                                      "EUC-JP", "Shift_JIS", "EUC-KR", "ISO-2022-CN"};
  for (const char* kept : kKept) {
    if (name == kept) return name;
  }
  return "GB18030";
}

}  // namespace

DecodedInput DecodeInput(std::string_view display_name, std::string_view bytes,
                         const std::string& forced_encoding) {
  DecodedInput out;
  std::string text;
  size_t replaced = 0;
  std::string_view body = bytes;
  if (!forced_encoding.empty()) {
    out.encoding = forced_encoding;
    text = ToUtf8(display_name, body, forced_encoding, &replaced);
  } else if (body.substr(0, 3) == "\xEF\xBB\xBF") {
    out.encoding = "UTF-8";
    body.remove_prefix(3);
  } else if (body.substr(0, 2) == "\xFF\xFE" || body.substr(0, 2) == "\xFE\xFF") {
    out.encoding = body[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    text = ToUtf8(display_name, body.substr(2), out.encoding, &replaced);
  } else {
    // UTF-16 without a BOM shows as NULs in every other byte of ASCII-range text.
    size_t even_nul = 0, odd_nul = 0;
    const size_t sample = std::min<size_t>(body.size(), 4096);
    for (size_t i = 0; i < sample; ++i) {
      if (body[i] == 0) (i % 2 ? odd_nul : even_nul)++;
    }
    if (sample >= 4 && odd_nul * 4 > sample / 2 && even_nul * 20 < sample) {
      out.encoding = "UTF-16LE";
    } else if (sample >= 4 && even_nul * 4 > sample / 2 && odd_nul * 20 < sample) {
      out.encoding = "UTF-16BE";
    }
    if (!out.encoding.empty()) {
      text = ToUtf8(display_name, body, out.encoding, &replaced);
    } else if (LooksBinary(body)) {
      throw Error({{std::string(display_name), 0, 0,
                    "not text (binary data: NUL bytes or control characters); skipped", ""}});
    } else {
      // Mostly valid UTF-8 is UTF-8 with damage, not another encoding: GB18030 or Big5 read
      // as UTF-8 give more invalid bytes than valid characters.
      size_t valid = 0;
      bool invisible = true;
      const size_t invalid = InvalidUtf8Bytes(body, body.size() / 100 + 8, &valid, &invisible);
      if (invalid <= body.size() / 100 + 8 && valid >= 2 * invalid) {
        out.encoding = "UTF-8";
        if (invalid == 0) {  // The common case: nothing to repair.
          text.assign(body);
          out.may_hold_invisible = invisible;
        }
      } else {
        out.encoding = DetectEncoding(body);
        text = ToUtf8(display_name, body, out.encoding, &replaced);
      }
    }
  }
  if (out.encoding == "UTF-8" && forced_encoding.empty() && text.empty()) {
    text.reserve(body.size());
    size_t len;
    for (size_t i = 0; i < body.size(); i += len) {
      const char32_t c = DecodeAt(body, i, &len);
      if (c == 0xFFFD && !(len == 3 && body.substr(i, 3) == "\xEF\xBF\xBD")) {
        ++replaced;
        AppendUtf8(&text, 0xFFFD);
      } else {
        text.append(body.substr(i, len));
      }
    }
  }
  if (replaced > 0) {
    out.warnings.push_back({"invalid_bytes",
                            std::to_string(replaced) + " byte sequence(s) not valid " +
                                out.encoding + " were replaced by U+FFFD",
                            0});
  }
  if (text.empty()) return out;
  // Split on \n, \r\n and lone \r; pages without \r (most) take the memchr path.
  size_t start = 0;
  if (text.find('\r') == std::string::npos) {
    for (;;) {
      const size_t end = text.find('\n', start);
      out.lines.emplace_back(text, start, (end == std::string::npos ? text.size() : end) - start);
      if (end == std::string::npos) break;
      start = end + 1;
    }
  } else {
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
        out.lines.emplace_back(text, start, i - start);
        if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        start = i + 1;
      }
    }
  }
  if (!out.lines.empty() && out.lines.back().empty() && !text.empty() &&
      (text.back() == '\n' || text.back() == '\r')) {
    out.lines.pop_back();
  }
  return out;
}

}  // namespace gangmu
