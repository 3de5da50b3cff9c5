"""Cycles of garbage are collected in the GUI thread only, by the usual thresholds."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication

from desktop.ui import gcguard


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


def test_the_guard_is_installed_once_and_collects_from_the_gui_thread(
        qapp: QApplication) -> None:
    guard = gcguard.install()
    assert guard is not None and gcguard.install() is guard
    assert not gc.isenabled()
    gc.collect()
    refs: list[weakref.ref[Node]] = []
    collected_in: list[str] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collected_in.append(threading.current_thread().name)

    def worker() -> None:  # more garbage than a collection threshold, made in another thread
        for _ in range(guard.threshold[0] * 2):
            refs.append(weakref.ref(Node()))

    gc.callbacks.append(note)
    try:
        thread = threading.Thread(target=worker, name="worker")
        thread.start()
        thread.join()
        assert collected_in == []  # Python did not collect in the worker
        assert all(ref() is not None for ref in refs)
        guard.collect()  # the timer's call, in the GUI thread
    finally:
        gc.callbacks.remove(note)
    assert collected_in and set(collected_in) == {threading.main_thread().name}
    assert all(ref() is None for ref in refs)
