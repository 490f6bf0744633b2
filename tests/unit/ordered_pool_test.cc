// ordered_pool.h: results come back in task order, whatever order the workers finish in.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "ordered_pool.h"

TEST_CASE("pool: results in task order with uneven work", "[pool]") {
  for (size_t threads : {1, 2, 4}) {
    int next = 0;
    std::vector<int> seen;
    gangmu::RunOrdered<int, int>(
        threads, [&]() -> std::optional<int> { return next < 50 ? std::optional<int>(next++) : std::nullopt; },
        [](int& task) {
          // Early tasks take longest, so later ones finish first.
          std::this_thread::sleep_for(std::chrono::microseconds((50 - task) * 20));
          return task * task;
        },
        [&](int& result) {
          seen.push_back(result);
          return true;
        });
    REQUIRE(seen.size() == 50);
    for (int i = 0; i < 50; ++i) CHECK(seen[i] == i * i);
  }
}

TEST_CASE("pool: never more than the window of tasks under way", "[pool]") {
  std::atomic<int> taken{0}, consumed{0}, max_ahead{0};
  int next = 0;
  gangmu::RunOrdered<int, int>(
      2,
      [&]() -> std::optional<int> {
        if (next == 100) return std::nullopt;
        const int ahead = ++taken - consumed;
        max_ahead = std::max(max_ahead.load(), ahead);
        return next++;
      },
      [](int& task) { return task; },
      [&](int&) {
        ++consumed;
        return true;
      });
  CHECK(consumed == 100);
  CHECK(max_ahead <= 16);  // 2 threads x 8.
}

TEST_CASE("pool: consume returning false stops taking tasks", "[pool]") {
  int next = 0, consumed = 0;
  gangmu::RunOrdered<int, int>(
      2, [&]() -> std::optional<int> { return next < 1000 ? std::optional<int>(next++) : std::nullopt; },
      [](int& task) { return task; },
      [&](int&) { return ++consumed < 3; });
  CHECK(consumed == 3);
  CHECK(next < 1000);
}
