"""Reading the files a user names (banks, source texts, articles, imports),
safely: only regular files, never more than a size limit, and every failure
as a sentence for the user. No Textual here.

A FIFO would block a plain ``open`` forever, ``/dev/zero`` would be read
until memory runs out, and a path with a NUL byte, a symbolic-link loop or
an over-long name raises exceptions of three different kinds; `read_file`
turns each into a `FileProblem` with a message.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

#: The largest file quizapp reads: banks, source texts, articles, imports.
MAX_FILE_BYTES = 20 * 1024 * 1024


class FileProblem(Exception):
    """A file that cannot be read; ``str(problem)`` says why, for the user."""


def read_file(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Raises `FileProblem` for anything else: a missing file, a folder, a FIFO
    or device, a file over ``limit`` bytes, a path with a NUL byte, a
    symbolic-link loop, a name too long, no permission.
    """
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead
        # of waiting; it is then refused as not a regular file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except ValueError:
        raise FileProblem("the path contains a NUL byte") from None
    except OSError as exc:
        raise FileProblem(describe_os_error(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem("this is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(
                f"not a regular file ({_kind(info.st_mode)}); quizapp reads only files"
            )
        if info.st_size > limit:
            raise FileProblem(f"the file is {_size(info.st_size)}; the limit is {_size(limit)}")
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:  # the file grew past the limit while being read
            raise FileProblem(f"the file is larger than the limit of {_size(limit)}")
        return b"".join(chunks)
    except OSError as exc:
        raise FileProblem(describe_os_error(exc)) from None
    finally:
        os.close(fd)


def describe_os_error(exc: OSError) -> str:
    """A sentence for the user about a failed file operation."""
    reasons = {
        errno.ENOENT: "no such file",
        errno.EISDIR: "this is a folder, not a file",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "the path is a loop of symbolic links",
        errno.ENAMETOOLONG: "the path, or a part of it, is too long",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ENOSPC: "no space left on the device",
        errno.EROFS: "the file system is read-only",
    }
    return reasons.get(exc.errno or 0) or f"cannot read the file: {exc.strerror or exc}"


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.0f} MB"
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count} bytes"
