"""Builds, starts, stops and inspects the local embedded Neo4j (`neo4j-local/`).

State lives under a "home" folder (default `.grassroots/`): `neo4j-local.json` (pid, port, URI,
data dir), `neo4j-password` (user `neo4j`'s password, made on first start, mode 0600),
`logs/` (Maven build log, server output) and, by default, `neo4j-data/`. The test harness uses a
throwaway home, so it never touches a developer's server.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from graph.core.resources import checkout_root, neo4j_local_dir
from graph.core.secrets import local_neo4j_password

MAIN_CLASS = "org.grassroots.neo4jlocal.Neo4jLocal"
HOST = "127.0.0.1"

# The JVM flags of Neo4j 5.26's own neo4j.conf (server.jvm.additional), less -XX:+AlwaysPreTouch,
# which would touch the whole heap at start-up and slow a developer's start for no gain here.
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
]


class LocalNeo4jError(RuntimeError):
    """A problem the user can act on; the message is one line that says what to do."""


class AlreadyRunning(LocalNeo4jError):
    pass


@dataclass
class LocalServer:
    pid: int
    port: int
    uri: str
    data_dir: str
    password: str = field(default="", repr=False)  # read from `neo4j-password`, never written to the state file


def target_dir(home: Path) -> Path:
    """Where Maven puts the jar and its libraries: `neo4j-local/target/` in a source checkout; in
    an installed wheel, `neo4j-local-build/` under the home folder (site-packages stays as pip left it)."""
    if checkout_root() is not None:
        return neo4j_local_dir() / "target"
    return home.resolve() / "neo4j-local-build"


def is_built(home: Path) -> bool:
    target = target_dir(home)
    jar, lib = target / "neo4j-local.jar", target / "lib"
    if not jar.exists() or not lib.is_dir():
        return False
    src = neo4j_local_dir()
    sources = [src / "pom.xml", *(src / "src").rglob("*.java")]
    return jar.stat().st_mtime >= max(p.stat().st_mtime for p in sources)


def build(*, home: Path, progress: Callable[[str], None] = lambda msg: None) -> None:
    """Builds neo4j-local with Maven (jars from Maven Central into the target folder) unless up to date.
    The log goes to `<home>/logs/neo4j-local-build.log`."""
    if is_built(home):
        return
    log_path = home / "logs" / "neo4j-local-build.log"
    mvn = shutil.which("mvn")
    if not mvn:
        raise LocalNeo4jError("Maven (mvn) is not on PATH: install Maven 3.8+ (apt-get install maven) and retry")
    _require_java()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    progress(f"Building neo4j-local with Maven (first use; log: {log_path}) ...")
    with log_path.open("w") as log:
        target = f"-Dneo4jlocal.target={target_dir(home)}"
        rc = subprocess.call(
            [mvn, "-B", "-q", "-DskipTests", target, "package"],
            cwd=neo4j_local_dir(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    if rc != 0:
        raise LocalNeo4jError(f"building neo4j-local failed (mvn exit {rc}); see {log_path}")


def _require_java() -> str:
    java = shutil.which("java", path=_java_path())
    if not java:
        raise LocalNeo4jError("Java is not on PATH: install a JDK 17+ (apt-get install openjdk-17-jdk) and retry")
    return java


def _java_path() -> str:
    home = os.environ.get("JAVA_HOME")
    path = os.environ.get("PATH", "")
    return f"{home}/bin:{path}" if home else path


def port_in_use(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.3)
        return s.connect_ex((HOST, port)) == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _is_ours(pid: int) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False
    return MAIN_CLASS in cmdline


def read_state(home: Path) -> LocalServer | None:
    try:
        state = LocalServer(**json.loads((home / "neo4j-local.json").read_text()))
    except (OSError, ValueError, TypeError):
        return None
    try:
        state.password = password_file(home).read_text(encoding="utf-8").strip()
    except OSError:
        pass
    return state


def running(home: Path) -> LocalServer | None:
    """The server recorded in `home` if its process is alive and ours; clears a stale pid file."""
    state = read_state(home)
    if state is None:
        return None
    if _is_ours(state.pid):
        return state
    (home / "neo4j-local.json").unlink(missing_ok=True)
    return None


def store_mb(data_dir: Path) -> int:
    """Megabytes of the store files under `data_dir` (nodes, relationships, properties, indexes;
    transaction logs left out): what a page cache must hold for reads never to touch the disk."""
    root = data_dir / "data" / "databases"
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) if root.is_dir() else 0
    return -(-total // (1024 * 1024))


def pagecache_for(data_dir: Path, setting_mb: int) -> int:
    """The page cache to start with: the setting, or with 0 the store plus a quarter for growth,
    at least 128 MB (GRASSROOTS_NEO4J_PAGECACHE_MB, docs/performance.md)."""
    if setting_mb > 0:
        return setting_mb
    return max(128, store_mb(data_dir) * 5 // 4)


def start(
    *,
    home: Path,
    port: int,
    data_dir: Path | None = None,
    heap: str = "2g",
    pagecache_mb: int = 512,
    tx_timeout_s: int = 300,
    tx_memory_mb: int = 512,
    tx_monitor_ms: int = 100,
    watch_pid: int | None = None,
    wait_s: float = 180.0,
    progress: Callable[[str], None] = lambda msg: None,
) -> LocalServer:
    home = home.resolve()
    data_dir = (data_dir or home / "neo4j-data").resolve()
    stale = read_state(home)
    current = running(home)
    if current:
        raise AlreadyRunning(f"already running at {current.uri} (pid {current.pid}); `grassroots db stop` first")
    if stale:
        progress(f"Removed a stale pid file (pid {stale.pid} is gone).")
    if port_in_use(port):
        raise LocalNeo4jError(f"port {port} on {HOST} is taken by another program: pick another with --port")
    build(home=home, progress=progress)
    password = local_neo4j_password(home)  # made on first use, owner-only
    java = _require_java()
    target = target_dir(home)
    log_path = home / "logs" / "neo4j-local.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    cmd = [
        java,
        "-Xms256m",
        f"-Xmx{heap}",
        *JVM_FLAGS,
        "-cp",
        f"{target / 'neo4j-local.jar'}{os.pathsep}{target / 'lib' / '*'}",
        MAIN_CLASS,
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
        "--password-file",
        str(password_file(home)),
        "--pagecache-mb",
        str(pagecache_for(data_dir, pagecache_mb)),
        "--tx-timeout-s",
        str(tx_timeout_s),
        "--tx-memory-mb",
        str(tx_memory_mb),
        "--tx-monitor-ms",
        str(tx_monitor_ms),
    ]
    if watch_pid:
        cmd += ["--watch-pid", str(watch_pid)]
    log = log_path.open("w")
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    log.close()
    uri = f"bolt://{HOST}:{port}"
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise LocalNeo4jError(
                f"Neo4j exited during start-up (code {proc.returncode}): {_last_error(log_path)}; log: {log_path}"
            )
        if "READY " in log_path.read_text(errors="replace"):
            break
        time.sleep(0.1)
    else:
        proc.terminate()
        raise LocalNeo4jError(f"Neo4j did not become ready in {wait_s:.0f}s; log: {log_path}")
    _verify(uri, password, deadline)
    server = LocalServer(pid=proc.pid, port=port, uri=uri, data_dir=str(data_dir), password=password)
    state = {k: v for k, v in asdict(server).items() if k != "password"}
    (home / "neo4j-local.json").write_text(json.dumps(state))
    return server


def password_file(home: Path) -> Path:
    """Where the local Neo4j's password is kept (`cat` it to log in with another client)."""
    return home.resolve() / "neo4j-password"


