"""Results come back in the order of the paths, whichever worker finishes first (kill trials rely on it)."""

from __future__ import annotations

from regiovolger import sandbox
from tests.conftest import SEEDS


def test_results_in_the_order_given_though_the_first_file_is_the_slowest(tmp_path, monkeypatch):
    seeds = sorted(SEEDS.glob("*.txt"))
    big = tmp_path / "a-groot.txt"
    big.write_text("\n\n".join(s.read_text(encoding="utf-8") for s in seeds[:2]), encoding="utf-8")
    todo = [(str(big), "0")]
    for i in range(6):
        small = tmp_path / f"b-klein-{i}.txt"
        small.write_text(f"Memo {i}\nHet bestuur besluit de vergadering te sluiten.\n", encoding="utf-8")
        todo.append((str(small), str(i + 1)))
    given = []
    real_run = sandbox.run

    def spy(tasks, workers, refill=None):
        def counting(n):
            batch = refill(n)
            given.extend(batch)
            return batch
        return real_run(tasks, workers, counting)

    monkeypatch.setattr(sandbox, "run", spy)
    results = list(sandbox.run_ordered(todo, 2, window=3))
    assert [r.path for r in results] == [p for p, _ in todo]
    assert all(r.processed is not None for r in results)
    assert given == todo  # each handed out once, in order
