// Runs a function over a stream of tasks on N threads and hands the results back in task order.
//
// At most `window` tasks are taken but not yet handed back, so memory is bounded by the window
// times the largest task, never by the stream: a crawl of a million pages runs in the memory of
// a few. The caller's thread pulls tasks and consumes results; only `work` runs on the workers,
// so `next` and `consume` need no locking. Covered by tests/unit/ordered_pool_test.cc.
#ifndef GANGMU_ORDERED_POOL_H_
#define GANGMU_ORDERED_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace gangmu {

// `next()` returns the next task or nullopt at the end; `work(task)` makes a result on a worker;
// `consume(result)` sees results in task order and returns false to stop early (the tasks under
// way finish, no new one starts).
template <typename Task, typename Result>
void RunOrdered(size_t threads, const std::function<std::optional<Task>()>& next,
                const std::function<Result(Task&)>& work,
                const std::function<bool(Result&)>& consume) {
  if (threads == 0) threads = 1;
  // Room for a slow task at the head of the queue while the others keep every thread busy.
  const size_t window = threads * 8;
  std::mutex mutex;
  std::condition_variable task_ready, result_ready;
  std::deque<std::pair<size_t, Task>> queue;
  std::map<size_t, Result> done;
  bool closing = false;

  std::vector<std::thread> workers;
  for (size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (;;) {
        std::unique_lock<std::mutex> lock(mutex);
        task_ready.wait(lock, [&] { return closing || !queue.empty(); });
        if (queue.empty()) return;
        auto [index, task] = std::move(queue.front());
        queue.pop_front();
        lock.unlock();
        Result result = work(task);
        lock.lock();
        done.emplace(index, std::move(result));
        result_ready.notify_one();
      }
    });
  }

  size_t issued = 0, consumed = 0;
  bool more = true, stop = false;
  while (!stop) {
    if (more && issued - consumed < window) {
      std::optional<Task> task = next();
      if (task) {
        std::lock_guard<std::mutex> lock(mutex);
        queue.emplace_back(issued++, std::move(*task));
        task_ready.notify_one();
        continue;
      }
      more = false;
    }
    if (consumed == issued) break;
    std::unique_lock<std::mutex> lock(mutex);
    result_ready.wait(lock, [&] { return done.count(consumed) > 0; });
    Result result = std::move(done.at(consumed));
    done.erase(consumed);
    lock.unlock();
    ++consumed;
    stop = !consume(result);
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    closing = true;
    queue.clear();
  }
  task_ready.notify_all();
  for (auto& w : workers) w.join();
}

}  // namespace gangmu

#endif  // GANGMU_ORDERED_POOL_H_
