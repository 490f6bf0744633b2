// Result -> retrieval chunks, one JSON object per line, for vector stores and RAG pipelines.
// Each chunk holds whole paragraphs of one section (the preamble counts as a section with an
// empty path), cut at paragraph ends, else at sentence ends, to at most max_chars characters;
// only a sentence longer than that is cut inside, into pieces of max_chars. Each chunk carries
// what a paragraph cut from its page needs to mean something: the article's title, authors,
// source and date, the heading path from the article down to its section (markers kept:
// ["二、存在的问题", "(三)加强监督"]), the section's number path ("2.3"), and its first and
// last input line. With overlap N, a chunk after the first of a section opens with the last N
// sentences of the one before (within the limit). Covered by tests/unit/write_chunks_test.cc.
#ifndef GANGMU_WRITE_CHUNKS_H_
#define GANGMU_WRITE_CHUNKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "document.h"

namespace gangmu {

struct ChunkOptions {
  int max_chars = 800;
  int overlap_sentences = 0;
};

// The sentences of a paragraph, in order, whose concatenation is the paragraph: each ends
// after 。!?;!?; (and the closing quotes or brackets right after), the last wherever the
// paragraph ends.
std::vector<std::string_view> Sentences(std::string_view paragraph);

// One compact JSON object per chunk, each followed by a newline, in reading order.
std::string WriteChunks(const Result& result, const ChunkOptions& options);

}  // namespace gangmu

#endif  // GANGMU_WRITE_CHUNKS_H_
