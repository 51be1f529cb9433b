"""Another implementation, run as a process that speaks the kit's protocol (behind the CLI).

The protocol is JSON Lines over the process's standard input and output, one
message a line, in lockstep: the command says hello with the protocol's
version and the adapter answers with the same version and its name; then for
each vector the command sends one request (its id, topic and input) and reads
one reply (the id, and the output or an error). Closing the adapter's standard
input ends the run. ``docs/conformance.md`` is the full statement.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shlex
import subprocess
import threading
from typing import IO, TYPE_CHECKING, Any, Final

from complaintcode.cli._kit import KIT_FORMAT

if TYPE_CHECKING:
    from complaintcode.cli._kit import Vector

#: The name and version of the protocol, sent in the hello and expected back.
PROTOCOL: Final = "complaintcode/conformance-protocol@1"
#: Seconds to wait for the hello, for each answer, and for the adapter to exit.
TIMEOUT: Final = 30.0


class AdapterError(Exception):
    """The adapter could not be started, broke the protocol, or stopped answering."""


def _lines(stream: IO[str], inbox: queue.Queue[str | None]) -> None:
    """Pass the adapter's output lines to the command, then ``None`` at its end."""
    for line in stream:
        inbox.put(line)
    inbox.put(None)


class Adapter:
    """A running adapter: start it, ask it each vector, then close it.

    Args:
        command: The command line that starts it, split into words as a POSIX
            shell would (no shell runs it).
        timeout: Seconds to wait for each line it owes.

    Raises:
        AdapterError: If it cannot be started or does not answer the hello.
    """

    def __init__(self, command: str, *, timeout: float = TIMEOUT) -> None:
        try:
            words = shlex.split(command, posix=os.name != "nt")
        except ValueError as err:
            raise AdapterError(f"cannot read the adapter command {command!r}: {err}") from None
        if not words:
            raise AdapterError("the adapter command is empty")
        self.timeout = timeout
        try:
            self._process = subprocess.Popen(  # noqa: S603  # the user's own command, by design
                words,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        except OSError as err:
            raise AdapterError(f"cannot start {words[0]!r}: {err.strerror or err}") from None
        self._inbox: queue.Queue[str | None] = queue.Queue()
        assert self._process.stdout is not None  # noqa: S101  # a pipe was asked for
        threading.Thread(
            target=_lines, args=(self._process.stdout, self._inbox), daemon=True
        ).start()
        hello = self._exchange({"protocol": PROTOCOL, "kit": KIT_FORMAT})
        if hello.get("protocol") != PROTOCOL:
            self.close()
            raise AdapterError(f"the adapter speaks {hello.get('protocol')!r}, not {PROTOCOL!r}")
        name = hello.get("implementation")
        self.implementation = name if isinstance(name, str) and name else words[0]

    def _exchange(self, message: dict[str, Any]) -> dict[str, Any]:
        stdin = self._process.stdin
        assert stdin is not None  # noqa: S101  # a pipe was asked for
        try:
            stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
            stdin.flush()
        except OSError:
            raise AdapterError(self._stopped()) from None
        try:
            line = self._inbox.get(timeout=self.timeout)
        except queue.Empty:
            raise AdapterError(f"no answer within {self.timeout:g} seconds") from None
        if line is None:
            raise AdapterError(self._stopped())
        try:
            reply = json.loads(line)
        except ValueError:
            raise AdapterError(f"the adapter wrote a line that is not JSON: {line!r}") from None
        if not isinstance(reply, dict):
            raise AdapterError(f"the adapter wrote {line.strip()!r}, not a JSON object")
        return reply

    def _stopped(self) -> str:
        code = self._process.poll()
        return "the adapter stopped" + ("" if code is None else f" (exit code {code})")

    def ask(self, vector: Vector) -> tuple[dict[str, Any] | None, str | None]:
        """The adapter's output for a vector, or the error it reported instead.

        Raises:
            AdapterError: If it breaks the protocol or stops answering.
        """
        reply = self._exchange({"id": vector.id, "topic": vector.topic, "input": vector.input})
        if reply.get("id") != vector.id:
            raise AdapterError(
                f"asked for {vector.id!r}, the adapter answered for {reply.get('id')!r}"
            )
        output, error = reply.get("output"), reply.get("error")
        if isinstance(error, str):
            return None, error
        if not isinstance(output, dict):
            raise AdapterError(f"{vector.id}: the reply has neither an output object nor an error")
        return output, None

    def close(self) -> None:
        """End the run: close the adapter's input and wait for it to exit (or stop it)."""
        with contextlib.suppress(OSError):
            if self._process.stdin is not None:
                self._process.stdin.close()
        try:
            self._process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