def _verify(uri: str, password: str, deadline: float) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import ServiceUnavailable

    with GraphDatabase.driver(uri, auth=("neo4j", password)) as driver:
        while True:
            try:
                driver.verify_connectivity()
                return
            except ServiceUnavailable:
                if time.monotonic() > deadline:
                    raise LocalNeo4jError(f"Neo4j at {uri} started but does not answer Bolt") from None
                time.sleep(0.2)


def _last_error(log_path: Path) -> str:
    lines = [line for line in log_path.read_text(errors="replace").splitlines() if line.strip()]
    errors = [line for line in lines if "ERROR" in line or "Exception" in line]
    return (errors or lines or ["no output"])[-1][:300]


def stop(*, home: Path, wait_s: float = 120.0) -> LocalServer | None:
    """Sends SIGTERM and waits until the store is closed and the process gone. None if not running."""
    server = running(home.resolve())
    if server is None:
        return None
    os.kill(server.pid, signal.SIGTERM)
    deadline = time.monotonic() + wait_s
    while _alive(server.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _alive(server.pid):
        os.kill(server.pid, signal.SIGKILL)
    (home.resolve() / "neo4j-local.json").unlink(missing_ok=True)
    return server


def _alive(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)  # reap it if it is our child (tests), else ChildProcessError
    except ChildProcessError:
        pass
    return _is_ours(pid) and "zombie" not in _proc_state(pid)


def _proc_state(pid: int) -> str:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("State:"):
                return line.lower()
    except OSError:
        return "gone"
    return ""
