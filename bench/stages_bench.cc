// Google Benchmark micro-benchmarks: where the time of one page goes, stage by stage, and
// whether pathological inputs stay linear (BigO fits reported as "_BigO").
//
//   build/bench/gangmu_stage_bench [--benchmark_filter=Stage]
//
// The page is the five golden seed inputs concatenated (about 60 KB of real page text).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "build_outline.h"
#include "decode_input.h"
#include "extract.h"
#include "extract_metadata.h"
#include "filter_boilerplate.h"
#include "load_rules.h"
#include "normalize_text.h"
#include "split_articles.h"
#include "validate_schema.h"
#include "write_json.h"

namespace {

using namespace gangmu;

const std::string& Page() {
  static const std::string page = [] {
    std::string all;
    const auto dir = std::filesystem::path(GANGMU_SOURCE_DIR) / "tests" / "golden" / "input";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      all += s.str() + "\n";
    }
    return all;
  }();
  return page;
}

const RuleSet& Rules() {
  static const auto rules = LoadDefaultRules();
  return *rules;
}

void SetBytes(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

void StageDecode(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(DecodeInput("page", Page(), ""));
  SetBytes(state, Page().size());
}

void StageNormalize(benchmark::State& state) {
  const auto decoded = DecodeInput("page", Page(), "");
  std::vector<Warning> warnings;
  for (auto _ : state) {
    warnings.clear();
    benchmark::DoNotOptimize(NormalizeText(decoded.lines, Rules().normalize, &warnings));
  }
  SetBytes(state, Page().size());
}

std::vector<Line> NormalizedLines() {
  std::vector<Warning> warnings;
  return NormalizeText(DecodeInput("page", Page(), "").lines, Rules().normalize, &warnings);
}

void StageFurniture(benchmark::State& state) {
  const auto lines = NormalizedLines();
  for (auto _ : state) {
    state.PauseTiming();
    auto copy = lines;
    std::vector<Removal> removed;
    state.ResumeTiming();
    FilterBoilerplate(&copy, Rules().furniture, &removed);
  }
  SetBytes(state, Page().size());
}

void StageSplit(benchmark::State& state) {
  const auto lines = NormalizedLines();
  for (auto _ : state) {
    state.PauseTiming();
    auto copy = lines;
    std::vector<Removal> removed;
    state.ResumeTiming();
    benchmark::DoNotOptimize(SplitArticles(std::move(copy), Rules(), &removed));
  }
  SetBytes(state, Page().size());
}

void StageMetadataAndOutline(benchmark::State& state) {
  std::vector<Removal> removed;
  const SplitPage page = SplitArticles(NormalizedLines(), Rules(), &removed);
  for (auto _ : state) {
    state.PauseTiming();
    auto articles = page.articles;
    state.ResumeTiming();
    for (auto& a : articles) {
      ExtractMetadata(&a, Rules().metadata);
      BuildOutline(&a, Rules().headings);
    }
  }
  SetBytes(state, Page().size());
}

// The CLI's output step: the text written from the result while the schema check reads the
// same events.
void StageWriteJson(benchmark::State& state) {
  const Result result = Extract("page", Page(), Rules(), {});
  const SchemaValidator validator;
  for (auto _ : state) {
    SchemaValidator::Stream check(validator);
    benchmark::DoNotOptimize(WriteJson(result, false, &check));
  }
  SetBytes(state, Page().size());
}

void StageWriteJsonUnchecked(benchmark::State& state) {
  const Result result = Extract("page", Page(), Rules(), {});
  for (auto _ : state) benchmark::DoNotOptimize(WriteJson(result, false));
  SetBytes(state, Page().size());
}

// The tree, for the library's callers who want one (not on the CLI's path).
void StageToJson(benchmark::State& state) {
  const Result result = Extract("page", Page(), Rules(), {});
  for (auto _ : state) benchmark::DoNotOptimize(ToJson(result));
  SetBytes(state, Page().size());
}

void WholePage(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Extract("page", Page(), Rules(), {}));
  SetBytes(state, Page().size());
}

void WholePageToText(benchmark::State& state) {
  const SchemaValidator validator;
  for (auto _ : state) {
    const Result result = Extract("page", Page(), Rules(), {});
    SchemaValidator::Stream check(validator);
    benchmark::DoNotOptimize(WriteJson(result, false, &check));
  }
  SetBytes(state, Page().size());
}

// Pathological inputs of growing size n: the time per byte must stay flat (BigO ~ N).
void Pathological(benchmark::State& state, const std::string& unit, const std::string& prefix,
                  const std::string& suffix) {
  std::string text = prefix;
  for (int64_t i = 0; i < state.range(0); ++i) text += unit;
  text += suffix;
  for (auto _ : state) benchmark::DoNotOptimize(Extract("p", text, Rules(), {}));
  state.SetComplexityN(state.range(0));
  SetBytes(state, text.size());
}

void MarkersOnOneLine(benchmark::State& state) { Pathological(state, "一、甲。", "", "\n"); }
void NestedBrackets(benchmark::State& state) { Pathological(state, "(（[【", "", "一、甲。\n"); }
void EmptyLines(benchmark::State& state) { Pathological(state, "\n", "标题\n", "一、甲。\n"); }
void LongLine(benchmark::State& state) { Pathological(state, "这是一个很长的句子没有标点", "", "\n"); }

}  // namespace

BENCHMARK(StageDecode);
BENCHMARK(StageNormalize);
BENCHMARK(StageFurniture);
BENCHMARK(StageSplit);
BENCHMARK(StageMetadataAndOutline);
BENCHMARK(StageWriteJson);
BENCHMARK(StageWriteJsonUnchecked);
BENCHMARK(StageToJson);
BENCHMARK(WholePage);
BENCHMARK(WholePageToText);
BENCHMARK(MarkersOnOneLine)->RangeMultiplier(10)->Range(1000, 100000)->Complexity();
BENCHMARK(NestedBrackets)->RangeMultiplier(10)->Range(1000, 100000)->Complexity();
BENCHMARK(EmptyLines)->RangeMultiplier(10)->Range(10000, 1000000)->Complexity();
BENCHMARK(LongLine)->RangeMultiplier(10)->Range(1000, 100000)->Complexity();

BENCHMARK_MAIN();
