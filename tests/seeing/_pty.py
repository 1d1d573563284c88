"""Driving an interactive evalframe command through a pseudo-terminal (stdlib pty)."""

import os
import pty
import select
import subprocess
import sys
import time

from ._run import env


class PtySession:
    """A child process on a pty: send lines, read until a prompt appears."""

    def __init__(self, args, cwd=None, extra_env=None):
        master, slave = pty.openpty()
        child_env = env()
        child_env.update(extra_env or {})
        self.proc = subprocess.Popen([sys.executable] + list(args), stdin=slave, stdout=slave,
                                     stderr=slave, env=child_env, cwd=cwd, close_fds=True)
        os.close(slave)
        self.master = master
        self.buffer = ""

    def read_until(self, marker, timeout=60):
        """All output up to and including ``marker``; fails after ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        while marker not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("no %r in output:\n%s" % (marker, self.buffer))
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    data = os.read(self.master, 4096)
                except OSError:
                    data = b""
                if not data:
                    if marker not in self.buffer:
                        raise AssertionError("EOF before %r:\n%s" % (marker, self.buffer))
                    break
                self.buffer += data.decode("utf-8", "replace").replace("\r\n", "\n")
        i = self.buffer.index(marker) + len(marker)
        out, self.buffer = self.buffer[:i], self.buffer[i:]
        return out

    def send(self, line):
        os.write(self.master, (line + "\n").encode())

    def finish(self, timeout=60):
        """Read everything until the child exits; its exit status."""
        deadline = time.monotonic() + timeout
        while True:
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    data = os.read(self.master, 4096)
                except OSError:
                    data = b""
                if data:
                    self.buffer += data.decode("utf-8", "replace").replace("\r\n", "\n")
                    continue
                break          # EOF (EIO on Linux): the child closed the pty
            if self.proc.poll() is not None:
                break
            if time.monotonic() > deadline:
                self.proc.kill()
                raise AssertionError("child did not exit:\n" + self.buffer)
        os.close(self.master)
        return self.proc.wait()
