"""Progress display for a load: one rich bar per file and phase, with rows per second. The pipeline
talks to `Progress`, which shows nothing (library use, tests); `RichBars` draws the bars."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.progress import (
    Progress as RichProgress,
)
from rich.text import Text


class _RowsPerSecond(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} rows/s" if speed else "", style="cyan")


class Progress:
    """Shows nothing; subclassed by the rich display."""

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        pass

    def task(self, label: str, total: int | None) -> Bar:
        """Starts a bar; call it with the number of rows done so far, `close()` it when done."""
        return Bar()


class Bar:
    def __call__(self, done: int) -> None:
        pass

    def close(self) -> None:
        pass


class RichBars(Progress):
    def __init__(self, console: Console | None = None):
        self._p = RichProgress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            _RowsPerSecond(),
            TimeElapsedColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )

    def __enter__(self) -> RichBars:
        self._p.start()
        return self

    def __exit__(self, *exc) -> None:
        self._p.stop()

    def task(self, label: str, total: int | None) -> Bar:
        return _RichBar(self._p, self._p.add_task(label, total=total), total)


class _RichBar(Bar):
    def __init__(self, p: RichProgress, tid, total: int | None):
        self.p, self.tid, self.total, self.done = p, tid, total, 0

    def __call__(self, done: int) -> None:
        self.done = done
        self.p.update(self.tid, completed=done, total=max(self.total, done) if self.total is not None else None)

    def close(self) -> None:
        self.p.update(self.tid, total=self.done, completed=self.done)
        self.p.stop_task(self.tid)
