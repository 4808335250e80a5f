"""The box LibreOffice converts in: bubblewrap, no network, no files but its own.

``bwrap`` (Debian's ``bubblewrap``) starts LibreOffice in new namespaces (network, PID, IPC,
UTS, user where possible), so the conversion has only a loopback device of its own: no
request reaches the server, the database or anything else. Its filesystem is built from
nothing: ``/usr`` and the font and LibreOffice configuration read-only, a ``/proc``, a
minimal ``/dev``, an empty ``/tmp`` holding the private profile, the input read-only and an
output directory; the blob store, the data directory and the rest of the machine do not
exist in there. Inside, ``prlimit`` caps LibreOffice's address space, CPU time and file
size, and the profile switches off macros, link updates and loading from untrusted
referers.

Without a working ``bwrap`` Office conversion is refused (``unavailable``), unless the
administrator allows unsandboxed conversion explicitly (``--unsafe-unsandboxed-office``).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

INSIDE = Path("/work")
"""Where the input and the output directory appear inside the box."""
PROFILE_INSIDE = "/tmp/profile"
PROFILE = "file://" + PROFILE_INSIDE
READ_ONLY = ("/usr", "/etc/fonts", "/etc/libreoffice", "/etc/alternatives", "/etc/ld.so.cache",
             "/etc/localtime")
"""Bound read-only when they exist: programs, libraries, fonts, LibreOffice's registry."""
MERGED_USR = (("usr/lib", "/lib"), ("usr/lib64", "/lib64"), ("usr/bin", "/bin"), ("usr/sbin", "/sbin"))
MB = 1024 * 1024

SETTINGS = {
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel"): ("int", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution"): ("boolean", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks"): ("boolean", "true"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link"): ("int", "0"),
    ("/org.openoffice.Office.Calc/Content/Update", "Link"): ("int", "0"),
    ("/org.openoffice.Office.Impress/Content/Update", "Link"): ("int", "0"),
    ("/org.openoffice.Office.Calc/Formula/Load", "OOXMLRecalcMode"): ("int", "1"),
    ("/org.openoffice.Office.Calc/Formula/Load", "ODFRecalcMode"): ("int", "1"),
}
"""Macros never run; links and formulas are never refreshed (a document shows what it was
saved with; LibreOffice's Link update mode 0 is "never", recalculation mode 1 "never")."""


@dataclass(frozen=True)
class Limits:
    memory_mb: int
    cpu_seconds: int
    file_mb: int


def find_bwrap() -> str | None:
    return shutil.which("bwrap")


def _base(bwrap: str) -> list[str]:
    command = [bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
    for path in READ_ONLY:
        if Path(path).exists():
            command += ["--ro-bind", path, path]
    for target, link in MERGED_USR:
        if Path(link).is_symlink():
            command += ["--symlink", target, link]
        elif Path(link).is_dir():
            command += ["--ro-bind", link, link]
    return [*command, "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--dir", str(INSIDE),
                      "--clearenv", "--setenv", "HOME", "/tmp", "--setenv", "PATH", "/usr/bin:/bin",
                      "--setenv", "LANG", "C.UTF-8", "--chdir", str(INSIDE)]


_usable: dict[str, bool] = {}


def usable(bwrap: str) -> bool:
    """Whether ``bwrap`` can build the box here (blocking; the answer is kept): it needs
    namespaces, which some containers deny."""
    if bwrap not in _usable:
        try:
            done = subprocess.run([*_base(bwrap), "/usr/bin/true"], capture_output=True, timeout=20,
                                  check=False)
            _usable[bwrap] = done.returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            _usable[bwrap] = False
    return _usable[bwrap]


def command(bwrap: str, soffice: str, source: Path, out_dir: Path, profile: Path,
            limits: Limits) -> list[str]:
    """The command converting ``source`` into ``out_dir`` inside the box, under ``limits``.

    ``soffice`` must live under ``/usr`` (the only programs there are); ``profile`` is the
    private profile directory, prepared by ``write_settings``.
    """
    inside_source = INSIDE / source.name
    return [*_base(bwrap), "--ro-bind", str(source), str(inside_source),
            "--bind", str(profile), PROFILE_INSIDE, "--bind", str(out_dir), str(INSIDE / "out"),
            "/usr/bin/prlimit", f"--as={limits.memory_mb * MB}", f"--cpu={limits.cpu_seconds}",
            f"--fsize={limits.file_mb * MB}", "--core=0", "--",
            soffice, *soffice_options(PROFILE), "--outdir", str(INSIDE / "out"), str(inside_source)]


def soffice_options(profile_uri: str) -> list[str]:
    """LibreOffice's options for one headless conversion to PDF with its own profile."""
    return [f"-env:UserInstallation={profile_uri}", "--headless", "--norestore", "--nologo",
            "--nodefault", "--nolockcheck", "--convert-to", "pdf"]


def write_settings(profile: Path) -> None:
    """A new profile directory holding only its settings (``user/registrymodifications.xcu``)."""
    path = profile / "user" / "registrymodifications.xcu"
    path.parent.mkdir(parents=True)
    items = "".join(
        f'<item oor:path="{where}"><prop oor:name="{name}" oor:op="fuse">'
        f'<value>{value}</value></prop></item>\n'
        for (where, name), (_kind, value) in SETTINGS.items())
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                    f"{items}</oor:items>\n", encoding="utf-8")
